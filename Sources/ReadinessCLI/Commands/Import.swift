import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness import`: bring real inputs (CyberTipline XML, forensic file listings) into a bundle.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CyberTipline XML reports or forensic file listings into a case bundle.",
        discussion: """
            Imports never remove or change what the bundle holds, add nothing when repeated, and \
            replace the bundle's files only when everything succeeded. See docs/import.md.

            Examples:
              readiness import cybertip reports.xml --into cases/2026-CR-0142
              readiness import evidence listing.csv --preset examplar --set device=D1 --into cases/2026-CR-0142
            """,
        subcommands: [ImportCyberTip.self, ImportEvidence.self])
}

/// Options every import subcommand takes.
struct ImportCommonOptions: ParsableArguments {
    @Option(name: .customLong("into"), help: "The bundle folder to import into (holding case.yaml).")
    var into: String?

    /// The bundle folder; `validate()` of each subcommand makes sure it was given.
    var bundle: String { into ?? "" }

    /// Throws the usage error for a missing `--into`.
    func requireBundle() throws {
        if into == nil { throw ValidationError("give the bundle folder to import into with --into FOLDER") }
    }

    @Option(name: .customLong("validate"),
            help: "auto, full or streamed: load the whole bundle before and after (full), or check rows as they stream (streamed). auto streams when evidence.csv is over 64 MiB.")
    var validation: ImportValidation = .auto

    @Flag(help: "Read and check everything, but do not change the bundle.")
    var dryRun = false

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    var importOptions: ImportOptions { ImportOptions(validation: validation, dryRun: dryRun) }
}

extension ImportValidation: ExpressibleByArgument {}

/// Printing of import results, shared by the subcommands.
enum ImportOutput {
    /// Prints the report (or the failure) and maps failure to exit status 2.
    static func finish(_ result: Result<ImportReport, DiagnosticError>, format: DiagnosticFormat, describe: (ImportReport) -> String)
        throws
    {
        switch (result, format) {
        case (.success(let report), .json):
            Terminal.print(Terminal.json(report))
        case (.success(let report), .text):
            Terminal.printDiagnostics(report.diagnostics)
            Terminal.print(text(report, describe: describe))
        case (.failure(let error), .json):
            Terminal.print(Terminal.json(["diagnostics": error.diagnostics]))
            throw Terminal.invalidInput
        case (.failure(let error), .text):
            Terminal.printDiagnostics(error.diagnostics)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Terminal.print("import failed: \(count) error\(count == 1 ? "" : "s"); the bundle was not changed")
            throw Terminal.invalidInput
        }
    }

    private static func text(_ report: ImportReport, describe: (ImportReport) -> String) -> String {
        var lines = [(report.dryRun ? "Dry run: would import " : "Imported ") + describe(report) + " into \(report.bundle)."]
        if report.completed > 0 { lines.append("Completed \(report.completed) existing record(s) with fields they lacked.") }
        if report.linked > 0 { lines.append("Linked \(report.linked) evidence item(s) to CyberTip files by hash.") }
        lines.append(report.written.isEmpty ? "No bundle file changed." : "Wrote: \(report.written.joined(separator: ", ")).")
        switch report.validation {
        case "full":
            lines.append("Bundle validates: \(report.summary?.description ?? "")")
        case "streamed":
            lines.append("Checked every imported row as it was read; the bundle was not loaded whole because "
                + "evidence.csv is large. Run 'readiness validate \(report.bundle)' for the full check.")
        default:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// "3 new, 1 already present" style counts.
    static func counts(_ report: ImportReport, _ key: String, _ noun: String) -> String {
        let added = report.added[key] ?? 0, present = report.alreadyPresent[key] ?? 0
        return "\(added) \(noun)\(added == 1 ? "" : "s")" + (present > 0 ? " (\(present) already present)" : "")
    }
}
