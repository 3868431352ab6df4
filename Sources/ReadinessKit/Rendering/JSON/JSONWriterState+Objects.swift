import Foundation

/// Ending an object: its members in key order.
///
/// With `.sortedKeys`, swift-foundation's `JSONWriter.serializeObject` (the `JSONEncoder` of Swift
/// on Linux) orders keys with `a.key.utf8.lexicographicallyPrecedes(b.key.utf8)`: by UTF-8 bytes,
/// so uppercase before `_` before lowercase, `a10` before `a9`, and non-ASCII keys last. (Apple's
/// Foundation can use a case-insensitive, numeric `NSString` comparison instead, for apps linked
/// against old SDKs.) Its objects are dictionaries, so a key written twice keeps one value; this
/// writer gives up on such objects instead.
extension JSONWriterState {
    /// Writes the end of the object `frame` (which has just been popped), after putting its members
    /// in key order.
    mutating func finishObject(_ frame: JSONFrame) {
        let members = frame.firstEntry..<entries.count
        defer {
            entries.removeLast(members.count)
            keys.removeLast(keys.count - frame.firstKey)
        }
        guard !members.isEmpty else {
            return output.appendEmpty(UInt8(ascii: "{"), UInt8(ascii: "}"), level: frame.level)
        }
        for index in members.dropLast() {
            entries[index].end = entries[index + 1].start
        }
        entries[members.upperBound - 1].end = output.count
        if members.count > 1 {
            if !isStrictlyAscending(members) {
                sortEntries(members)
                // Equal keys end up side by side.
                if !isStrictlyAscending(members) { _ = giveUp() }
                moveInOrder(members, from: frame.start)
            }
            if keys.bytes[frame.firstKey...].contains(where: { $0 >= 0x80 }), hasEquivalentKeys(members) { _ = giveUp() }
        }
        output[frame.start] = UInt8(ascii: "{")
        output.appendClosing(UInt8(ascii: "}"), level: frame.level)
    }

    private func isStrictlyAscending(_ members: Range<Int>) -> Bool {
        let keys = keys.bytes
        for index in members.dropFirst() where !Self.precedes(entries[index - 1], entries[index], in: keys) {
            return false
        }
        return true
    }

    private mutating func sortEntries(_ members: Range<Int>) {
        let keys = keys.bytes
        entries[members].sort { Self.precedes($0, $1, in: keys) }
    }

    /// Whether the key of `a` comes before that of `b`, comparing UTF-8 bytes.
    @inline(__always)
    private static func precedes(_ a: JSONEntry, _ b: JSONEntry, in keys: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(a.keyCount, b.keyCount)
        if common > 0, let base = keys.baseAddress {
            let order = memcmp(base + a.keyStart, base + b.keyStart, common)
            if order != 0 { return order < 0 }
        }
        return a.keyCount < b.keyCount
    }

    /// Whether two of the keys are different bytes but equal strings (`"e\u{301}"` and `"é"`),
    /// which `JSONEncoder`'s dictionary would hold as one key.
    private func hasEquivalentKeys(_ members: Range<Int>) -> Bool {
        let keys = keys.bytes
        let strings = Set(entries[members].map {
            String(decoding: UnsafeBufferPointer(rebasing: keys[$0.keyStart..<$0.keyStart + $0.keyCount]), as: UTF8.self)
        })
        return strings.count < members.count
    }

    /// Rewrites the members' text, which runs from `start` to the end of the output, in the order
    /// of `entries[members]`. The largest member moves within the output; only the others are
    /// copied aside and back (for the whole document, this keeps the copy small).
    private mutating func moveInOrder(_ members: Range<Int>, from start: Int) {
        func length(_ index: Int) -> Int { entries[index].end - entries[index].start }
        guard let largest = members.max(by: { length($0) < length($1) }) else { return }
        scratch.removeAll()
        var largestTarget = start
        for index in members where index != largest {
            scratch.append(output.base + entries[index].start, count: length(index))
            if index < largest { largestTarget += length(index) }
        }
        (output.base + largestTarget).update(from: output.base + entries[largest].start, count: length(largest))
        var target = output.base + start
        var source = scratch.base
        for index in members {
            if index == largest {
                target += length(index)
                continue
            }
            target.update(from: source, count: length(index))
            target += length(index)
            source += length(index)
        }
    }
}
