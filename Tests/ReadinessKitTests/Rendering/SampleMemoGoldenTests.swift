import Foundation
import Testing
@testable import ReadinessKit

/// Two training samples' memos, checked with the shipped packs, against golden files in every
/// format: a change to the packs, the samples or the templates shows up here as a diff to review.
@Suite struct SampleMemoGoldenTests {
    static let samples = ["us-ready-possession", "us-warrantless-view-9th"]

    static func report(_ sample: String) throws -> Report {
        let packs = try RulePackLoader().load([Repository.path("rules")])
        let bundle = try BundleLoader().load(Repository.path("samples/\(sample)")).bundle
        let jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: jurisdiction))
        let report = try CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: MemoFixtures.asOf))
        return try StringMapping.map(report) { $0.replacingOccurrences(of: Repository.root + "/", with: "") }
    }

    @Test(arguments: samples, MemoFormat.allCases)
    func sampleMemo(sample: String, format: MemoFormat) throws {
        let output = try MemoFixtures.render(try Self.report(sample), format)
        assertGolden(output, "sample-\(sample).\(format.fileExtension)")
    }
}
