import Foundation
import Testing

/// Runs the built `readiness` binary, for the guarantees only the command line can show: exit
/// codes, what reaches the terminal, and which files are written.
///
/// `swift test` builds every product before running tests, so the binary sits next to the test
/// bundle. When it cannot be found (e.g. the tests were built by another tool), the CLI tests are
/// skipped rather than run against a stale binary; the library tests cover the same inputs.
enum CLIRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        /// Standard output and standard error, as raw bytes, for checks on control characters.
        var rawOutput: [UInt8]
    }

    /// The `readiness` binary built with the tests, if present.
    static let binary: String? = {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let argument = URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL
        for start in [executable, argument] {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("readiness"))
                folder = folder.deletingLastPathComponent()
            }
        }
        return candidates.map(\.path).first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
    }()

    static var isAvailable: Bool { binary != nil }

    /// Runs `readiness` with `arguments` in `directory`, killing it after `seconds`.
    static func run(_ arguments: [String], in directory: String, seconds: Double = Hostile.timeLimit) throws -> Result {
        guard let binary else { throw CLIRunnerError.missingBinary }
        // Captured outside `directory`, so "nothing was written" checks see only what the tool wrote.
        let capture = NSTemporaryDirectory() + "/readiness-cli-\(UUID().uuidString)"
        let outPath = capture + ".stdout", errPath = capture + ".stderr"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            timedOut = true
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
        }
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(
            status: process.isRunning ? -1 : process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self), timedOut: timedOut, rawOutput: Array(out) + Array(err))
    }

    enum CLIRunnerError: Error {
        case missingBinary
    }
}
