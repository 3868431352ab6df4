import ArgumentParser
import ReadinessKit

/// The `readiness` command: checks whether a CSAM case file is ready for a charging decision.
@main
struct Readiness: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "Check whether a CSAM case file will hold up before charging, and what to fix.",
        discussion: """
            Readiness reads a case bundle (metadata only, never imagery), checks it against the rule \
            packs for its jurisdiction and writes a readiness memo. It makes no network calls.

            Examples:
              readiness check samples/us-ready-possession
              readiness check samples/us-warrantless-view-9th --as-of 2026-04-01 --output memo.html
              readiness validate samples/us-ready-possession
              readiness init my-case
              readiness schema > bundle.schema.json
            """,
        version: ReadinessKit.version,
        subcommands: [
            Check.self, Diff.self, Validate.self, Import.self, Lint.self, TestRules.self, Rules.self, Explain.self,
            Generate.self, Init.self, Schema.self, Samples.self, WorkshopCommand.self,
        ]
    )
}
