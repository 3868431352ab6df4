import Foundation
import Testing
@testable import ReadinessKit

/// Shared machinery for the hostile-input tests: fixture paths, a time-bounded runner, a canary
/// that must never leak, and the loader's outcome as data.
///
/// Every hostile test asserts one or more of the guarantees in `docs/security.md`: a clear, located
/// error (exit code 2 from the CLI); no crash; no hang; nothing read outside the bundle; nothing
/// written outside the requested output.
enum Hostile {
    /// The committed hostile corpus.
    static let root = Repository.path("Tests/ReadinessKitTests/Fixtures/hostile")

    /// The path of a committed fixture.
    static func fixture(_ relative: String) -> String { root + "/" + relative }

    /// The generous guard against hangs. It is not a performance target: each input here finishes in
    /// well under a second in a release build; the guard only turns a hang into a failure.
    static let timeLimit: Double = 10

    /// Text written into files outside a bundle. It must never appear in a diagnostic or an output.
    static let canary = "CANARY-5f0c2a-outside-the-bundle-must-never-be-read"

    /// Runs `body` on its own thread with the stack size of the CLI's main thread (8 MiB) and waits
    /// at most `seconds`. Returns `nil` and records an issue when the work does not finish in time
    /// (the thread is left to finish on its own; the test has failed either way).
    static func bounded<T: Sendable>(
        _ what: String, seconds: Double = timeLimit, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ body: @escaping @Sendable () -> T
    ) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(body())
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            Issue.record("\(what) did not finish within \(Int(seconds)) s (hang guard)", sourceLocation: sourceLocation)
            return nil
        }
        return box.get()
    }

    /// Loads `path` with the library loader inside the hang guard and renders the diagnostics as the
    /// CLI does (reading source lines back from the files).
    static func load(_ path: String, seconds: Double = timeLimit, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> LoadOutcome? {
        bounded("loading \(path)", seconds: seconds, sourceLocation: sourceLocation) {
            let outcome: LoadOutcome
            do throws(DiagnosticError) {
                let loaded = try BundleLoader().load(path)
                outcome = LoadOutcome(bundle: loaded.bundle, diagnostics: loaded.warnings, folder: path)
            } catch {
                outcome = LoadOutcome(bundle: nil, diagnostics: error.diagnostics, folder: path)
            }
            return outcome
        }
    }

    /// A fresh, empty temporary folder.
    static func temporaryFolder(_ label: String = "hostile") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("readiness-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies a committed fixture folder into a fresh temporary folder and returns the copy's path.
    static func copy(_ relative: String) throws -> String {
        let destination = try temporaryFolder(relative.replacingOccurrences(of: "/", with: "-")) + "/bundle"
        try FileManager.default.copyItem(atPath: fixture(relative), toPath: destination)
        return destination
    }

    /// Writes raw bytes to `path`, creating folders as needed.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Writes text as UTF-8 to `path`, creating folders as needed.
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Every file under `folder` (recursively, not following symbolic links) with its size, for
    /// "nothing was written" checks.
    static func listing(_ folder: String) -> [String: Int] {
        var result: [String: Int] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let name = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            result[name] = (attributes?[.size] as? Int) ?? -1
        }
        return result
    }

    /// The minimal case header every hostile bundle starts from.
    static let caseHeader = """
        format: readiness-bundle/1
        case:
          id: H-1
          caption: Hostile v. Fixture (fictional)
          jurisdiction: US-FED
          stage: pre_charge

        """
}

/// What loading a bundle gave: the bundle (when valid) and every diagnostic.
struct LoadOutcome: Sendable {
    var bundle: CaseBundle?
    var diagnostics: [Diagnostic]
    var folder: String

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The diagnostics' ids, sorted, without repeats.
    var ids: [String] { Array(Set(diagnostics.map(\.id))).sorted() }

    /// The diagnostics as the CLI prints them (source lines, carets, hints), without colour.
    var rendered: String { DiagnosticRenderer(colored: false).render(diagnostics) }

    /// The diagnostics' descriptions with the bundle folder shortened to `B`.
    var problems: [String] { diagnostics.map { $0.description.replacingOccurrences(of: folder, with: "B") } }

    /// Whether every error points at a file, a line and a column (a "clear, located error").
    var everyErrorIsLocated: Bool {
        !errors.isEmpty && errors.allSatisfy { diagnostic in
            guard let location = diagnostic.location else { return false }
            return !location.file.isEmpty && location.line >= 1 && location.column >= 1
        }
    }
}

/// A value handed from the worker thread to the waiting test.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func set(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func get() -> T? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
