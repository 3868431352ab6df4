import Foundation

/// Writes files atomically: to a temporary file in the same folder, then renamed into place,
/// so a failure never leaves a half-written output.
public enum AtomicFile {
    /// Writes `text` as UTF-8 to `path`, replacing any existing file only when complete.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `bytes` to `path`, replacing any existing file only when complete.
    public static func write(_ bytes: Data, to path: String) throws {
        try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
