import Foundation
import Testing
@testable import ReadinessKit

/// The sections computed once in the report: proof matrix, witnesses, evidence, action plan and
/// progress.
@Suite struct ReportSectionTests {
    @Test func proofMatrixMarksCoveredAtRiskAndGap() throws {
        let report = try MemoFixtures.report("not-ready")
        let c1 = report.proofMatrix[0]
        #expect(c1.offence == "possession" && c1.elements.map(\.status) == [.atRisk, .atRisk])
        #expect(c1.evidence.map(\.id) == ["E1", "E2", "E9"] && c1.evidence[0].exhibitRef == "RP/1")
        #expect(c1.unmatchedCoverage == ["W2 → knowing_posession"])
        #expect(report.proofMatrix[1].offence == nil && report.proofMatrix[1].elements.isEmpty)
        let ready = try MemoFixtures.report("ready")
        #expect(ready.proofMatrix[0].elements.map(\.status) == [.covered, .covered])
        let gap = try TemporaryBundle(["case.yaml": caseYAML("charges: [{id: C1, statute: TEST § 1, offence: possession}]")]).load()
        let checked = try CaseChecker(checklist: try MemoFixtures.checklist()).check(gap, options: .init(asOf: MemoFixtures.asOf))
        #expect(checked.proofMatrix[0].elements.map(\.status) == [.gap, .gap])
    }

    @Test func witnessMatrixStates() throws {
        let witnesses = try MemoFixtures.report("not-ready").witnesses
        #expect(witnesses.map(\.availability) == [.unavailable, .unknown])
        #expect(witnesses.map(\.subpoena) == [.unknown, .issued])
        #expect(witnesses[1].victim == "V1")
        #expect(witnesses[1].proves.map(\.elementTitle) == ["Interstate nexus", nil])
        let ready = try MemoFixtures.report("ready").witnesses
        #expect(ready.map(\.subpoena) == [.served, .notIssued] && ready[0].servedAt == "2026-05-20")
    }

    @Test func evidenceSummaryCountsAndImageEquivalents() throws {
        let evidence = try MemoFixtures.report("not-ready").evidence
        #expect(evidence.items == 9)
        #expect(evidence.byLocation.map(\.key) == ["allocated", "thumbnail_cache", "unallocated"])
        #expect(evidence.byMediaType.map(\.count) == [6, 2, 1])
        #expect(evidence.imageEquivalents == .init(row: "US-FED", perVideo: 75, images: 6, videos: 2, unknownType: 1, total: 156))
        let engineOnly = try ChecklistCompiler.compile(try ChecklistCompiler.select(
            from: try RulePackLoader().load([Repository.path("Tests/ReadinessKitTests/Fixtures/engine")]), jurisdiction: "US-FED"))
        #expect(EvidenceTally.rate(checklist: engineOnly, jurisdiction: "US-FED") == nil)
        #expect(EvidenceTally.rate(checklist: try MemoFixtures.checklist(), jurisdiction: "UK-EW")! == ("default", 1))
    }

    @Test func actionPlanGroupsByOwnerAndSortsByDeadline() throws {
        let plan = try MemoFixtures.report("not-ready").actionPlan
        #expect(plan.map(\.number) == (1...plan.count).map { "A\($0)" })
        #expect(plan.map(\.owner) == plan.map(\.owner).sorted { Owner.allCases.firstIndex(of: $0)! < Owner.allCases.firstIndex(of: $1)! })
        let investigator = plan.filter { $0.owner == .investigator }
        #expect(investigator.map(\.deadline) == ["2026-05-02", "2026-06-15"])
        #expect(plan.allSatisfy { $0.outcome.isOpen })
    }

    @Test func progressKeysOnRuleAndSubject() throws {
        let before = ReportDigest(try MemoFixtures.report("not-ready-before"))
        let after = ReportDigest(try MemoFixtures.report("not-ready"))
        let progress = ReportDiff(previous: before, current: after)
        #expect(progress.fixed.map { "\($0.rule) \($0.subject ?? "")" } == ["T-CC-01 E9"])
        #expect(progress.fixed[0].outcome == .pass && progress.fixed[0].previousOutcome == .fail)
        #expect(progress.new.map { "\($0.rule) \($0.subject ?? "")" } == ["T-CC-01 E5"])
        #expect(progress.stillOpen.count == after.openFindings().count - 1)
        #expect(ReportDiff(previous: after, current: after).fixed.isEmpty)
    }

    @Test func reportsOfDifferentCasesAreRefused() throws {
        let one = ReportDigest(try MemoFixtures.report("ready")), other = ReportDigest(try MemoFixtures.report("not-ready"))
        #expect(throws: DiagnosticError.self) { try one.requireSameCase(as: other) }
    }

    @Test func savedReportsReadBack() throws {
        let report = try MemoFixtures.report("not-ready")
        let folder = try TemporaryBundle(["report.json": MemoRenderer.json(report), "other.json": "{\"format\": \"x\"}"]).path
        let digest = try ReportDigest.read("\(folder)/report.json")
        #expect(digest.asOf == "2026-06-01" && digest.results.count == report.results.count)
        #expect(throws: DiagnosticError.self) { try ReportDigest.read("\(folder)/other.json") }
        #expect(throws: DiagnosticError.self) { try ReportDigest.read("\(folder)/missing.json") }
    }
}
