import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness check`: run the checklist for a bundle and report the readiness decision.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a case bundle against the rule packs for its jurisdiction.",
        discussion: """
            Loads the bundle, selects the packs covering its jurisdiction (or those named with \
            --pack), checks every rule and prints the decision with every open issue. Exit status: \
            0 when the check ran, 1 when --fail-on is reached, 2 on invalid input.

            Examples:
              readiness check samples/us-ready-possession
              readiness check samples/us-warrantless-view-9th --as-of 2026-06-01 --format json
              readiness check my-case --profile indictment --fail-on blocker
            """)

    @Argument(help: "A bundle folder (holding case.yaml) or a single .yaml/.json bundle file.")
    var bundle: String

    @OptionGroup var selection: PackSelection

    @Option(help: "The reference date for every date rule, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "The profile to use (default: pre-charge when the packs define it).")
    var profile: String?

    @Option(help: "Exit with status 1 when the decision reaches this level: blocker (not ready), major (ready with conditions) or never.")
    var failOn: FailLevel = .never

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let day = try ReferenceDate.parse(asOf)
        let decision: Decision.Level
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(bundle, streamingEvidence: true)
            Terminal.printDiagnostics(loaded.warnings)
            let checklist = try selection.checklist(for: loaded.bundle)
            let progress = Progress("Checking \(bundle):")
            defer { progress.finish() }
            let report = try CaseChecker(checklist: checklist).check(loaded, options: .init(asOf: day, profile: profile),
                                                                    progress: progress.update)
            Terminal.print(format == .json ? Terminal.json(report) : TerminalSummary.text(report))
            decision = report.decision.level
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        if failOn.isReached(by: decision) { throw ExitCode(1) }
    }
}

/// The decision level at which `--fail-on` makes `check` exit 1.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case blocker, major, never

    func isReached(by level: Decision.Level) -> Bool {
        switch self {
        case .never: false
        case .blocker: level == .notReady
        case .major: level != .ready
        }
    }
}

/// The `--as-of` date, or today (UTC) when not given.
enum ReferenceDate {
    static func parse(_ text: String?) throws -> Day {
        guard let text else {
            return Day(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
        }
        guard case .date(let day) = TemporalParser.parse(text) else {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, found '\(text)'")
        }
        return day
    }
}
