import Foundation
import Testing
@testable import ReadinessKit

/// The engine end to end over a small fixture pack pair: results, precedence, waivers, manual
/// checks, profiles, inheritance, offences, decisions and determinism.
@Suite struct EngineTests {
    static let asOf = Day(year: 2026, month: 6, day: 1)!
    let packs: [RulePack]
    let checklist: CompiledChecklist

    init() throws {
        packs = try RulePackLoader().load([Repository.path("Tests/ReadinessKitTests/Fixtures/engine")])
        checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
    }

    func report(_ yaml: String, profile: String? = nil, asOf: Day = asOf) throws -> Report {
        let bundle = try TemporaryBundle(["case.yaml": caseYAML(yaml, caseFields: "  circuit: 9th")]).load()
        return try CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: asOf, profile: profile))
    }

    func result(_ report: Report, _ rule: String) throws -> RuleResult {
        try #require(report.results.first { $0.rule == rule })
    }

    @Test func inheritanceSelectsParentRulesAndChildTablesWin() throws {
        #expect(checklist.packs.map(\.id) == ["test-base", "test-child"])
        #expect(checklist.rules.map(\.rule.id) == ["T-CC-01", "T-PS-01", "T-RS-01", "T-WT-01", "T-FQ-01"])
        let report = try report("cybertips: [{id: '1', files: [{id: F1, opened_by_law_enforcement_at: 2026-01-05}]}]")
        let privateSearch = try result(report, "T-PS-01")
        #expect(privateSearch.severity == .minor, "the child's policy table overrides the parent's")
    }

    @Test func passFailAndUnknownWithMissingFacts() throws {
        let report = try report("""
            evidence:
              - {id: E1, location: allocated, hash_verified: true}
              - {id: E2, location: allocated, hash_verified: false}
              - {id: E3, location: allocated}
            """)
        let custody = try result(report, "T-CC-01")
        #expect(custody.outcome == .fail)
        #expect(custody.subjectsChecked == 3)
        #expect(custody.counts == ["pass": 1, "fail": 1, "unknown": 1])
        #expect(custody.findings.map(\.subject?.id) == ["E2", "E3"])
        #expect(custody.findings[1].outcome == .unknown)
        #expect(custody.findings[1].missingFacts == ["evidence[E3].hash_verified"])
        #expect(custody.findings[0].message == "Item E2 hash not verified.")
        #expect(custody.findings[0].observedFacts == [.init(path: "evidence[E2].hash_verified", value: "false")])
    }

    @Test func notApplicableWithReason() throws {
        let custody = try result(try report(""), "T-CC-01")
        #expect(custody.outcome == .notApplicable)
        #expect(custody.findings.first?.reason == "nothing to check: no evidence")
        let privateSearch = try result(try report("cybertips: [{id: '1', files: [{id: F1}]}]"), "T-PS-01")
        #expect(privateSearch.outcome == .notApplicable)
        #expect(privateSearch.findings.first?.reason == "nothing to check: no cybertip_files where has(f.opened_by_law_enforcement_at)")
    }

    @Test func severityFromTableAndDeadline() throws {
        let report = try report("cybertips: [{id: '1', files: [{id: F1, opened_by_law_enforcement_at: 2026-01-05}]}]")
        let finding = try #require(try result(report, "T-PS-01").findings.first)
        #expect(finding.outcome == .unknown)
        #expect(finding.missingFacts == ["cybertips[1].files[F1].file_viewed_by_esp"])
        #expect(finding.deadline == "2026-02-04")
        #expect(finding.remediation == "Get a warrant for F1.")
    }

    @Test func manualChecksNeedAttestation() throws {
        #expect(try result(try report(""), "T-RS-01").outcome == .needsReview)
        let answered = try report("attestations: [{id: A1, rule: T-RS-01, answer: satisfied, by: Reviewer (fictional), at: 2026-05-01, note: ok}]")
        let manual = try result(answered, "T-RS-01")
        #expect(manual.outcome == .pass)
        let refused = try result(try report("attestations: [{id: A1, rule: T-RS-01, answer: not_satisfied, by: R, at: 2026-05-01}]"), "T-RS-01")
        #expect(refused.outcome == .fail)
        #expect(refused.findings.first?.attestation?.by == "R")
        let future = try report("attestations: [{id: A1, rule: T-RS-01, answer: satisfied, by: R, at: 2026-07-01}]")
        #expect(try result(future, "T-RS-01").outcome == .needsReview, "an attestation dated after the as-of date had not been given")
    }

    @Test func waiversValidExpiredWrongSubjectAndNonWaivable() throws {
        let report = try report("""
            evidence:
              - {id: E1, location: allocated, hash_verified: false}
              - {id: E2, location: allocated, hash_verified: false}
            cybertips: [{id: '1', files: [{id: F1, file_viewed_by_esp: false, opened_by_law_enforcement_at: 2026-01-05}]}]
            waivers:
              - {id: W1, rule: T-CC-01, subject: E1, justification: Duplicate of E9, approved_by: Supervisor (fictional), approved_at: 2026-05-01, expires: 2026-12-31}
              - {id: W2, rule: T-CC-01, subject: E2, justification: Old, approved_by: S, approved_at: 2026-01-01, expires: 2026-03-01}
              - {id: W3, rule: T-CC-01, subject: E99, justification: Typo, approved_by: S, approved_at: 2026-05-01, expires: 2026-12-31}
              - {id: W4, rule: T-PS-01, justification: Try, approved_by: S, approved_at: 2026-05-01, expires: 2026-12-31}
              - {id: W5, rule: T-NOPE, justification: Try, approved_by: S, approved_at: 2026-05-01, expires: 2026-12-31}
            """)
        let custody = try result(report, "T-CC-01")
        #expect(custody.findings.map(\.outcome) == [.waived, .fail])
        #expect(custody.findings[0].waivedOutcome == .fail)
        #expect(custody.findings[0].waiver?.justification == "Duplicate of E9")
        #expect(custody.outcome == .fail, "one waived subject does not hide the other's failure")
        #expect(try result(report, "T-PS-01").outcome == .fail, "a non-waivable rule ignores waivers")
        #expect(report.waiverNotes.map { "\($0.id):\($0.status)" } == ["W2:expired", "W3:unknown_subject", "W4:not_waivable", "W5:unknown_rule"])
    }

    @Test func precedenceSummarisesSubjects() {
        #expect([CheckResult.pass, .unknown, .fail].min() == .fail)
        #expect([CheckResult.pass, .needsReview, .unknown].min() == .unknown)
        #expect([CheckResult.waived, .pass, .notApplicable].min() == .waived)
        #expect([CheckResult.fail, .error].min() == .error)
    }

    @Test func offenceElementsResolveForCharges() throws {
        #expect(checklist.offence(forStatute: "TEST § 1")?.elements.map(\.id) == ["knowing_possession", "nexus"])
        let report = try report("""
            charges: [{id: C1, statute: TEST § 1, offence: possession}]
            witnesses:
              - {id: W1, role: forensic_examiner, available: true, covers: [{charge: C1, element: knowing_possession}]}
            """)
        #expect(try result(report, "T-WT-01").outcome == .fail)
    }

    @Test func decisionThresholdsAndProfiles() throws {
        let clean = try report("""
            evidence: [{id: E1, location: allocated, hash_verified: true}]
            attestations: [{id: A1, rule: T-RS-01, answer: satisfied, by: R, at: 2026-05-01}]
            """)
        #expect(clean.decision.level == .ready)
        #expect(clean.profile == "pre-charge")

        let majorOpen = try report("""
            evidence: [{id: E1, location: allocated, hash_verified: false}]
            attestations: [{id: A1, rule: T-RS-01, answer: satisfied, by: R, at: 2026-05-01}]
            """)
        #expect(majorOpen.decision.level == .readyWithConditions)
        #expect(majorOpen.decision.rationale.hasPrefix("The file can go forward only if these are resolved first: 1 major rule fails (T-CC-01)."))

        let strict = try report("""
            evidence: [{id: E1, location: allocated, hash_verified: false}]
            attestations: [{id: A1, rule: T-RS-01, answer: satisfied, by: R, at: 2026-05-01}]
            """, profile: "strict")
        #expect(try result(strict, "T-CC-01").severity == .blocker, "profile override")
        #expect(strict.results.contains { $0.rule == "T-FQ-01" }, "a rule limited to the strict profile runs in it")
        #expect(strict.decision.level == .notReady)

        #expect(try report("").decision.level == .notReady, "an unanswered blocker manual check blocks")
    }

    @Test func profileRestrictedRuleIsSkippedElsewhere() throws {
        #expect(try report("").results.contains { $0.rule == "T-FQ-01" } == false)
    }

    @Test func unknownProfileIsAnError() throws {
        #expect(throws: DiagnosticError.self) { try report("", profile: "stricct") }
    }

    @Test func checkingTwiceGivesIdenticalReports() throws {
        let yaml = "evidence: [{id: E1, location: allocated}, {id: E2, location: allocated, hash_verified: false}]"
        let bundle = try TemporaryBundle(["case.yaml": caseYAML(yaml)]).load()
        let checker = CaseChecker(checklist: checklist)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(try checker.check(bundle, options: .init(asOf: Self.asOf)))
        let second = try encoder.encode(try checker.check(bundle, options: .init(asOf: Self.asOf)))
        #expect(first == second)
    }

    @Test func ruleTestsPassAndAChangedExpectationFailsAtItsLine() throws {
        let summary = try RuleTestRunner.run(packs)
        #expect(summary.failures.isEmpty, "\(summary.failures)")
        #expect(summary.testsRun == 11)

        let text = try Repository.text("Tests/ReadinessKitTests/Fixtures/engine/base.yaml")
            .replacingOccurrences(of: "expect: {E1: fail}", with: "expect: {E1: pass}")
        let bundle = try TemporaryBundle(["base.yaml": text])
        let changed = try RulePackLoader().load([bundle.path + "/base.yaml"])
        let failures = try RuleTestRunner.run(changed).failures.map { $0.description.replacingOccurrences(of: bundle.path, with: "P") }
        #expect(failures == [
            "P/base.yaml:46:9: error: test 'unverified fails' of T-CC-01: expected 'E1' to be pass, got fail [rules.test-failed]"
        ])
    }
}
