import ArgumentParser
import ReadinessKit

/// `readiness import cybertip`: CyberTipline XML reports into cybertips.yaml.
struct ImportCyberTip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cybertip",
        abstract: "Import NCMEC CyberTipline XML reports into the bundle's cybertips.yaml.",
        discussion: """
            Accepts <cybertipReports> files holding several <report> elements, or a single <report>. \
            DOCTYPEs and entities are refused; elements the bundle has no field for are kept in the \
            report's notes. Evidence items whose hash matches an imported file are linked to it.

            Example:
              readiness import cybertip docs/examples/imports/cybertips-two-reports.xml --into my-case
            """)

    @Argument(help: "CyberTipline XML files.")
    var files: [String]

    @OptionGroup var common: ImportCommonOptions

    func validate() throws {
        try common.requireBundle()
    }

    func run() throws {
        let result = Result { () throws(DiagnosticError) -> ImportReport in
            try CyberTipImporter().importReports(files, into: common.bundle, options: common.importOptions)
        }
        try ImportOutput.finish(result, format: common.format) { report in
            ImportOutput.counts(report, "cybertips", "CyberTip report") + ", "
                + ImportOutput.counts(report, "cybertip_files", "file")
        }
    }
}
