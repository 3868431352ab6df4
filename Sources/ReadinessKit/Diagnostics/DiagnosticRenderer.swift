import Foundation

/// Prints diagnostics the way compilers do: `file:line:column: error: message [id]`, the offending
/// source line, a caret under the column, and the hint.
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colour (only on a terminal, and never when `NO_COLOR` is set).
    public var colored: Bool

    public init(colored: Bool) {
        self.colored = colored
    }

    /// Colour for standard error: on only for a terminal without `NO_COLOR`.
    public static func forStandardError() -> DiagnosticRenderer {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return DiagnosticRenderer(colored: !noColor && isatty(STDERR_FILENO) == 1)
    }

    /// Renders diagnostics in order, reading each file once for its source lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: [Substring]] = [:]
        return diagnostics.map { diagnostic in
            var lines = [headline(diagnostic)]
            if let location = diagnostic.location, let source = sourceLine(location, cache: &cache) {
                let gutter = String(location.line)
                let pad = String(repeating: " ", count: gutter.count)
                // Source lines are untrusted: control characters are shown escaped, and the caret
                // is placed under the escaped text.
                let safe = TerminalText.sanitized(source, singleLine: true)
                let shown = safe.count > 160 ? String(safe.prefix(160)) + "…" : safe
                let before = TerminalText.sanitized(String(String.UnicodeScalarView(
                    source.unicodeScalars.prefix(max(0, location.column - 1)))), singleLine: true)
                let caretColumn = min(before.unicodeScalars.count + 1, shown.unicodeScalars.count + 1)
                let indent = String(shown.unicodeScalars.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " })
                lines.append("\(pad) |")
                lines.append("\(gutter) | \(shown)")
                lines.append("\(pad) | \(indent)\(paint("^", .green))")
            }
            if let hint = diagnostic.hint { lines.append("  \(paint("help:", .cyan)) \(TerminalText.sanitized(hint, singleLine: true))") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    private func headline(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { TerminalText.sanitized("\($0): ", singleLine: true) } ?? ""
        let color: ANSI = diagnostic.severity == .error ? .red : diagnostic.severity == .warning ? .yellow : .cyan
        return "\(paint(place, .bold))\(paint(diagnostic.severity.rawValue + ":", color)) \(TerminalText.sanitized(diagnostic.message, singleLine: true)) [\(diagnostic.id)]"
    }

    private func sourceLine(_ location: SourceLocation, cache: inout [String: [Substring]]) -> String? {
        if cache[location.file] == nil {
            let size = (try? FileManager.default.attributesOfItem(atPath: location.file)[.size] as? Int) ?? nil
            guard let size, size <= 16 << 20, let data = FileManager.default.contents(atPath: location.file) else { return nil }
            cache[location.file] = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { Substring(String(decoding: $0, as: UTF8.self)) }
        }
        guard let lines = cache[location.file], location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        return String(line.hasSuffix("\r") ? line.dropLast() : line)
    }

    private enum ANSI: String {
        case red = "31", green = "32", yellow = "33", cyan = "36", bold = "1"
    }

    private func paint(_ text: String, _ color: ANSI) -> String {
        guard colored, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
    }
}
