import Foundation

/// Where a listing reader's bytes come from: bytes in memory (a piece of a file, or a test's
/// text) or a file read in chunks, so memory stays bounded whatever the file's size.
enum ListingSource {
    case data(Data)
    case file(String)

    /// Calls `scan` with the bytes not yet consumed and whether they run to the end of the file;
    /// `scan` returns how many bytes it consumed (whole records), and the rest is handed to it
    /// again with the next chunk. `chunk` sees the bytes as they are read, for hashing. `file`
    /// names the listing in messages.
    ///
    /// - Throws: `DiagnosticError` when the file cannot be opened or read, or what `scan` throws.
    func forEachChunk(
        file: String, chunkSize: Int, chunk: (Data) -> Void, _ scan: (Data, Bool) throws(DiagnosticError) -> Int
    ) throws(DiagnosticError) {
        switch self {
        case .data(let data):
            chunk(data)
            _ = try scan(data, true)
        case .file(let path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw DiagnosticError(Diagnostic(id: "bundle.not-found", message: "cannot read '\(file)'", at: nil))
            }
            defer { try? handle.close() }
            var pending = Data()
            while true {
                let next: Data?
                do {
                    next = try handle.read(upToCount: chunkSize)
                } catch {
                    throw Self.readFailure(file: file, reason: (error as NSError).localizedDescription)
                }
                let final = next?.isEmpty ?? true
                if let next {
                    chunk(next)
                    pending.append(next)
                }
                let used = try scan(pending, final)
                pending = used < pending.count ? Data(pending[(pending.startIndex + used)...]) : Data()
                if final { break }
            }
        }
    }

    /// The error for a listing whose bytes could not all be read (a failing disk or network
    /// share): reading stops rather than check part of the file as if it were all of it.
    static func readFailure(file: String, reason: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(id: "bundle.read-error", message: "cannot read '\(file)': \(reason)", at: nil,
                                   hint: "check the disk or share it is on, or copy the bundle to local storage"))
    }
}
