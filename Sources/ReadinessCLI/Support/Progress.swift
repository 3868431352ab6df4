import Foundation

/// A one-line progress counter on standard error, shown only on a terminal and only once a task has
/// run for about a second; never written to files or pipes. Safe to update from any thread: a
/// lock keeps the updates whole.
final class Progress: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let start = Date()
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false

    /// A counter shown as `label count unit…`.
    init(_ label: String, unit: String = "items") {
        self.label = label
        self.unit = unit
    }

    /// Reports `count` done.
    func update(_ count: Int) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        lock.withLock {
            shown = true
            FileHandle.standardError.write(Data("\r\(label) \(count.formatted()) \(unit)…".utf8))
        }
    }

    /// Clears the line if anything was shown.
    func finish() {
        lock.withLock {
            guard shown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}
