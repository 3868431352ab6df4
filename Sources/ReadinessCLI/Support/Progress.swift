import Foundation

/// A one-line progress counter on standard error, shown only on a terminal and only once a task has
/// run for about a second; never written to files or pipes.
final class Progress {
    private let label: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    init(_ label: String) {
        self.label = label
    }

    /// Reports `count` items done.
    func update(_ count: Int) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(label) \(count.formatted()) items…".utf8))
    }

    /// Clears the line if anything was shown.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
