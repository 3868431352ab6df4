import ArgumentParser
import ReadinessKit

/// `readiness schema`: print the JSON Schema of the bundle format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the case-bundle format.",
        discussion: """
            Other tools can validate and export bundles with it. Section files in a bundle folder \
            hold arrays of the matching $defs entry (e.g. witnesses.yaml holds Witness items).

            Example:
              readiness schema > bundle.schema.json
            """)

    func run() throws {
        Terminal.print(JSONSchemaExporter.jsonSchema(for: .v1))
    }
}
