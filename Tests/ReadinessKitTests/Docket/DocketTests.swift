import Foundation
import Testing
@testable import ReadinessKit

/// Docket summaries: bundle discovery, rows, and safe CSV and HTML.
@Suite struct DocketTests {
    @Test func findsBundlesInAFolderOfBundles() throws {
        let folder = try TemporaryBundle([
            "a/case.yaml": caseYAML(), "b/case.yaml": caseYAML(), "notes/readme.txt": "not a bundle",
        ])
        #expect(Docket.bundlePaths(in: [folder.path]) == [folder.path + "/a", folder.path + "/b"])
        #expect(Docket.bundlePaths(in: [folder.path + "/a"]) == [folder.path + "/a"])
    }

    @Test func csvCellsAreDefusedAndQuoted() {
        #expect(DocketRenderer.csvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(DocketRenderer.csvCell("+1") == "'+1")
        #expect(DocketRenderer.csvCell("-2") == "'-2")
        #expect(DocketRenderer.csvCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(DocketRenderer.csvCell("\tx") == "'\tx")
        #expect(DocketRenderer.csvCell("a,b") == "\"a,b\"")
        #expect(DocketRenderer.csvCell("plain") == "plain")
    }

    @Test func invalidBundlesGetARowAndHostileValuesAreEscaped() {
        let problem = Diagnostic(id: "bundle.x", message: "<script>alert(1)</script>", at: nil)
        let docket = Docket(asOf: "2026-06-01", rows: [Docket.row(bundle: "cases/\"><img onerror=x>", problems: [problem])])
        #expect(docket.rows[0].decision == "invalid")
        let html = DocketRenderer.html(docket)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&quot;&gt;&lt;img onerror=x&gt;"))
        #expect(DocketRenderer.text(docket).contains("1 bundles as of 2026-06-01: 1 invalid"))
    }

    /// Bundles checked on every core come back in the order given, each row as a check of that
    /// bundle alone gives it, with a broken bundle in its place.
    @Test func checksBundlesInParallelKeepingTheirOrder() throws {
        var files: [String: String] = [:]
        for index in 0..<12 {
            let charge = index % 3 == 0 ? "charges:\n  - {id: C1, count: 1, statute: 18 U.S.C. § 2252A(a)(5)(B), offence: possession}" : ""
            let yaml = caseYAML(charge)
            files[String(format: "case-%02d/case.yaml", index)] = index == 5 ? "format: readiness-bundle/1\ncase: ["
                : index % 4 == 1 ? yaml.replacingOccurrences(of: "US-FED", with: "UK-EW") : yaml
        }
        let folder = try TemporaryBundle(files)
        let paths = Docket.bundlePaths(in: [folder.path])
        let packs = try RulePackLoader().load([Repository.path("rules")])
        let compile: DocketChecker.Compile = { (bundle) throws(DiagnosticError) in
            let jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
            return try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: jurisdiction))
        }
        let options = CaseChecker.Options(asOf: Day(year: 2026, month: 6, day: 1)!)
        let done = SharedSlot<[Int]>()
        let rows = DocketChecker(options: options, compile: compile).rows(paths) { count in done.update { $0 = ($0 ?? []) + [count] } }
        let oneByOne = paths.map { path in
            do throws(DiagnosticError) {
                let loaded = try BundleLoader().load(path, streamingEvidence: true)
                return Docket.row(bundle: path, report: try CaseChecker(checklist: try compile(loaded.bundle)).check(loaded, options: options))
            } catch {
                return Docket.row(bundle: path, problems: error.diagnostics)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(rows) == encoder.encode(oneByOne))
        #expect(rows.map(\.bundle) == paths)
        #expect(rows[5].decision == "invalid")
        #expect(Set(rows.map(\.blockers)).count > 1, "US and England & Wales bundles get their own checklists")
        #expect(done.value == Array(1...12))
    }
}
