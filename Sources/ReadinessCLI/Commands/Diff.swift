import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness diff`: what changed between two JSON reports of the same case.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what was fixed, what is new and what is still open between two reports.",
        discussion: """
            Compares two JSON reports of the same case (written by 'readiness check --format \\
            json'), keyed by rule id and subject id, and prints the same progress section the \\
            memo shows with --since. Exit status: 0, or 2 when a report cannot be read or the \\
            reports are about different cases.

            Examples:
              readiness diff last-week.json today.json
              readiness diff last-week.json today.json --format json
            """)

    @Argument(help: "The earlier JSON report.")
    var old: String

    @Argument(help: "The later JSON report.")
    var new: String

    @Option(help: "Output format: text, markdown or json.")
    var format: MemoFormat = .text

    @Option(help: "A copy of the templates folder to render text and markdown with.")
    var templateDir: String?

    func validate() throws {
        guard [.text, .markdown, .json].contains(format) else {
            throw ValidationError("diff prints text, markdown or json, not \(format.rawValue)")
        }
    }

    func run() throws {
        do throws(DiagnosticError) {
            let before = try ReportDigest.read(old), after = try ReportDigest.read(new)
            try before.requireSameCase(as: after)
            let templates = format.usesTemplates ? try TemplateLocator.locate(explicit: templateDir, format: format).directory : nil
            Terminal.print(try MemoRenderer.renderDiff(from: before, to: after, as: format, templateDirectory: templates))
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
    }
}
