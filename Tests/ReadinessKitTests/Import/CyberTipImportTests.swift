import Foundation
import Testing
@testable import ReadinessKit

/// `import cybertip` into bundle folders: round trips, idempotence, merging, linking, safety.
@Suite struct CyberTipImportTests {
    private let evidenceCSV = """
        id,device,location,sha256,md5
        E1,D1,allocated,896AA2ADFC5A4B9B95F9AC4129D138397CD9D98A1E5BA0F9D06C32247FF803B4,
        E2,D1,unallocated,,74bec9339e6e135cd6a8a0dbe180a072
        E3,D1,allocated,0000000000000000000000000000000000000000000000000000000000000000,

        """

    private func scratch(_ files: [String: String] = [:]) throws -> ImportScratch {
        try ImportScratch(["B/case.yaml": importCaseYAML()].merging(files) { $1 })
    }

    @Test(arguments: ["full-report.xml", "absent-optional.xml", "unknown-elements.xml", "several-reports.xml"])
    func fixturesRoundTripIntoValidBundles(fixture: String) throws {
        let scratch = try scratch()
        let report = try CyberTipImporter().importReports([try importFixture(fixture)], into: scratch.bundle)
        #expect(report.validation == "full")
        #expect(report.written == ["cybertips.yaml"])
        let bundle = try scratch.load()
        #expect(bundle.records(in: "cybertips").count == report.added["cybertips"])
        #expect(bundle.records(in: "cybertip_files").count == report.added["cybertip_files"])
    }

    @Test func absentFactsStayAbsentInTheLoadedBundle() throws {
        let scratch = try scratch()
        _ = try CyberTipImporter().importReports([try importFixture("absent-optional.xml")], into: scratch.bundle)
        let file = try #require(try scratch.load().record(in: "cybertip_files", id: "900000002-7"))
        #expect(file["file_viewed_by_esp"] == .null)
        #expect(file["exif_viewed_by_esp"] == .null)
        #expect(file["publicly_available"] == .null)
        let full = try self.scratch()
        _ = try CyberTipImporter().importReports([try importFixture("full-report.xml")], into: full.bundle)
        let viewed = try #require(try full.load().record(in: "cybertip_files", id: "900000001-1"))
        #expect(viewed["file_viewed_by_esp"] == .bool(true))
        #expect(viewed["exif_viewed_by_esp"] == .bool(false))
    }

    @Test func importingTwiceChangesNothing() throws {
        let scratch = try scratch(["B/evidence.csv": evidenceCSV])
        let files = [try importFixture("several-reports.xml"), try importFixture("full-report.xml")]
        let first = try CyberTipImporter().importReports(files, into: scratch.bundle)
        #expect(first.added == ["cybertips": 4, "cybertip_files": 4])
        let before = scratch.bundleSnapshot()
        let second = try CyberTipImporter().importReports(files, into: scratch.bundle)
        #expect(second.added == ["cybertips": 0, "cybertip_files": 0])
        #expect(second.alreadyPresent == ["cybertips": 4, "cybertip_files": 4])
        #expect(second.written.isEmpty)
        #expect(scratch.bundleSnapshot() == before)
    }

    @Test func linksEvidenceByHashWithoutOverwriting() throws {
        // E4 is already linked by hand to another file with the same hash; it must stay as it is.
        let csv = """
            id,device,location,sha256,md5,cybertip_file
            E1,D1,allocated,896AA2ADFC5A4B9B95F9AC4129D138397CD9D98A1E5BA0F9D06C32247FF803B4,,
            E2,D1,unallocated,,74bec9339e6e135cd6a8a0dbe180a072,
            E3,D1,allocated,0000000000000000000000000000000000000000000000000000000000000000,,
            E4,D1,allocated,896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4,,HAND-1

            """
        let scratch = try scratch([
            "B/evidence.csv": csv,
            "B/cybertips.yaml": "- id: '1'\n  files:\n  - {id: HAND-1, sha256: 896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4}\n",
        ])
        let report = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: scratch.bundle)
        #expect(report.linked == 2)
        let bundle = try scratch.load()
        #expect(bundle.record(in: "evidence", id: "E1")?["cybertip_file"] == .string("900000011-1"))  // by SHA-256
        #expect(bundle.record(in: "evidence", id: "E2")?["cybertip_file"] == .string("900000011-2"))  // by MD5
        #expect(bundle.record(in: "evidence", id: "E3")?["cybertip_file"] == .null)
        #expect(bundle.record(in: "evidence", id: "E4")?["cybertip_file"] == .string("HAND-1"))
        #expect(described(report.diagnostics, scratch: scratch) == [
            "S/B/evidence.csv:5:1: warning: evidence item 'E4' is linked to 'HAND-1' but its hash matches imported file '900000011-1'; left unchanged (check which CyberTip file the item really is) [import.link-conflict]"
        ])
    }

    /// A JSON Lines listing is rewritten as a CSV one is; every byte but the links stays as it was.
    @Test func linksJSONLinesEvidenceByHashKeepingEveryOtherByte() throws {
        let lines = [
            #"{"id": "E1", "device": "D1", "location": "allocated", "sha256": "896AA2ADFC5A4B9B95F9AC4129D138397CD9D98A1E5BA0F9D06C32247FF803B4"}"# + "\r\n",
            #"{"id": "E2", "location": "unallocated", "md5": "74bec9339e6e135cd6a8a0dbe180a072", "cybertip_file": null, "notes": "caf\u00e9"}"# + "\n",
            "\n",
            #"{ "id" : "E3" , "location": "allocated", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" }"# + "\n",
            #"{"id": "E4", "location": "allocated", "sha256": "896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4", "cybertip_file": "HAND-1"}"#,
        ]
        let scratch = try scratch([
            "B/evidence.jsonl": lines.joined(),
            "B/cybertips.yaml": "- id: '1'\n  files:\n  - {id: HAND-1, sha256: 896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4}\n",
        ])
        let report = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: scratch.bundle)
        #expect(report.linked == 2)
        #expect(report.written.contains("evidence.jsonl"))
        var expected = lines
        expected[0] = expected[0].replacingOccurrences(of: "B4\"}", with: #"B4", "cybertip_file": "900000011-1"}"#)
        expected[1] = expected[1].replacingOccurrences(of: "null", with: #""900000011-2""#)
        #expect(scratch.bundleSnapshot()["evidence.jsonl"] == expected.joined())
        let bundle = try scratch.load()
        #expect(bundle.record(in: "evidence", id: "E1")?["cybertip_file"] == .string("900000011-1"))
        #expect(bundle.record(in: "evidence", id: "E2")?["cybertip_file"] == .string("900000011-2"))
        #expect(bundle.record(in: "evidence", id: "E4")?["cybertip_file"] == .string("HAND-1"))
        #expect(described(report.diagnostics, scratch: scratch) == [
            "S/B/evidence.jsonl:5:1: warning: evidence item 'E4' is linked to 'HAND-1' but its hash matches imported file '900000011-1'; left unchanged (check which CyberTip file the item really is) [import.link-conflict]"
        ])
    }

    @Test func evidenceInTheCaseFileIsNotRewrittenButNamedInWarnings() throws {
        let caseFile = importCaseYAML("""
            evidence:
              - id: E1
                device: D1
                location: allocated
                md5: 74bec9339e6e135cd6a8a0dbe180a072
            """)
        let scratch = try ImportScratch(["B/case.yaml": caseFile])
        let report = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: scratch.bundle)
        #expect(scratch.read("B/case.yaml") == caseFile)
        #expect(report.linked == 0)
        #expect(described(report.diagnostics, scratch: scratch) == [
            "S/B/case.yaml:10:5: warning: evidence item 'E1' matches CyberTip file '900000011-2' by hash but was not linked: evidence is kept in the case file, which imports never rewrite (add 'cybertip_file: 900000011-2' to the item) [import.link-by-hand]"
        ])
    }

    @Test func evidenceYAMLIsLinkedWhenItHasNoCommentsAndNamedInWarningsWhenItHas() throws {
        let items = "- id: E1\n  device: D1\n  location: allocated\n  md5: 74bec9339e6e135cd6a8a0dbe180a072\n"
        let plain = try scratch(["B/evidence.yaml": items])
        let report = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: plain.bundle)
        #expect(report.linked == 1)
        #expect(report.written == ["cybertips.yaml", "evidence.yaml"])
        #expect(try plain.load().record(in: "evidence", id: "E1")?["cybertip_file"] == .string("900000011-2"))
        let commented = try scratch(["B/evidence.yaml": "# seized 2026-03-10\n" + items])
        let second = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: commented.bundle)
        #expect(second.linked == 0)
        #expect(commented.read("B/evidence.yaml") == "# seized 2026-03-10\n" + items)
        #expect(second.diagnostics.map(\.id) == ["import.link-by-hand"])
    }

    @Test func cyberTipsInTheCaseFileAreRefused() throws {
        let caseFile = importCaseYAML("cybertips:\n  - id: '1'\n")
        let scratch = try ImportScratch(["B/case.yaml": caseFile])
        let fixture = try importFixture("full-report.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().importReports([fixture], into: scratch.bundle)
        }
        #expect(diagnostics.map(\.id) == ["import.cybertips-in-case-file"])
        #expect(scratch.bundleSnapshot() == ["case.yaml": caseFile])
    }

    @Test func newReportsAreAppendedKeepingCommentsAndLayout() throws {
        let existing = """
            # Reports entered by hand from the PDF referral. Keep this comment.
            - id: "800000001"   # the first one
              provider: Hand-entered (fictional)
              received_at: 2026-01-20

            """
        let scratch = try scratch(["B/cybertips.yaml": existing])
        _ = try CyberTipImporter().importReports([try importFixture("absent-optional.xml")], into: scratch.bundle)
        #expect(scratch.read("B/cybertips.yaml") == existing + """
            - id: "900000002"
              incident_type: child_sex_trafficking
              incident_at: 2026-03-01
              files:
              - id: 900000002-7

            """)
        #expect(try scratch.load().records(in: "cybertips").count == 2)
    }

    @Test func aCommentOnlyFileKeepsItsComments() throws {
        let scratch = try scratch(["B/cybertips.yaml": "# No reports yet; the referral PDF is in docs/.\n"])
        _ = try CyberTipImporter().importReports([try importFixture("absent-optional.xml")], into: scratch.bundle)
        #expect(scratch.read("B/cybertips.yaml").hasPrefix("# No reports yet; the referral PDF is in docs/.\n- id: \"900000002\"\n"))
        #expect(try scratch.load().records(in: "cybertips").count == 1)
    }

    @Test func existingReportsGainMissingFieldsAndFilesButKeepTheirValues() throws {
        let existing = """
            - id: "900000001"
              incident_type: child_sex_trafficking
              received_at: 2026-01-20
              files:
              - id: 900000001-1
                file_viewed_by_esp: false
                opened_by: Det. Example (fictional)

            """
        let scratch = try scratch(["B/cybertips.yaml": existing])
        let report = try CyberTipImporter().importReports([try importFixture("full-report.xml")], into: scratch.bundle)
        #expect(report.added == ["cybertips": 0, "cybertip_files": 0])
        #expect(report.completed == 2)
        let bundle = try scratch.load()
        let tip = try #require(bundle.record(in: "cybertips", id: "900000001"))
        #expect(tip["incident_type"] == .string("child_sex_trafficking"))   // the bundle's value wins
        #expect(tip["received_at"]?.isNull == false)                          // never dropped
        #expect(tip["provider"] == .string("Examplechat Inc. (fictional)")) // filled in
        let file = try #require(bundle.record(in: "cybertip_files", id: "900000001-1"))
        #expect(file["file_viewed_by_esp"] == .bool(false))
        #expect(file["opened_by"] == .string("Det. Example (fictional)"))
        #expect(file["industry_classification"] == .string("B2"))
        #expect(described(report.diagnostics, scratch: scratch) == [
            "F/full-report.xml:3:1: warning: report 900000001: 'incident_type' is 'child_sex_trafficking' in the bundle (S/B/cybertips.yaml:2:18) but 'child_pornography' in the import; the bundle's value was kept (correct the bundle by hand if the import is right) [import.conflict]",
            "F/full-report.xml:13:3: warning: file 900000001-1: 'file_viewed_by_esp' is 'false' in the bundle (S/B/cybertips.yaml:6:25) but 'true' in the import; the bundle's value was kept (correct the bundle by hand if the import is right) [import.conflict]",
        ])
    }

    @Test func rewritingAFileWithCommentsIsRefused() throws {
        let existing = "# hand notes\n- id: \"900000001\"\n"
        let scratch = try scratch(["B/cybertips.yaml": existing])
        let fixture = try importFixture("full-report.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().importReports([fixture], into: scratch.bundle)
        }
        #expect(diagnostics.map(\.id) == ["import.would-drop-comments"])
        #expect(scratch.read("B/cybertips.yaml") == existing)
    }

    @Test func externalEntityImportsNothingFromTheFile() throws {
        let scratch = try scratch(["secret.txt": "TOP-SECRET-MARKER"])
        try scratch.write("xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE report [<!ENTITY xxe SYSTEM "file://\(scratch.path("secret.txt"))">]>
            <report id="1"><incidentSummary><platform>&xxe;</platform></incidentSummary></report>
            """)
        let before = scratch.bundleSnapshot()
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().importReports([scratch.path("xxe.xml")], into: scratch.bundle)
        }
        #expect(diagnostics.map(\.id) == ["import.xml-doctype"])
        #expect(scratch.bundleSnapshot() == before)
        #expect(!scratch.bundleSnapshot().values.contains { $0.contains("TOP-SECRET") })
        #expect(!diagnostics.description.contains("TOP-SECRET"))
    }

    @Test func anyErrorLeavesTheBundleUnchanged() throws {
        let scratch = try scratch(["B/evidence.csv": evidenceCSV, "bad.xml": "<report id=\"2\"><fileDetails><fileId>1</fileId><fileViewedByEsp>maybe</fileViewedByEsp></fileDetails></report>"])
        let before = scratch.bundleSnapshot()
        let fixture = try importFixture("several-reports.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().importReports([fixture, scratch.path("bad.xml")],
                                                     into: scratch.bundle)
        }
        #expect(diagnostics.map(\.id) == ["import.wrong-type"])
        #expect(scratch.bundleSnapshot() == before)
    }

    @Test func fileIdsMustBeUniqueAcrossReports() throws {
        let scratch = try scratch(["B/cybertips.yaml": "- id: '5'\n  files:\n  - id: 900000011-1\n"])
        let fixture = try importFixture("several-reports.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().importReports([fixture], into: scratch.bundle)
        }
        #expect(diagnostics.map(\.message).first == "file id '900000011-1' of report 900000011 is already used by report 5")
    }

    @Test func dryRunWritesNothing() throws {
        let scratch = try scratch()
        let before = scratch.bundleSnapshot()
        let report = try CyberTipImporter().importReports([try importFixture("several-reports.xml")], into: scratch.bundle,
                                                          options: ImportOptions(dryRun: true))
        #expect(report.added["cybertips"] == 3)
        #expect(report.dryRun && report.written.isEmpty)
        #expect(scratch.bundleSnapshot() == before)
    }
}
