import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness lint`: find problems in rule packs.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check rule packs: schema, expressions, placeholders, legal basis, reachability and tests.",
        discussion: """
            Reports, compiler-style: schema errors, duplicate ids, expressions that do not check, \
            message placeholders that do not exist, tables used but not declared, blocker and major \
            rules without legal basis or remediation, rules no profile reaches, rules without a failing \
            and a passing test, and citations that are not keys of the legal-basis register. Exit \
            status 0 when clean, 2 otherwise.

            Examples:
              readiness lint rules/
              readiness lint rules/us-federal.yaml rules/core.yaml --legal-basis docs/legal-basis.md
            """)

    @Argument(help: "Pack files or folders (default: rules/).")
    var paths: [String] = []

    @Option(help: "The legal-basis register whose keys citations must match (default: docs/legal-basis.md if present).")
    var legalBasis: String?

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        var diagnostics: [Diagnostic]
        var packCount = 0
        do throws(DiagnosticError) {
            let packs = try RulePackLoader().load(paths.isEmpty ? ["rules"] : paths)
            packCount = packs.count
            let register = legalBasis ?? (FileManager.default.fileExists(atPath: "docs/legal-basis.md") ? "docs/legal-basis.md" : nil)
            let keys = register.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }.map(Linter.citationKeys(inRegister:))
            diagnostics = Linter(registeredCitations: keys).lint(packs)
        } catch {
            diagnostics = error.diagnostics
        }
        if format == .json {
            Terminal.print(Terminal.json(diagnostics))
        } else {
            Terminal.printDiagnostics(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            Terminal.print(errors == 0 ? "lint: \(packCount) packs clean" : "lint: \(errors) problem\(errors == 1 ? "" : "s")")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw Terminal.invalidInput }
    }
}
