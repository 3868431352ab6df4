import ArgumentParser
import ReadinessKit

/// `readiness import evidence`: a forensic tool's file listing into evidence.csv.
struct ImportEvidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Import a forensic tool's file listing (CSV) into the bundle's evidence.csv.",
        discussion: """
            Columns are mapped to evidence fields by a mapping file (--map) or a built-in preset \
            (--preset: \(EvidencePresets.names.joined(separator: ", "))). The listing is streamed, so \
            exports of millions of rows import in bounded memory. Rows whose id is already in the \
            bundle are skipped.

            Examples:
              readiness import evidence export.csv --preset examplar --set device=D1 --into my-case
              readiness import evidence export.csv --map my-tool.yaml --into my-case
              readiness import evidence --show-preset sampleprobe > my-tool.yaml
            """)

    @Argument(help: "The listing (CSV).")
    var file: String?

    @Option(name: .customLong("map"), help: "A mapping file (YAML): source column → bundle field, value tables.")
    var mapping: String?

    @Option(help: "A built-in mapping: \(EvidencePresets.names.joined(separator: ", ")).")
    var preset: String?

    @Option(name: .customLong("set"), help: "FIELD=VALUE given to every imported row, e.g. device=D1 (repeatable).")
    var constants: [String] = []

    @Option(help: "Put this before every imported id, e.g. D2- when two listings number items alike.")
    var idPrefix: String?

    @Option(help: "Print a preset's mapping YAML and exit.")
    var showPreset: String?

    @OptionGroup var common: ImportCommonOptions

    func validate() throws {
        if showPreset != nil { return }
        try common.requireBundle()
        guard file != nil else { throw ValidationError("give the listing to import") }
        guard (mapping == nil) != (preset == nil) else { throw ValidationError("give either --map FILE or --preset NAME") }
        for entry in constants where !entry.contains("=") {
            throw ValidationError("--set takes FIELD=VALUE, found '\(entry)'")
        }
    }

    func run() throws {
        if let showPreset {
            guard let yaml = EvidencePresets.yaml(named: showPreset) else {
                throw ValidationError("no preset '\(showPreset)'; presets: \(EvidencePresets.names.joined(separator: ", "))")
            }
            Terminal.print(yaml)
            return
        }
        var set: [String: String] = [:]
        for entry in constants {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            set[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let result = Result { () throws(DiagnosticError) -> ImportReport in
            let chosen: EvidenceMapping
            if let mapping {
                chosen = try EvidenceMapping.load(file: mapping)
            } else {
                chosen = try EvidencePresets.mapping(named: preset ?? "")
            }
            return try EvidenceImporter().importListing(file ?? "", into: common.bundle, mapping: chosen, set: set, idPrefix: idPrefix,
                                                        options: common.importOptions)
        }
        try ImportOutput.finish(result, format: common.format) { report in
            ImportOutput.counts(report, "evidence", "evidence item")
        }
    }
}
