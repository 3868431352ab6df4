import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness samples`: list the training samples, or verify them against their answer keys.
struct Samples: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the training samples with their expected decisions, or verify them against their answer keys.",
        discussion: """
            Reads every folder in the samples folder that holds a case bundle: the one-line summary \
            from its README.md and the expected decision from its expected.yaml. With --verify, \
            checks each sample at its answer key's as-of date and reports every departure from the \
            key (exit status 1 if any).

            Examples:
              readiness samples
              readiness samples --verify
              readiness samples --dir my-course/samples --format json
            """)

    @Option(help: "The samples folder (default: samples/ in the working directory).")
    var dir: String = SampleCatalogue.defaultDirectory

    @Flag(help: "Check every sample against its answer key.")
    var verify = false

    @Option(name: .long, help: "A rule-pack folder or file, for --verify (repeatable; default: rules/).")
    var rules: [String] = []

    @Option(help: "Output format: text or json.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let samples: [Sample]
        do throws(DiagnosticError) {
            samples = try SampleCatalogue.load(directory: dir)
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        if verify { return try verifyAll(samples) }
        let rows = samples.map(Row.init)
        if format == .json {
            Terminal.print(Terminal.json(rows))
            return
        }
        let width = (rows.map(\.name.count).max() ?? 0) + 2
        for row in rows {
            Terminal.print(row.name.padding(width) + row.decision.padding(23) + row.summary)
        }
        Terminal.print("\(rows.count) samples in \(dir). Try: readiness check \(dir)/NAME --as-of DATE (the date in its expected.yaml)")
    }

    private func verifyAll(_ samples: [Sample]) throws {
        var runner: SampleRunner
        do throws(DiagnosticError) {
            runner = SampleRunner(packs: try RulePackLoader().load(rules.isEmpty ? ["rules"] : rules))
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        var failures = 0
        var results: [Verification] = []
        for sample in samples {
            do throws(DiagnosticError) {
                let outcome = try runner.run(sample)
                failures += outcome.mismatches.isEmpty ? 0 : 1
                results.append(Verification(name: sample.name, agrees: outcome.mismatches.isEmpty,
                                            decision: outcome.report.decision.level.rawValue, problems: outcome.mismatches.map(\.description)))
            } catch {
                failures += 1
                results.append(Verification(name: sample.name, agrees: false, decision: nil, problems: error.diagnostics.map(\.description)))
            }
        }
        if format == .json {
            Terminal.print(Terminal.json(results))
        } else {
            for result in results {
                Terminal.print("\(result.agrees ? "ok  " : "FAIL") \(result.name) (\(result.decision ?? "not checked"))")
                result.problems.forEach { Terminal.print("     \($0)") }
            }
            Terminal.print("\(results.count - failures) of \(results.count) samples agree with their answer keys")
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// One line of the listing.
    struct Row: Encodable {
        var name: String
        var decision: String
        var asOf: String
        var title: String
        var summary: String

        init(_ sample: Sample) {
            name = sample.name
            switch sample.key {
            case .success(let key):
                decision = key.decision.rawValue
                asOf = key.asOf.description
            case .failure:
                decision = "(no valid expected.yaml)"
                asOf = ""
            }
            title = sample.readme?.title ?? ""
            summary = sample.summary
        }
    }

    /// One sample's verification.
    struct Verification: Encodable {
        var name: String
        var agrees: Bool
        var decision: String?
        var problems: [String]
    }
}
