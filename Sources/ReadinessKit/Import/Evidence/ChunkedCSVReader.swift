import Foundation

/// A strict RFC 4180 CSV reader that streams a file in fixed-size chunks.
///
/// The streaming counterpart of the loader's `CSVReader`, with the same rules (UTF-8 with or
/// without a byte-order mark, CRLF or LF, quoted fields holding delimiters, doubled quotes and
/// newlines; errors for unbalanced or stray quotes and invalid UTF-8), so a multi-gigabyte export
/// is read in memory bounded by the chunk size and the longest record. Positions are tracked as
/// bytes go by (columns in Unicode scalars), so no error needs a second pass over the file.
struct ChunkedCSVReader {
    /// One record and where each of its fields starts.
    struct Record {
        /// 0-based index among the file's non-blank records.
        var index: Int
        var fields: [String]
        var positions: [SourceLocation]
    }

    let file: String
    let delimiter: UInt8
    /// When set, every record must have this many fields.
    var expectedWidth: Int?

    private let handle: FileHandle
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var cursor = 0
    private var atEnd = false
    private var line = 1
    private var column = 1
    private var recordCount = 0
    private var fieldBytes: [UInt8] = []
    /// Total bytes read so far (for progress).
    private(set) var bytesRead = 0

    /// Opens `path` for streaming.
    init(path: String, delimiter: UInt8 = 0x2C, chunkSize: Int = 1 << 20) throws(DiagnosticError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticError(Diagnostic(id: "import.not-found", message: "cannot read '\(path)'", at: nil,
                                             hint: "check the file exists and is readable"))
        }
        file = path
        self.delimiter = delimiter
        self.handle = handle
        self.chunkSize = chunkSize
        if peek() == 0xEF {
            refillIfNeeded(minimum: 3)
            if buffer.count - cursor >= 3, buffer[cursor + 1] == 0xBB, buffer[cursor + 2] == 0xBF { cursor += 3 }
        }
    }

    /// Closes the file.
    func close() { try? handle.close() }

    /// The next non-blank record, or `nil` at the end of the file.
    mutating func next() throws(DiagnosticError) -> Record? {
        let quote: UInt8 = 0x22, newline: UInt8 = 0x0A, carriage: UInt8 = 0x0D
        while peek() != nil {
            var fields: [String] = []
            var positions: [SourceLocation] = []
            let recordStart = here
            var endOfRecord = false
            while !endOfRecord {
                let fieldStart = here
                positions.append(fieldStart)
                fieldBytes.removeAll(keepingCapacity: true)
                if peek() == quote {
                    advance()
                    while true {
                        guard let byte = peek() else {
                            throw failure("unbalanced-quote", "quoted field is never closed", at: fieldStart,
                                          hint: "close the field with a double quote, and write a quote inside a field as \"\"")
                        }
                        advance()
                        if byte == quote {
                            if peek() == quote {
                                advance()
                            } else {
                                break
                            }
                        }
                        fieldBytes.append(byte)
                    }
                } else {
                    while let byte = peek(), byte != delimiter, byte != newline, byte != carriage {
                        if byte == quote {
                            throw failure("stray-quote", "a double quote inside an unquoted field", at: here,
                                          hint: "quote the whole field and double the inner quote: \"a \"\"b\"\"\"")
                        }
                        fieldBytes.append(byte)
                        advance()
                    }
                }
                guard let text = String(validating: fieldBytes, as: UTF8.self) else {
                    throw failure("invalid-utf8", "field is not valid UTF-8", at: fieldStart, hint: "export the listing as UTF-8")
                }
                fields.append(text)
                switch peek() {
                case nil:
                    endOfRecord = true
                case delimiter:
                    advance()
                case carriage:
                    advance()
                    if peek() == newline { advance() }
                    endOfRecord = true
                case newline:
                    advance()
                    endOfRecord = true
                default:
                    throw failure("stray-quote", "unexpected text after a closing quote", at: here,
                                  hint: "put the delimiter straight after the closing quote")
                }
            }
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            if let expectedWidth, fields.count != expectedWidth {
                throw failure("ragged-row", "record has \(fields.count) fields but the header has \(expectedWidth)",
                              at: recordStart, hint: "every row needs one value per header column")
            }
            defer { recordCount += 1 }
            return Record(index: recordCount, fields: fields, positions: positions)
        }
        return nil
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    @inline(__always)
    private mutating func peek() -> UInt8? {
        if cursor < buffer.count { return buffer[cursor] }
        refillIfNeeded(minimum: 1)
        return cursor < buffer.count ? buffer[cursor] : nil
    }

    @inline(__always)
    private mutating func advance() {
        let byte = buffer[cursor]
        cursor += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func refillIfNeeded(minimum: Int) {
        guard buffer.count - cursor < minimum, !atEnd else { return }
        var next = Array(buffer[cursor...])
        cursor = 0
        while next.count < minimum, !atEnd {
            let chunk = (try? handle.read(upToCount: chunkSize)) ?? nil
            if let chunk, !chunk.isEmpty {
                bytesRead += chunk.count
                next.append(contentsOf: chunk)
            } else {
                atEnd = true
            }
        }
        buffer = next
    }

    private func failure(_ id: String, _ message: String, at location: SourceLocation, hint: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(id: "import.csv.\(id)", message: message, at: location, hint: hint))
    }
}
