import Foundation
import Testing
@testable import ReadinessKit

/// Every output format of every memo fixture bundle against its golden file, plus redacted,
/// progress and diff variants; each output is also rendered twice to prove it deterministic.
@Suite struct MemoGoldenTests {
    static let sensitive = [
        "Casey Sample", "Harper Quinn", "casey@example.invalid", "CS-Alpha", "1990-02-03", "casey.sample.99",
    ]

    @Test(arguments: MemoFixtures.bundles, MemoFormat.allCases)
    func memo(bundle: String, format: MemoFormat) throws {
        let report = try MemoFixtures.report(bundle)
        let output = try MemoFixtures.render(report, format)
        assertGolden(output, "\(bundle).\(format.fileExtension)")
        #expect(try MemoFixtures.render(try MemoFixtures.report(bundle), format) == output, "output must be deterministic")
    }

    @Test(arguments: MemoFormat.allCases)
    func redacted(format: MemoFormat) throws {
        let report = Redactor(bundle: try MemoFixtures.bundle("not-ready")).redact(try MemoFixtures.report("not-ready"))
        let output = try MemoFixtures.render(report, format)
        assertGolden(output, "not-ready.redacted.\(format.fileExtension)")
        for value in Self.sensitive {
            #expect(!output.localizedCaseInsensitiveContains(value), "'\(value)' survives redaction in \(format)")
        }
    }

    @Test(arguments: [MemoFormat.html, .csv])
    func hostileRedacted(format: MemoFormat) throws {
        let report = Redactor(bundle: try MemoFixtures.bundle("hostile")).redact(try MemoFixtures.report("hostile"))
        let output = try MemoFixtures.render(report, format)
        assertGolden(output, "hostile.redacted.\(format.fileExtension)")
        #expect(!output.contains("Evil") && !output.contains("Vic "))
    }

    @Test(arguments: [MemoFormat.text, .html, .markdown, .json])
    func since(format: MemoFormat) throws {
        var report = try MemoFixtures.report("not-ready")
        let before = try MemoFixtures.report("not-ready-before", asOf: Day(year: 2026, month: 5, day: 15)!)
        report.progress = ReportDiff(previous: ReportDigest(before), current: ReportDigest(report))
        assertGolden(try MemoFixtures.render(report, format), "not-ready.since.\(format.fileExtension)")
    }

    @Test(arguments: [MemoFormat.text, .markdown, .json])
    func diff(format: MemoFormat) throws {
        let before = try MemoFixtures.report("not-ready-before", asOf: Day(year: 2026, month: 5, day: 15)!)
        let after = try MemoFixtures.report("not-ready")
        let output = try MemoRenderer.renderDiff(
            from: ReportDigest(before), to: ReportDigest(after), as: format, templateDirectory: MemoFixtures.templates)
        assertGolden(output, "diff.\(format.fileExtension)")
    }
}

extension MemoFormat {
    /// The golden file extension.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .html: "html"
        case .markdown: "md"
        case .json: "json"
        case .csv: "csv"
        }
    }
}
