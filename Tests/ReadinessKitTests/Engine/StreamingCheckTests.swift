import Foundation
import Testing
@testable import ReadinessKit

/// Streaming an evidence listing gives the same report as loading it whole.
@Suite struct StreamingCheckTests {
    static let asOf = Day(year: 2026, month: 6, day: 1)!

    func reports(rules: String, absolute: Bool = false) throws -> (streamed: Data, whole: Data) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        try BundleGenerator(items: 3000, seed: 5, rates: [.unallocatedOnly: 0.05, .synthetic: 0.02, .unverifiedHash: 0.05,
                                                          .malformedHash: 0.01, .afterArrest: 0.01]).write(to: path)
        let packs = try RulePackLoader().load([absolute ? rules : Repository.path(rules)])
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
        let checker = CaseChecker(checklist: checklist)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let streamedLoad = try BundleLoader().load(path, streamingEvidence: true)
        #expect(streamedLoad.evidenceStream != nil)
        #expect(streamedLoad.bundle.records(in: "evidence").isEmpty)
        let streamed = try encoder.encode(try checker.check(streamedLoad, options: .init(asOf: Self.asOf)))
        let whole = try encoder.encode(try checker.check(try BundleLoader().load(path).bundle, options: .init(asOf: Self.asOf)))
        return (streamed, whole)
    }

    @Test func benchmarkRulesGiveTheSameReportStreamedOrWhole() throws {
        let (streamed, whole) = try reports(rules: "Benchmarks/rules")
        #expect(streamed == whole)
        #expect(String(decoding: streamed, as: UTF8.self).contains("\"evidenceItems\":3000"))
    }

    @Test func rulesOverTheWholeCollectionFallBackToAFullLoad() throws {
        let pack = """
            format: readiness-rules/1
            pack: aggregate
            title: Aggregate (test)
            version: 1.0.0
            jurisdictions: [US-FED]
            rules:
              - id: AG-01
                title: Few unallocated items
                theme: mens-rea
                severity: major
                owner: prosecutor
                require: evidence.filter(i, i.location == 'unallocated').size() < 100
                message: "{evidence.filter(i, i.location == 'unallocated').size()} unallocated items."
                remediation: Review them.
            """
        let folder = try TemporaryBundle(["aggregate.yaml": pack])
        let (streamed, whole) = try reports(rules: folder.path, absolute: true)
        #expect(streamed == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("unallocated items."))
    }

    @Test func onlyNamesOfTheCollectionCount() {
        #expect(CompiledRule.namesEvidence("evidence.exists(e, e.hash_verified)"))
        #expect(CompiledRule.namesEvidence("size(evidence) > 3"))
        #expect(!CompiledRule.namesEvidence("charge.evidence.all(e, e.hash_verified)"))
        #expect(!CompiledRule.namesEvidence("item.evidence_kind == 'x' && has(item.no_evidence)"))
        #expect(CompiledRule.placeholders("Find evidence for {item.id} in {evidence.size()}") == ["item.id", "evidence.size()"])
    }
}
