import Foundation

/// A strict RFC 4180 CSV reader over bytes, with record numbers and field positions.
///
/// Written for this project rather than taken from a package because evidence listings need what
/// the CSV packages here do not give: an error for unbalanced or stray quotes, a column-count check
/// on every record, and the line and column of every field (quoted newlines make record numbers and
/// line numbers differ). It accepts a UTF-8 byte-order mark, CRLF or LF line ends, and quoted fields
/// holding commas, doubled quotes and newlines.
struct CSVReader {
    /// One record: its 1-based number among data records (the header is record 0) and its fields.
    struct Row {
        var number: Int
        var fields: [String]
        /// Where each field starts, for locating problems.
        var positions: [Position]
    }

    /// Where a field starts: its line, and the byte offsets of that line and of the field.
    struct Position {
        var line: Int
        var lineStart: Int
        var offset: Int
    }

    let file: String
    let data: Data

    /// Calls `body` with each record in order (the header is record 0); stops at the first syntax error.
    func forEachRow(_ body: (Row) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let result: Result<Void, DiagnosticError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do throws(DiagnosticError) {
                try scan(bytes, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Row) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, newline: UInt8 = 0x0A, carriage: UInt8 = 0x0D
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        var fields: [String] = []
        var offsets: [Position] = []
        var width: Int?
        var line = 1, lineStart = index
        while index < bytes.count {
            let recordStart = index
            fields.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            var endOfRecord = false
            while !endOfRecord {
                let fieldStart = index
                offsets.append(Position(line: line, lineStart: lineStart, offset: fieldStart))
                if index < bytes.count, bytes[index] == quote {
                    var text: [UInt8] = []
                    index += 1
                    while true {
                        guard index < bytes.count else {
                            throw failure("csv.unbalanced-quote", "quoted field is never closed", at: fieldStart, in: bytes,
                                          hint: "close the field with a double quote, and write a quote inside a field as \"\"")
                        }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count, bytes[index + 1] == quote {
                                text.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if byte == newline {
                            line += 1
                            lineStart = index + 1
                        }
                        text.append(byte)
                        index += 1
                    }
                    fields.append(try string(text, at: fieldStart, in: bytes))
                } else {
                    let start = index
                    while index < bytes.count, bytes[index] != comma, bytes[index] != newline, bytes[index] != carriage {
                        if bytes[index] == quote {
                            throw failure("csv.stray-quote", "a double quote inside an unquoted field", at: index, in: bytes,
                                          hint: "quote the whole field and double the inner quote: \"a \"\"b\"\"\"")
                        }
                        index += 1
                    }
                    fields.append(try string(bytes[start..<index], at: start, in: bytes))
                }
                guard index < bytes.count else { break }
                switch bytes[index] {
                case comma:
                    index += 1
                case carriage where index + 1 < bytes.count && bytes[index + 1] == newline:
                    index += 2
                    endOfRecord = true
                case newline, carriage:
                    index += 1
                    endOfRecord = true
                default:
                    throw failure("csv.stray-quote", "unexpected text after a closing quote", at: index, in: bytes,
                                  hint: "put a comma straight after the closing quote")
                }
            }
            line += 1
            lineStart = index
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            if let width, fields.count != width {
                throw failure("csv.ragged-row", "record \(number) has \(fields.count) fields but the header has \(width)",
                              at: recordStart, in: bytes, hint: "every row needs one value per header column; leave unknown cells empty")
            }
            width = width ?? fields.count
            try body(Row(number: number, fields: fields, positions: offsets))
            number += 1
        }
    }

    private func string(_ slice: Slice<UnsafeBufferPointer<UInt8>>, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
        throws(DiagnosticError) -> String
    {
        let buffer = UnsafeBufferPointer(rebasing: slice)
        if buffer.allSatisfy({ $0 < 0x80 }) { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw failure("csv.invalid-utf8", "field is not valid UTF-8", at: offset, in: bytes, hint: "save the file as UTF-8")
        }
        return text
    }

    private func string(_ bytes: [UInt8], at offset: Int, in all: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) -> String {
        try bytes.withUnsafeBufferPointer { (buffer) throws(DiagnosticError) -> String in try string(buffer[...], at: offset, in: all) }
    }

    private func failure(_ id: String, _ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, hint: String)
        -> DiagnosticError
    {
        DiagnosticError(Diagnostic(id: "bundle.\(id)", message: message, at: location(ofByte: offset, in: bytes), hint: hint))
    }

    /// The line and column (in Unicode scalars) of a byte offset, counted from the start; for errors only.
    private func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return location(of: Position(line: line, lineStart: lineStart, offset: offset), in: bytes)
    }

    private func location(of position: Position, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let prefix = bytes[position.lineStart..<min(position.offset, bytes.count)]
        let column = prefix.reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return SourceLocation(file: file, line: position.line, column: column)
    }

    /// The file location of a field position.
    func location(of position: Position) -> SourceLocation {
        data.withUnsafeBytes { location(of: position, in: $0.bindMemory(to: UInt8.self)) }
    }
}
