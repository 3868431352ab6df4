import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness check`: run the checklist for a bundle and report the readiness decision.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a case bundle against the rule packs for its jurisdiction.",
        discussion: """
            Loads the bundle, selects the packs covering its jurisdiction (or those named with \
            --pack), checks every rule and writes the readiness memo: the decision, blockers and \
            majors, the action plan, the proof and witness matrices, the evidence summary and a \
            reproducibility footer. Text goes to standard output unless --output names a file, \
            which is written whole or not at all. Exit status: 0 when the check ran, 1 when \
            --fail-on is reached, 2 on invalid input.

            Formats: text (80 columns), html (one printable file), markdown, json (the full \
            report, readiness-report/1) and csv (the action plan). Without --format, the format \
            follows the --output extension (.txt, .html, .md, .json, .csv), else text.

            Templates come from --template-dir, else templates/ in the working directory, else \
            templates/ beside the executable, else the defaults built into the program.

            Examples:
              readiness check samples/us-ready-possession
              readiness check my-case --output memo.html --redact
              readiness check my-case --format json --output today.json --since last-week.json
              readiness check my-case --profile indictment --fail-on blocker
              readiness check cases/ --format csv --output docket.csv     (one line per case)
            """)

    @Argument(help: "A bundle folder (holding case.yaml) or a single .yaml/.json bundle file; several bundles, or a folder of bundle folders, give a docket summary.")
    var bundles: [String]

    @OptionGroup var selection: PackSelection

    @Option(help: "The reference date for every date rule, YYYY-MM-DD (default: today, UTC).")
    var asOf: String?

    @Option(help: "The profile to use (default: pre-charge when the packs define it).")
    var profile: String?

    @Option(help: "Exit with status 1 when the decision reaches this level: blocker (not ready), major (ready with conditions) or never.")
    var failOn: FailLevel = .never

    @Option(help: "Output format: text, html, markdown, json or csv (default: from the --output extension, else text).")
    var format: MemoFormat?

    @Option(name: .shortAndLong, help: "Write the output to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "A copy of the templates folder to render text, html and markdown with.")
    var templateDir: String?

    @Flag(help: "Replace victim and suspect identifying details with stable pseudonyms in every format.")
    var redact = false

    @Option(help: "An earlier JSON report of this case: the memo then shows what was fixed, what is new and what is still open.")
    var since: String?

    func validate() throws {
        if isDocket, redact || since != nil || templateDir != nil {
            throw ValidationError("--redact, --since and --template-dir apply to a single bundle's memo, not to a docket")
        }
        if isDocket, let chosen = format, chosen == .markdown {
            throw ValidationError("a docket summary is written as text, html, json or csv")
        }
        if format == nil, let output, MemoFormat(fileExtension: (output as NSString).pathExtension) == nil {
            throw ValidationError("cannot tell the format from '\(output)'; add --format text|html|markdown|json|csv")
        }
    }

    /// Whether the arguments name several bundles (or a folder of them) rather than one bundle.
    var isDocket: Bool {
        bundles.count > 1 || Docket.bundlePaths(in: bundles) != bundles
    }

    func run() throws {
        let day = try ReferenceDate.parse(asOf)
        let chosen = format ?? output.flatMap { MemoFormat(fileExtension: ($0 as NSString).pathExtension) } ?? .text
        if isDocket { return try runDocket(asOf: day, format: chosen) }
        let bundle = bundles[0]
        let decision: Decision.Level
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(bundle, streamingEvidence: true)
            Terminal.printDiagnostics(loaded.warnings)
            let checklist = try selection.checklist(for: loaded.bundle)
            let progress = Progress("Checking \(bundle):")
            defer { progress.finish() }
            var report = try CaseChecker(checklist: checklist).check(loaded, options: .init(asOf: day, profile: profile),
                                                                    progress: progress.update)
            if let since {
                let previous = try ReportDigest.read(since)
                try previous.requireSameCase(as: ReportDigest(report))
                report.progress = ReportDiff(previous: previous, current: ReportDigest(report))
            }
            if redact { report = Redactor(bundle: loaded.bundle).redact(report) }
            let templates = chosen.usesTemplates ? try TemplateLocator.locate(explicit: templateDir, format: chosen).directory : nil
            if chosen == .json {
                try Terminal.write(json: MemoRenderer.jsonBytes(report), to: output)
            } else {
                try Terminal.write(try MemoRenderer.render(report, as: chosen, templateDirectory: templates), to: output)
            }
            decision = report.decision.level
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        if failOn.isReached(by: decision) { throw ExitCode(1) }
    }
}

extension MemoFormat: ExpressibleByArgument {}

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
