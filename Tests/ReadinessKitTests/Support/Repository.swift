import Foundation

/// Paths inside this repository, for tests that check committed files (docs, samples, rules).
enum Repository {
    /// The package root, found from this source file's location.
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// An absolute path for a repository-relative one.
    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The text of a committed file.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
