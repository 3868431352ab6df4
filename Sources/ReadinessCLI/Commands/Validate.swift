import ArgumentParser
import ReadinessKit

/// `readiness validate`: load bundles and report every problem, or a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that case bundles are well formed and consistent.",
        discussion: """
            Prints a one-line summary for each valid bundle, or every problem found with its \
            file:line:column. Exit status: 0 when all bundles are valid, 2 when any is not.

            Examples:
              readiness validate samples/us-ready-possession
              readiness validate samples/* --format json
            """)

    @Argument(help: "Bundle folders (holding case.yaml) or single .yaml/.json bundle files.")
    var bundles: [String]

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let loader = BundleLoader()
        var reports: [ValidationReport] = []
        for path in bundles {
            do throws(DiagnosticError) {
                let validated = try loader.validate(path)
                reports.append(ValidationReport(bundle: path, valid: true, summary: validated.summary, diagnostics: validated.warnings))
            } catch {
                reports.append(ValidationReport(bundle: path, valid: false, summary: nil, diagnostics: error.diagnostics))
            }
        }
        switch format {
        case .json:
            Terminal.print(Terminal.json(reports))
        case .text:
            for report in reports {
                Terminal.printDiagnostics(report.diagnostics)
                if let summary = report.summary {
                    Terminal.print("\(report.bundle): valid — \(summary.description)")
                } else {
                    let errors = report.diagnostics.filter { $0.severity == .error }.count
                    Terminal.print("\(report.bundle): invalid — \(errors) error\(errors == 1 ? "" : "s")")
                }
            }
        }
        if reports.contains(where: { !$0.valid }) { throw Terminal.invalidInput }
    }
}

/// The machine-readable result of validating one bundle.
struct ValidationReport: Encodable {
    var bundle: String
    var valid: Bool
    var summary: BundleSummary?
    var diagnostics: [Diagnostic]
}
