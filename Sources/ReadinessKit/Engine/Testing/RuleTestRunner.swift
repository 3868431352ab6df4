/// Runs the test cases written next to each rule and reports every mismatch at the test's line.
public enum RuleTestRunner {
    /// The outcome of running a set of packs' tests.
    public struct Summary: Sendable {
        public var rulesTested: Int
        public var testsRun: Int
        public var failures: [Diagnostic]
    }

    /// The date tests run at unless they set `as_of`.
    public static let defaultAsOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    /// Runs every test of every rule in `packs` (each pack compiled with the packs it extends).
    public static func run(_ packs: [RulePack]) throws(DiagnosticError) -> Summary {
        var summary = Summary(rulesTested: 0, testsRun: 0, failures: [])
        var compileProblems: [Diagnostic] = []
        for pack in packs {
            let checklist: CompiledChecklist
            do throws(DiagnosticError) {
                checklist = try ChecklistCompiler.compile(try ChecklistCompiler.chain(of: pack, in: packs))
            } catch {
                compileProblems += error.diagnostics
                continue
            }
            for compiled in checklist.rules where compiled.rule.pack == pack.id {
                summary.rulesTested += 1
                for test in compiled.rule.tests {
                    summary.testsRun += 1
                    summary.failures += failures(of: test, rule: compiled)
                }
            }
        }
        guard compileProblems.isEmpty else { throw DiagnosticError(compileProblems) }
        return summary
    }

    /// The mismatches between a test's expectations and what the rule finds.
    static func failures(of test: RuleTest, rule: CompiledRule) -> [Diagnostic] {
        var evaluator = RuleEvaluator(compiled: rule, bundle: test.bundle, asOf: test.asOf ?? defaultAsOf,
                                      profile: .standard, attestations: AttestationBook(bundle: test.bundle, asOf: test.asOf ?? defaultAsOf))
        evaluator.keepPasses = true
        var waivers = WaiverBook(bundle: test.bundle, rules: [rule], asOf: test.asOf ?? defaultAsOf)
        let result = evaluator.evaluate(waivers: &waivers)
        var failures: [Diagnostic] = []
        for (subject, expected) in test.expected.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
            let finding = subject.flatMap { id in result.findings.first { $0.subject?.id == id } }
            let actual = subject == nil ? result.outcome : finding?.outcome ?? .notApplicable
            guard actual != expected else { continue }
            let what = subject.map { "'\($0)'" } ?? "the rule"
            var detail = ""
            if let finding = finding ?? (subject == nil ? result.findings.first : nil) {
                if !finding.missingFacts.isEmpty { detail += "; missing: \(finding.missingFacts.joined(separator: ", "))" }
                if let reason = finding.reason { detail += "; \(reason)" }
            }
            failures.append(Diagnostic(
                id: "rules.test-failed",
                message: "test '\(test.name)' of \(rule.rule.id): expected \(what) to be \(expected.rawValue), got \(actual.rawValue)\(detail)",
                at: test.location,
                hint: subject != nil && finding == nil ? "no subject '\(subject ?? "")' was checked: is it in the test bundle and inside the rule's 'where'?" : nil))
        }
        return failures
    }
}
