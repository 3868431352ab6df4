import ArgumentParser
import ReadinessKit

/// `readiness schema`: print the JSON Schema of the bundle format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the case-bundle format.",
        discussion: """
            Other tools can validate and export bundles with it. Section files in a bundle folder \
            hold arrays of the matching $defs entry (e.g. witnesses.yaml holds Witness items).

            Examples:
              readiness schema > bundle.schema.json
              readiness schema --format markdown
            """)

    /// What to print.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Option(help: "json (JSON Schema) or markdown (the field reference in docs/bundle-format.md).")
    var format: Format = .json

    func run() throws {
        switch format {
        case .json: Terminal.print(JSONSchemaExporter.jsonSchema(for: .v1))
        case .markdown: Terminal.print(SchemaDocumenter.markdown(for: .v1))
        }
    }
}
