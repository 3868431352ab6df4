import Foundation
import Testing
@testable import ReadinessKit

/// Rule expressions and rule packs designed to run long or to break the compiler: each is refused
/// at load with a located error, or stops at a budget with an `error` result that says why, in
/// bounded time.
@Suite("Hostile rule expressions and packs") struct ExpressionHostileTests {
    static let asOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    func compile(_ text: String) -> Result<CompiledExpression, DiagnosticError> {
        var environment = ExpressionEnvironment()
        environment.declareVariable("item", type: .record("EvidenceItem"))
        let source = ExpressionSource(text: text, file: "rules/x.yaml", start: SourceLocation(file: "rules/x.yaml", line: 9, column: 14))
        do throws(DiagnosticError) {
            return .success(try ExpressionCompiler.compile(source, in: environment))
        } catch {
            return .failure(error)
        }
    }

    func errorIDs(_ text: String) -> [String] {
        guard case .failure(let error) = compile(text) else { return [] }
        return error.diagnostics.map(\.id)
    }

    /// A bundle with `count` evidence items in evidence.csv and a 30-character summary.
    func bigBundle(items count: Int, summary: String = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!") throws -> CaseBundle {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + "  summary: \"\(summary)\"\n", to: folder + "/case.yaml")
        var csv = "id,location,sha256\n"
        for index in 0..<count { csv += "E\(index),allocated,\(index)\n" }
        try Hostile.write(csv, to: folder + "/evidence.csv")
        return try BundleLoader().load(folder).bundle
    }

    func longRunningChecklist() throws -> CompiledChecklist {
        try ChecklistCompiler.compile(try RulePackLoader().load([Hostile.fixture("rules/long-running.yaml")]))
    }

    @Test("four nested scans of a 200-item listing (1.6 billion steps) stop at the step budget with a reason, in bounded time")
    func nestedMacrosStopAtTheBudget() throws {
        let bundle = try bigBundle(items: 200)
        let checklist = try longRunningChecklist()
        let report = try #require(Hostile.bounded("nested macros", seconds: 60) {
            try? CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: Self.asOf))
        } ?? nil)
        let nested = try #require(report.results.first { $0.rule == "HL-01" })
        #expect(nested.outcome == .error)
        #expect(nested.findings.first?.reason?.contains("the step budget") == true)
    }

    @Test("a rule comparing each of 20,000 items with every other stops at the rule's step budget, in bounded time (was minutes, hours at a million)")
    func quadraticRuleStopsAtTheRuleBudget() throws {
        let bundle = try bigBundle(items: 20_000)
        let checklist = try longRunningChecklist()
        let report = try #require(Hostile.bounded("quadratic rule", seconds: 120) {
            try? CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: Self.asOf))
        } ?? nil)
        let quadratic = try #require(report.results.first { $0.rule == "HL-02" })
        #expect(quadratic.outcome == .error)
        #expect(quadratic.findings.contains { $0.reason?.contains("this rule has used its budget") == true })
    }

    @Test("the rule budget stays spent: after it runs out, every later evaluation stops at its first step")
    func spentBudgetStaysSpent() throws {
        let bundle = try bigBundle(items: 50)
        guard case .success(let compiled) = compile("evidence.all(e, e.id != '')") else {
            Issue.record("the expression should compile")
            return
        }
        var environment = ExpressionEnvironment()
        environment.declareVariable("item", type: .record("EvidenceItem"))
        var context = EvaluationContext(bundle: bundle, asOf: Self.asOf, environment: environment)
        context.totalStepLimit = 120
        #expect(compiled.evaluate(&context) == .value(.bool(true)))
        #expect(compiled.evaluate(&context) == .value(.bool(true)))
        guard case .error(let message) = compiled.evaluate(&context) else {
            Issue.record("the third evaluation should pass the budget")
            return
        }
        #expect(message.contains("budget of 120 steps"))
        context.totalStepLimit = 1_000_000
        guard case .error = compiled.evaluate(&context) else {
            Issue.record("raising the limit afterwards must not reopen a spent budget")
            return
        }
    }

    @Test("a regular expression with nested repetition is refused when the pack loads, at the pattern (was a hang on a 30-character name)")
    func catastrophicRegexIsRefused() throws {
        let packs = try RulePackLoader().load([Hostile.fixture("rules-redos/redos.yaml")])
        #expect(throws: DiagnosticError.self) { try ChecklistCompiler.compile(packs) }
        do throws(DiagnosticError) {
            _ = try ChecklistCompiler.compile(packs)
        } catch {
            #expect(error.diagnostics.map(\.id) == ["expr.invalid-regex"])
            #expect(error.diagnostics.first?.location?.description.hasSuffix("redos.yaml:12:35") == true)
            #expect(error.diagnostics.first?.message.contains("'([A-Za-z]+\\s?)+'") == true)
        }
    }

    @Test("nested repetition is recognised in its usual shapes, and ordinary patterns pass",
          arguments: [
            ("(a+)+", true), ("(a*)*", true), ("^([A-Za-z]+\\s?)+$", true), ("((ab)*)+", true), ("(.*,){2,}", true),
            ("(?:a+){2}", true), ("([a-z]+)*$", true), ("(x(a+)y)*", true), ("(a{1,5})+", true), ("(a+)+?", true),
            ("^[0-9a-f]{64}$", false), ("^E-[0-9]+$", false), ("(ab)+", false), ("(a|b)+", false), ("\\(a+\\)+", false),
            ("[(a+)+]", false), ("(a+)?", false), ("\\p{L}+", false), ("(\\d{3}-)+\\d{4}", false), ("\\Q(a+)+\\E", false),
            ("(a+)", false), ("a{2,}b+", false), ("", false), ("(", false), (")+", false), ("[", false), ("\\", false), ("{,}", false),
          ])
    func nestedRepetitionShapes(_ pattern: String, _ flagged: Bool) {
        #expect((RegexFunctions.nestedRepetition(in: pattern) != nil) == flagged, "'\(pattern)'")
    }

    @Test("a text longer than matches reads gives an error result, not a long match")
    func longTextGivesAnError() throws {
        let bundle = try bigBundle(items: 1, summary: String(repeating: "ab", count: 10_000))
        let report = try #require(Hostile.bounded("long regex text") {
            try? CaseChecker(checklist: try longRunningChecklist()).check(bundle, options: .init(asOf: Self.asOf))
        } ?? nil)
        let regex = try #require(report.results.first { $0.rule == "HL-03" })
        #expect(regex.outcome == .error)
        #expect(regex.findings.first?.reason?.contains("matches reads at most 10000 characters; this text has 20000") == true)
    }

    @Test("deeply nested, over-long and over-large expressions are refused with located errors")
    func oversizedExpressions() {
        #expect(errorIDs(String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)) == ["expr.too-complex"])
        #expect(errorIDs(String(repeating: "!", count: 5_000) + "true") == ["expr.too-complex"])
        #expect(errorIDs(Array(repeating: "true", count: 3_000).joined(separator: " or ")) == ["expr.too-complex"])
        #expect(errorIDs(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) == ["expr.too-complex"])
        #expect(errorIDs(String(repeating: "1 + ", count: 3_000) + "1") == ["expr.too-complex"])
        #expect(errorIDs("99999999999999999999999") == ["expr.invalid-literal"])
        #expect(errorIDs("'\u{1B}[2J' == item.id").isEmpty, "control characters in a string literal are data")
        #expect(errorIDs("item.id == 'a\u{0}b'").isEmpty)
        #expect(errorIDs("item.id\u{202E} == 'x'") == ["expr.syntax"])
        if case .failure(let error) = compile(String(repeating: "(", count: 5_000)) {
            #expect(error.diagnostics.allSatisfy { ($0.location?.line ?? 0) == 9 && ($0.location?.column ?? 0) >= 14 })
        }
    }

    @Test("packs that extend each other in a cycle are refused, without looping")
    func extendsCycle() throws {
        let packs = try RulePackLoader().load([Hostile.fixture("rules-cycle")])
        let outcome = Hostile.bounded("extends cycle") { () -> [String] in
            do throws(DiagnosticError) {
                _ = try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED")
                return []
            } catch {
                return error.diagnostics.map(\.id)
            }
        }
        #expect(outcome == ["rules.extends-cycle"])
    }
}
