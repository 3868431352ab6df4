import Foundation

/// A strict, streaming RFC 4180 CSV reader with record numbers and field positions.
///
/// Written for this project rather than taken from a package because evidence listings need what
/// the CSV packages here do not give: an error for unbalanced or stray quotes, a column-count check
/// on every record, and the line and column of every field (quoted newlines make record numbers and
/// line numbers differ). It accepts a UTF-8 byte-order mark, CRLF or LF line ends, and quoted fields
/// holding commas, doubled quotes and newlines. Files are read in chunks, so memory stays bounded
/// whatever the file's size.
struct CSVReader {
    /// One record, valid only during the callback that receives it.
    struct Row: ListingRow {
        /// 1-based number among data records; the header is record 0.
        var number: Int
        fileprivate var cells: UnsafeBufferPointer<Cell>
        /// Where the record starts (line, line start and offset in `buffer`).
        fileprivate var start: ListingPosition
        fileprivate var buffer: UnsafeBufferPointer<UInt8>
        fileprivate var scratch: UnsafeBufferPointer<UInt8>
        fileprivate var file: String

        /// The number of fields.
        var count: Int { cells.count }

        /// Calls `body` with field `index`'s UTF-8 bytes, unquoted (valid UTF-8: the reader checks).
        @inline(__always)
        func withField<Result, Failure: Error>(
            _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            let cell = cells[index]
            let source = cell.quoted ? scratch : buffer
            return try body(UnsafeBufferPointer(rebasing: source[cell.start..<cell.end]))
        }

        var problems: [Diagnostic] { [] }
        var isItem: Bool { true }

        /// Appends field `index`'s cell to `writer`. (Called directly, not through `withField`: a
        /// closure capturing the writer made a copy of it, in and out, for every cell.)
        @inline(__always)
        func write(_ index: Int, into writer: inout ColumnWriter) throws(ScalarConverter.Failure) {
            let cell = cells[index]
            try writer.append(UnsafeBufferPointer(rebasing: (cell.quoted ? scratch : buffer)[cell.start..<cell.end]))
        }

        /// Every field as a string.
        var fields: [String] { cells.indices.map(field) }

        /// The file location where field `index` starts (columns in Unicode scalars).
        func location(ofField index: Int) -> SourceLocation {
            position(ofField: index).location(in: buffer, file: file)
        }

        /// Where field `index` starts; a quoted field before it may hold line breaks.
        fileprivate func position(ofField index: Int) -> ListingPosition {
            let offset = cells[index].offset
            var position = ListingPosition(line: start.line, lineStart: start.lineStart, offset: offset)
            for byteIndex in start.offset..<offset where buffer[byteIndex] == 0x0A {
                position.line += 1
                position.lineStart = byteIndex + 1
            }
            return position
        }

        /// The line the record starts on.
        var line: Int { start.line }
    }

    /// Where a field's bytes are: in the file's buffer, or unquoted into the row's scratch buffer.
    fileprivate struct Cell {
        var start: Int
        var end: Int
        var quoted: Bool
        /// Where the field starts in the file's buffer (its opening quote, when quoted).
        var offset: Int
    }

    let file: String
    let source: ListingSource
    /// Bytes read per chunk from a file.
    var chunkSize = 4 << 20

    init(file: String, data: Data) {
        self.file = file
        self.source = .data(data)
    }

    init(file: String, path: String) {
        self.file = file
        self.source = .file(path)
    }

    /// Calls `body` with each record in order (the header is record 0); stops at the first syntax error.
    /// `chunk` sees the bytes as they are read, for hashing. Reading starts in `state` (a part of a
    /// file that begins at a record boundary is read from the record number, line and width found
    /// before it) and ends in the state returned.
    @discardableResult
    func forEachRow(
        from state: ListingScanState = ListingScanState(), chunk: (Data) -> Void = { _ in }, _ body: (Row) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> ListingScanState {
        var state = state
        try source.forEachChunk(file: file, chunkSize: chunkSize, chunk: chunk) { (bytes, final) throws(DiagnosticError) in
            try scan(bytes, final: final, state: &state, body)
        }
        return state
    }

    /// Scans complete records in `data`; returns the bytes consumed (an incomplete last record is
    /// left for the next chunk unless `final`).
    private func scan(
        _ data: Data, final: Bool, state: inout ListingScanState, _ body: (Row) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> Int {
        let result: Result<Int, DiagnosticError> = data.withUnsafeBytes { raw in
            do throws(DiagnosticError) {
                return .success(try scan(raw.bindMemory(to: UInt8.self), final: final, state: &state, body))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, state: inout ListingScanState, _ body: (Row) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> Int {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriage: UInt8 = 0x0D
        var index = 0
        if !state.started {
            guard bytes.count >= 3 || final else { return 0 }
            state.started = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }
        // Fields need checking for valid UTF-8 only when the buffer has a byte outside ASCII.
        let ascii = Self.isASCII(bytes)
        let special = Self.special
        var cells = GrowableBuffer<Cell>()
        defer { cells.deallocate() }
        var scratch: [UInt8] = []
        var consumed = index
        records: while index < bytes.count {
            let recordStart = ListingPosition(line: state.line, lineStart: index, offset: index)
            var line = state.line, lineStart = index
            cells.removeAll()
            scratch.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                let fieldStart = index
                if index < bytes.count, bytes[index] == quote {
                    let fieldPosition = ListingPosition(line: line, lineStart: lineStart, offset: fieldStart)
                    let textStart = scratch.count
                    index += 1
                    while true {
                        guard index < bytes.count else {
                            if !final { break records }
                            throw failure("csv.unbalanced-quote", "quoted field is never closed",
                                          fieldPosition, bytes,
                                          hint: "close the field with a double quote, and write a quote inside a field as \"\"")
                        }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                scratch.append(quote)
                                index += 2
                                continue
                            }
                            if index + 1 == bytes.count, !final { break records }
                            index += 1
                            break
                        }
                        if byte == newline {
                            line += 1
                            lineStart = index + 1
                        }
                        scratch.append(byte)
                        index += 1
                    }
                    // Located at the field's start: `line` and `lineStart` have moved past any newline
                    // inside the quotes, beyond `fieldStart`.
                    try scratch.withUnsafeBufferPointer { (text) throws(DiagnosticError) in
                        if !ascii { try validate(text[textStart...], fieldPosition, bytes) }
                    }
                    cells.append(Cell(start: textStart, end: scratch.count, quoted: true, offset: fieldStart))
                } else {
                    let start = index
                    // The run ends at a comma, a line break, the end of the bytes, or a stray quote.
                    index = Self.plainEnd(bytes, from: index, special)
                    if index < bytes.count, bytes[index] == quote {
                        throw failure("csv.stray-quote", "a double quote inside an unquoted field",
                                      ListingPosition(line: line, lineStart: lineStart, offset: index), bytes,
                                      hint: "quote the whole field and double the inner quote: \"a \"\"b\"\"\"")
                    }
                    if index == bytes.count, !final { break records }
                    if !ascii { try validate(bytes[start..<index], ListingPosition(line: line, lineStart: lineStart, offset: start), bytes) }
                    cells.append(Cell(start: start, end: index, quoted: false, offset: start))
                }
                guard index < bytes.count else { break }
                // Tested apart, and first: all but one field of a record end with a comma.
                if bytes[index] == comma {
                    index += 1
                    continue
                }
                switch bytes[index] {
                case carriage where index + 1 < bytes.count && bytes[index + 1] == newline:
                    index += 2
                    endOfRecord = true
                case carriage where index + 1 == bytes.count && !final:
                    break records
                case newline, carriage:
                    index += 1
                    endOfRecord = true
                default:
                    throw failure("csv.stray-quote", "unexpected text after a closing quote",
                                  ListingPosition(line: line, lineStart: lineStart, offset: index), bytes,
                                  hint: "put a comma straight after the closing quote")
                }
            }
            consumed = index
            state.line = line + 1
            if cells.count == 1, cells.elements[0].start == cells.elements[0].end { continue }  // blank line
            if let width = state.width, cells.count != width {
                throw failure("csv.ragged-row", "record \(state.number) has \(cells.count) fields but the header has \(width)",
                              recordStart, bytes,
                              hint: "every row needs one value per header column; leave unknown cells empty")
            }
            state.width = state.width ?? cells.count
            try scratch.withUnsafeBufferPointer { (scratch) throws(DiagnosticError) in
                try body(Row(number: state.number, cells: cells.elements, start: recordStart, buffer: bytes, scratch: scratch, file: file))
            }
            state.number += 1
        }
        return consumed
    }

    /// The bytes that end or break an unquoted field: comma, line feed, carriage return and quote.
    private static let special: [Bool] = (0..<256).map { [0x2C, 0x0A, 0x0D, 0x22].contains($0) }

    /// Where the run of plain bytes from `index` ends: the first special byte, or the end. Eight
    /// bytes are tested at a time (a hash or path cell is dozens of bytes long).
    @inline(__always)
    private static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ special: [Bool]) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let found = specialBytes(in: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < bytes.count, !special[Int(bytes[index])] { index += 1 }
        return index
    }

    /// A word with the high bit set in the byte of each comma, line feed, carriage return and quote
    /// of `word` (byte 0 lowest). Above the first such byte a bit may be set wrongly; the lowest set
    /// bit is always right.
    @inline(__always)
    private static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        return zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
            | zeroBytes(word ^ (ones &* 0x22))
    }

    /// Whether every byte is ASCII, tested eight bytes at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let words = bytes.count / 8
        let raw = UnsafeRawPointer(base)
        var combined: UInt64 = 0
        for word in 0..<words { combined |= raw.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self) }
        for index in (words * 8)..<bytes.count { combined |= UInt64(bytes[index]) }
        return combined & 0x8080_8080_8080_8080 == 0
    }

    /// Throws unless the field's bytes are valid UTF-8.
    private func validate(_ slice: Slice<UnsafeBufferPointer<UInt8>>, _ position: ListingPosition, _ bytes: UnsafeBufferPointer<UInt8>)
        throws(DiagnosticError)
    {
        let buffer = UnsafeBufferPointer(rebasing: slice)
        if buffer.allSatisfy({ $0 < 0x80 }) || String(validating: buffer, as: UTF8.self) != nil { return }
        throw failure("csv.invalid-utf8", "field is not valid UTF-8", position, bytes, hint: "save the file as UTF-8")
    }

    private func failure(_ id: String, _ message: String, _ position: ListingPosition, _ bytes: UnsafeBufferPointer<UInt8>, hint: String)
        -> DiagnosticError
    {
        DiagnosticError(Diagnostic(id: "bundle.\(id)", message: message, at: position.location(in: bytes, file: file), hint: hint))
    }
}
