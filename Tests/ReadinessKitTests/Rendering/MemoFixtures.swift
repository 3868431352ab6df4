import Foundation
import Testing
@testable import ReadinessKit

/// The memo test bundles under `Fixtures/memo/bundles`, checked against the engine fixture packs
/// plus `Fixtures/memo/rules`, with paths made repository-relative so outputs do not depend on
/// where the repository is checked out.
enum MemoFixtures {
    static let asOf = Day(year: 2026, month: 6, day: 1)!
    static let templates = Repository.path("templates")
    static let bundles = ["ready", "conditions", "not-ready", "hostile"]

    static func checklist() throws -> CompiledChecklist {
        let packs = try RulePackLoader().load([
            Repository.path("Tests/ReadinessKitTests/Fixtures/engine"),
            Repository.path("Tests/ReadinessKitTests/Fixtures/memo/rules"),
        ])
        return try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
    }

    static func bundle(_ name: String) throws -> CaseBundle {
        try BundleLoader().load(Repository.path("Tests/ReadinessKitTests/Fixtures/memo/bundles/\(name)")).bundle
    }

    /// The report of fixture bundle `name`, with repository paths made relative.
    static func report(_ name: String, asOf: Day = asOf) throws -> Report {
        let report = try CaseChecker(checklist: try checklist()).check(try bundle(name), options: .init(asOf: asOf))
        return try relative(report)
    }

    /// `report` with the repository root removed from every path in it.
    static func relative(_ report: Report) throws -> Report {
        try StringMapping.map(report) { $0.replacingOccurrences(of: Repository.root + "/", with: "") }
    }

    static func render(_ report: Report, _ format: MemoFormat) throws -> String {
        try MemoRenderer.render(report, as: format, templateDirectory: templates)
    }
}

/// Compares `actual` with the golden file `Fixtures/memo/golden/<name>`.
///
/// With `READINESS_RECORD_GOLDENS=1` in the environment, or when the golden file is missing, the
/// file is (re)written and the test fails, so that a recording is always looked at.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let path = Repository.path("Tests/ReadinessKitTests/Fixtures/memo/golden/\(name)")
    let recording = ProcessInfo.processInfo.environment["READINESS_RECORD_GOLDENS"] == "1"
    guard !recording, let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("recorded golden file \(name); check it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    guard actual != expected else { return }
    let actualLines = actual.components(separatedBy: "\n"), expectedLines = expected.components(separatedBy: "\n")
    let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(actualLines.count, expectedLines.count)
    let got = line < actualLines.count ? actualLines[line] : "(end of output)"
    let wanted = line < expectedLines.count ? expectedLines[line] : "(end of file)"
    let message = "\(name):\(line + 1) differs\n  expected: \(wanted)\n  actual:   \(got)\n(re-record with READINESS_RECORD_GOLDENS=1)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
