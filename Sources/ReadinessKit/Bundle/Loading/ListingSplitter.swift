import Crypto
import Foundation

/// Reads a listing in pieces that each end at a record boundary, so the pieces can be parsed on
/// different threads and the results joined in file order.
///
/// In JSON Lines every line feed is a boundary. In CSV a boundary is a line feed outside quotes:
/// one with an even number of double quotes before it in the piece. Pieces start at boundaries,
/// so that holds for every well-formed file. In a file with a stray quote the count can be wrong
/// after it, but the piece holding the stray quote starts at a true boundary and fails to parse
/// exactly as a whole read does; the pieces after a failed one are not used.
struct ListingSplitter {
    private let handle: FileHandle
    private let chunkSize: Int
    /// Whether quotes decide which line feeds are boundaries (CSV).
    private let quoted: Bool
    /// Bytes read after the last piece's end.
    private var leftover = Data()
    private var atEnd = false
    /// The error (`errno`) that stopped reading, if one did; nothing is handed out after it.
    private(set) var readError: Int32?
    /// The SHA-256 of the bytes read so far: the whole file's, once it is read. Hashed here, as
    /// the bytes are read in order, rather than by the thread that takes the pieces.
    private(set) var hash = SHA256()

    /// A splitter over the listing at `path` in `format` that reads `chunkSize` bytes at a time,
    /// or `nil` when it cannot be opened.
    init?(path: String, format: ListingFormat, chunkSize: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.chunkSize = max(chunkSize, 1)
        quoted = format == .csv
    }

    /// Closes the file.
    func close() {
        try? handle.close()
    }

    /// The file's first record and anything before it (a byte-order mark), ending at the first
    /// boundary; `nil` when no boundary comes within `limit` bytes (a file whose lines end with
    /// carriage returns only, or a header with a very long quoted name), which a caller reads
    /// whole instead, or when reading failed (`readError`).
    mutating func header(limit: Int) -> Data? {
        var searched = 0
        while true {
            if let end = Self.firstBoundary(in: leftover, from: searched, quoted: quoted) { return take(upTo: end) }
            searched = leftover.count
            guard !atEnd, leftover.count < limit else { return atEnd && readError == nil ? take(upTo: leftover.count) : nil }
            readChunk()
        }
    }

    /// The next piece: at least one whole record, ending at the last boundary in the bytes read;
    /// the file's last bytes when it ends; `nil` once everything has been handed out, or when
    /// reading failed (`readError`).
    mutating func next() -> Data? {
        while true {
            if atEnd { return leftover.isEmpty || readError != nil ? nil : take(upTo: leftover.count) }
            readChunk()
            if !atEnd, let end = Self.lastBoundary(in: leftover, quoted: quoted) { return take(upTo: end) }
        }
    }

    /// Everything not yet handed out, in one piece; `nil` when reading failed (`readError`).
    mutating func rest() -> Data? {
        while !atEnd { readChunk() }
        return readError == nil ? take(upTo: leftover.count) : nil
    }

    /// Reads up to `chunkSize` more bytes into one buffer after `leftover` (which is copied, not
    /// the chunk: it is at most a record long unless a record spans chunks).
    private mutating func readChunk() {
        let capacity = leftover.count + chunkSize
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        leftover.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(buffer), byteCount: $0.count) }
        var filled = leftover.count
        while filled < capacity {
            let count = read(handle.fileDescriptor, buffer + filled, capacity - filled)
            if count < 0, errno == EINTR { continue }
            if count < 0 { readError = errno }
            guard count > 0 else { break }
            filled += count
        }
        hash.update(bufferPointer: UnsafeRawBufferPointer(start: buffer + leftover.count, count: filled - leftover.count))
        if filled == leftover.count || readError != nil { atEnd = true }
        leftover = Data(bytesNoCopy: buffer, count: filled, deallocator: .custom { pointer, _ in pointer.deallocate() })
    }

    /// The first `count` bytes of `leftover`, removed from it.
    private mutating func take(upTo count: Int) -> Data {
        let piece = leftover.prefix(count)
        leftover = count < leftover.count ? Data(leftover[(leftover.startIndex + count)...]) : Data()
        return piece
    }

    /// The offset just past the first line feed from `start` that is a boundary: with an even
    /// number of quotes before it (quotes before `start` are counted too) when `quoted`.
    static func firstBoundary(in data: Data, from start: Int, quoted: Bool) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard quoted else { return bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } }
            var quotes = 0
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\""): quotes += 1
                case UInt8(ascii: "\n") where index >= start && quotes % 2 == 0: return index + 1
                default: break
                }
            }
            return nil
        }
    }

    /// The offset just past the last line feed that is a boundary: with an even number of quotes
    /// before it when `quoted`.
    static func lastBoundary(in data: Data, quoted: Bool) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard quoted else { return bytes.lastIndex(of: 0x0A).map { $0 + 1 } }
            var quotes = quoteCount(bytes)
            var index = bytes.count
            while index > 0 {
                index -= 1
                switch bytes[index] {
                case UInt8(ascii: "\""): quotes -= 1
                case UInt8(ascii: "\n") where quotes % 2 == 0: return index + 1
                default: break
                }
            }
            return nil
        }
    }

    /// The number of double quotes in `bytes`. `memchr` skips the runs between quotes many bytes
    /// at a time (most listings have few quotes); where they come thick, eight bytes are counted
    /// at a time instead.
    private static func quoteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var cursor = UnsafeRawPointer(base)
        let end = UnsafeRawPointer(base + bytes.count)
        while cursor < end, let quote = memchr(cursor, 0x22, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(quote) + 1
            if count % 1024 == 0, cursor - UnsafeRawPointer(base) < 64 * count {
                return count + denseQuoteCount(UnsafeBufferPointer(start: base + (cursor - UnsafeRawPointer(base)), count: end - cursor))
            }
        }
        return count
    }

    /// The number of double quotes in `bytes`, counted eight bytes at a time.
    private static func denseQuoteCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        var count = 0, index = 0
        while index + 8 <= bytes.count {
            // A byte of `word` is zero exactly where the input byte is a quote; this sets the high
            // bit of each zero byte and of no other (no carry crosses bytes).
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (ones &* 0x22)
            count += (~(((word & lows) &+ lows) | word | lows)).nonzeroBitCount
            index += 8
        }
        return count + bytes[index...].count { $0 == 0x22 }
    }
}
