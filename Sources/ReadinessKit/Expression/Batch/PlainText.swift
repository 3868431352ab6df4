/// Text whose bytes can stand for its characters: ASCII without carriage returns.
///
/// Swift compares strings by canonical equivalence and splits them into grapheme clusters, so
/// bytes can differ where strings are equal (`K` and the Kelvin sign) and one character can be
/// two scalars (`\r\n`). In plain text every byte is one character and no other string is
/// equivalent to it, so equality, prefixes, searches and patterns can run on the bytes; any other
/// cell takes the `String` path.
enum PlainText {
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }

    static func isPlain<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.allSatisfy(isPlain)
    }

    static func isPlain(_ text: String) -> Bool { isPlain(text.utf8) }

    /// Whether every byte is plain, tested eight bytes at a time (a cell is often a 64-digit hash).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let carriageReturns = word ^ (ones &* 0x0D)
            if word & highs != 0 || (carriageReturns &- ones) & ~carriageReturns & highs != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            guard isPlain(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Whether a cell's bytes are `text`'s.
    @inline(__always)
    static func same(_ cell: UnsafeBufferPointer<UInt8>, _ text: [UInt8]) -> Bool {
        guard cell.count == text.count else { return false }
        for index in 0..<cell.count where cell[index] != text[index] { return false }
        return true
    }

    /// `text in list` for each row of a list column, where `text` is plain: yes when an element
    /// has its bytes, no when every element is plain, else `fallback(row)`.
    static func listContains(
        _ lists: TextListColumn, _ text: [UInt8], rows: Int, fallback: (Int) -> BatchTruth
    ) -> [BatchTruth] {
        (0..<rows).map { row in
            guard lists.present[row] else { return .unknown }
            var allPlain = true
            for element in lists.elementStart(row)..<Int(lists.rowEnds[row]) {
                let (equal, plain) = lists.elements.withCell(element) { ($0.elementsEqual(text), isPlain($0)) }
                if equal { return .yes }
                allPlain = allPlain && plain
            }
            return allPlain ? .no : fallback(row)
        }
    }

    /// A row-invariant list tested for plain cells by their bytes, as `Comparison.contains` would.
    struct Set {
        private var candidates: [[UInt8]] = []
        private var buckets: [UInt64: [Int]] = [:]
        /// Whether the list holds an absent value, which makes a miss unknown.
        private var hasNull = false

        /// `nil` when the list holds text that is not plain (which a plain cell might equal).
        init?(_ elements: [Value]) {
            for element in elements {
                switch element {
                case .string(let text):
                    guard PlainText.isPlain(text) else { return nil }
                    let bytes = Array(text.utf8)
                    buckets[Self.hash(bytes), default: []].append(candidates.count)
                    candidates.append(bytes)
                case .null: hasNull = true
                default: break  // never equal to text
                }
            }
        }

        /// The truth of `cell in list`, or `nil` when the cell is not plain and matches no element.
        func contains(_ cell: UnsafeBufferPointer<UInt8>) -> BatchTruth? {
            if candidates.count <= 8 {
                if candidates.contains(where: { PlainText.same(cell, $0) }) { return .yes }
            } else if let bucket = buckets[Self.hash(cell)], bucket.contains(where: { PlainText.same(cell, candidates[$0]) }) {
                return .yes
            }
            guard PlainText.isPlain(cell) else { return nil }
            return hasNull ? .unknown : .no
        }

        /// FNV-1a.
        private static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
            bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }
}

extension TextColumn {
    /// `decide(row, bytes)` for each present cell; absent cells are unknown.
    func truths(_ decide: (Int, UnsafeBufferPointer<UInt8>) -> BatchTruth) -> [BatchTruth] {
        bytes.withUnsafeBufferPointer { all in
            (0..<count).map { row in
                guard present[row] else { return .unknown }
                return decide(row, UnsafeBufferPointer(rebasing: all[start(row)..<Int(ends[row])]))
            }
        }
    }
}
