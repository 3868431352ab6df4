import Foundation

/// Converts between byte offsets and 1-based line and column (in Unicode scalars) in a UTF-8 text.
///
/// Built once per imported file so that diagnostics can point at exact places without rescanning.
struct SourceText {
    let data: Data
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(_ data: Data) {
        self.data = data
        var starts = [0]
        data.withUnsafeBytes { raw in
            for (index, byte) in raw.enumerated() where byte == 0x0A { starts.append(index + 1) }
        }
        lineStarts = starts
    }

    /// The line and column of a byte offset.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, data.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let column = data.withUnsafeBytes { raw in
            raw[start..<clamped].reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        }
        return (low + 1, column)
    }

    /// The byte offset of a 1-based line and column, or `nil` if it lies outside the text.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count, column >= 1 else { return nil }
        var offset = lineStarts[line - 1]
        var remaining = column - 1
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            while remaining > 0 {
                guard offset < raw.count else { return nil }
                offset += 1
                while offset < raw.count, raw[offset] & 0xC0 == 0x80 { offset += 1 }
                remaining -= 1
            }
            return offset
        }
    }

    /// Searches backwards from `offset` (inclusive) for `byte`; returns its offset.
    func lastIndex(of byte: UInt8, atOrBefore offset: Int) -> Int? {
        guard !data.isEmpty else { return nil }
        var index = min(offset, data.count - 1)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int? in
            while index >= 0 {
                if raw[index] == byte { return index }
                index -= 1
            }
            return nil
        }
    }

    /// The location just past the last byte.
    var endPosition: (line: Int, column: Int) { position(ofByte: data.count) }
}
