import Foundation

/// Writes files atomically: to a temporary file in the same folder, then renamed into place,
/// so a failure never leaves a half-written output.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, replacing any existing file only when complete.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
