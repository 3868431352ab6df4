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
}
