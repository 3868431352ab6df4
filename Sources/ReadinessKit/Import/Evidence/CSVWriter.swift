import Foundation

/// Writes RFC 4180 CSV to a file through a fixed-size buffer: LF line ends, no byte-order mark,
/// a field quoted only when it holds a comma, a quote, a line break or surrounding spaces.
struct CSVWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private let flushSize = 1 << 20

    /// Opens `path` (which must exist) for writing from the start.
    init(path: String) throws(DiagnosticError) {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write '\(path)'", at: nil))
        }
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(flushSize + 4096)
    }

    /// Appends one record.
    mutating func write(_ fields: [String]) throws(DiagnosticError) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                || field.first == " " || field.last == " "
            if needsQuotes {
                buffer.append(0x22)
                for byte in field.utf8 {
                    if byte == 0x22 { buffer.append(0x22) }
                    buffer.append(byte)
                }
                buffer.append(0x22)
            } else {
                buffer.append(contentsOf: field.utf8)
            }
        }
        buffer.append(0x0A)
        if buffer.count >= flushSize { try flush() }
    }

    /// Writes out buffered bytes and closes the file.
    mutating func close() throws(DiagnosticError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot finish '\(path)': \(error.localizedDescription)",
                                             at: nil))
        }
    }

    private mutating func flush() throws(DiagnosticError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write '\(path)': \(error.localizedDescription)",
                                             at: nil, hint: "check free disk space"))
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
