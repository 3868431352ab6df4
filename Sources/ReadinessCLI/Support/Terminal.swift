import ArgumentParser
import Foundation
import ReadinessKit

/// Output helpers shared by the subcommands.
enum Terminal {
    /// Exit code for input that is invalid (bundle, rule pack, template): 2.
    static let invalidInput = ExitCode(2)

    /// Writes text to standard output, with control characters from untrusted values shown escaped.
    static func print(_ text: String) {
        var safe = TerminalText.sanitized(text)
        if !safe.hasSuffix("\n") { safe += "\n" }
        FileHandle.standardOutput.write(Data(safe.utf8))
    }

    /// Writes text to `path` atomically (whole or not at all), or to standard output when `path` is `nil`.
    ///
    /// - Throws: `DiagnosticError` when the file cannot be written.
    static func write(_ text: String, to path: String?) throws(DiagnosticError) {
        guard let path else { return print(text) }
        try write(path) { try AtomicFile.write(text, to: path) }
    }

    /// Writes JSON from `MemoRenderer.jsonBytes` as `write(_:to:)` does text. It is written as it
    /// is: the encoder has already escaped every character that could act on a terminal.
    static func write(json: Data, to path: String?) throws(DiagnosticError) {
        guard let path else { return FileHandle.standardOutput.write(json) }
        try write(path) { try AtomicFile.write(json, to: path) }
    }

    private static func write(_ path: String, _ body: () throws -> Void) throws(DiagnosticError) {
        do { try body() } catch {
            throw DiagnosticError(Diagnostic(id: "output.unwritable", message: "cannot write '\(path)'", at: nil,
                                             hint: error.localizedDescription))
        }
    }

    /// Writes diagnostics to standard error, compiler style, coloured only on a terminal.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = DiagnosticRenderer.forStandardError().render(diagnostics)
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Encodes a value as pretty, key-sorted JSON text, safe to show on a terminal.
    static func json<T: Encodable>(_ value: T) -> String { MemoRenderer.json(value) }
}

/// Output formats for commands that print diagnostics or summaries.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
