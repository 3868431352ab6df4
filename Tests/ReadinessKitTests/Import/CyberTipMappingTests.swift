import Foundation
import Testing
@testable import ReadinessKit

/// CyberTipline XML → CyberTip records: each mapped element, absences, unknowns, bad values.
@Suite struct CyberTipMappingTests {
    private func read(_ fixture: String) throws -> (reports: [ImportedRecord], warnings: [Diagnostic]) {
        try CyberTipImporter().readReports([try importFixture(fixture)])
    }

    private func readXML(_ xml: String) throws -> [Diagnostic] {
        let scratch = try ImportScratch(["in.xml": xml])
        return expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().readReports([scratch.path("in.xml")])
        }
    }

    @Test func mapsEveryMappedElement() throws {
        let (reports, warnings) = try read("full-report.xml")
        #expect(warnings.isEmpty)
        let tip = try #require(reports.first)
        #expect(tip.text("id") == "900000001")                       // <report id>
        #expect(tip.text("provider") == "Examplechat Inc. (fictional)")  // <report provider>
        #expect(tip.text("submitted_at") == "2026-01-12T16:40:00Z")  // <report submittedAt>
        #expect(tip.text("incident_type") == "child_pornography")    // incidentSummary/incidentType
        #expect(tip.text("incident_at") == "2026-01-10T08:15:00-05:00")  // incidentSummary/incidentDateTime
        #expect(tip["annotations"] == .list(["sextortion", "minor_to_minor_interaction"]))  // reportAnnotations
        #expect(tip.text("reported_account") == "sample_user_1")      // personOrUserReported/screenName
        #expect(tip.text("reported_email") == "user1@example.invalid")  // …/personOrUserReportedPerson/email
        #expect(tip.text("notes") == nil)
        guard case .records(let files)? = tip["files"] else {
            Issue.record("no files")
            return
        }
        let file = try #require(files.first)
        #expect(file.text("id") == "900000001-1")                     // fileId, prefixed by the report
        #expect(file.text("file_name") == "stored-1.jpg")             // fileName
        #expect(file.text("original_file_name") == "IMG_0001.jpg")    // originalFileName
        #expect(file.text("uploaded_at") == "2026-01-10T08:14:52-05:00")  // uploadedToEspTimestamp
        #expect(file.text("file_viewed_by_esp") == "true")            // fileViewedByEsp
        #expect(file.text("exif_viewed_by_esp") == "false")           // exifViewedByEsp (xs:boolean 0)
        #expect(file.text("publicly_available") == "false")           // publiclyAvailable
        #expect(file.text("relevance") == "supplemental_reported")    // fileRelevance
        #expect(file["annotations"] == .list(["generative_ai", "anime_drawing_virtual_hentai"]))  // fileAnnotations
        #expect(file.text("industry_classification") == "B2")         // industryClassification
        #expect(file.text("md5") == "93c3b04d2cbd088c8fe84931ed5952ea")  // originalFileHash hashType=MD5, lowercased
        #expect(file.text("sha256") == "896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4")
    }

    @Test func writesDeterministicYAML() throws {
        let (reports, _) = try read("full-report.xml")
        let tip = try #require(reports.first)
        let yaml = try YAMLWriter.serialize(YAMLWriter.node(for: tip))
        #expect(yaml == """
            id: "900000001"
            provider: Examplechat Inc. (fictional)
            incident_type: child_pornography
            incident_at: 2026-01-10T08:15:00-05:00
            submitted_at: 2026-01-12T16:40:00Z
            annotations: [sextortion, minor_to_minor_interaction]
            reported_account: sample_user_1
            reported_email: user1@example.invalid
            files:
            - id: 900000001-1
              file_name: stored-1.jpg
              original_file_name: IMG_0001.jpg
              sha256: 896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4
              md5: 93c3b04d2cbd088c8fe84931ed5952ea
              uploaded_at: 2026-01-10T08:14:52-05:00
              file_viewed_by_esp: true
              exif_viewed_by_esp: false
              publicly_available: false
              relevance: supplemental_reported
              industry_classification: B2
              annotations: [generative_ai, anime_drawing_virtual_hentai]

            """)
    }

    @Test func absentOptionalElementsStayAbsent() throws {
        let (reports, warnings) = try read("absent-optional.xml")
        #expect(warnings.isEmpty)
        let tip = try #require(reports.first)
        #expect(tip.text("id") == "900000002")
        #expect(tip.text("incident_at") == "2026-03-01")
        #expect(tip["provider"] == nil && tip["annotations"] == nil && tip["notes"] == nil)
        guard case .records(let files)? = tip["files"], let file = files.first else {
            Issue.record("no file")
            return
        }
        #expect(file.text("id") == "900000002-7")
        for field in ["file_viewed_by_esp", "exif_viewed_by_esp", "publicly_available", "relevance",
                      "industry_classification", "annotations", "sha256", "md5", "uploaded_at"] {
            #expect(file[field] == nil, "\(field) must stay absent, not false")
        }
        #expect(try YAMLWriter.serialize(YAMLWriter.node(for: file)) == "id: 900000002-7\n")
    }

    @Test func unknownElementsAreKeptAsNotesAndWarnedAtTheirPosition() throws {
        let (reports, warnings) = try read("unknown-elements.xml")
        #expect(described(warnings) == [
            "F/unknown-elements.xml:2:1: warning: unknown attribute 'exportedBy' on '<cybertipReports>' was ignored [import.unknown-element]",
            "F/unknown-elements.xml:3:3: warning: unknown attribute 'batch' on '<report>' was kept in the report's notes [import.unknown-element]",
            "F/unknown-elements.xml:6:7: warning: unknown element '<moodRing>' was kept in the report's notes (see docs/import.md for the elements the importer maps to fields) [import.unknown-element]",
            "F/unknown-elements.xml:7:33: warning: unknown element '<futureAnnotation>' was kept in the report's notes (see docs/import.md for the elements the importer maps to fields) [import.unknown-element]",
            "F/unknown-elements.xml:9:5: warning: unknown element '<reviewQueue>' was kept in the report's notes (see docs/import.md for the elements the importer maps to fields) [import.unknown-element]",
            "F/unknown-elements.xml:12:32: warning: unknown element '<brandNewTag>' was kept in the report's notes (see docs/import.md for the elements the importer maps to fields) [import.unknown-element]",
            "F/unknown-elements.xml:13:7: warning: unknown element '<moderationNote>' was kept in the report's notes (see docs/import.md for the elements the importer maps to fields) [import.unknown-element]",
            "F/unknown-elements.xml:17:3: warning: unknown element '<summaryCount>' in '<cybertipReports>' was ignored (a <cybertipReports> file holds <report> elements only) [import.unknown-element]",
        ])
        let tip = try #require(reports.first)
        #expect(tip["annotations"] == .list(["spam"]))
        #expect(tip.text("notes") == """
            Unknown elements in the CyberTipline XML:
            @batch: 7
            incidentSummary/moodRing: blue
            incidentSummary/reportAnnotations/futureAnnotation: (present, empty)
            reviewQueue/@priority: high
            reviewQueue/tier: 2
            fileDetails[1]/fileAnnotations/brandNewTag: (present, empty)
            fileDetails[1]/moderationNote: looked at by   tier 2 on the night shift
            """)
    }

    @Test func severalReportsInOneFile() throws {
        let (reports, _) = try read("several-reports.xml")
        #expect(reports.compactMap(\.id) == ["900000011", "900000012", "900000013"])
        #expect(reports.map { $0.text("incident_type") } == ["child_pornography", "unsolicited_obscene_material", "misleading_domain_name"])
        let fileCounts = reports.map { tip -> Int in
            if case .records(let files)? = tip["files"] { return files.count }
            return 0
        }
        #expect(fileCounts == [2, 1, 0])
    }

    @Test func victimElementsAreNeverCopied() throws {
        let scratch = try ImportScratch(["in.xml": """
            <report id="5"><victim><screenName>victim-handle-XYZ</screenName></victim></report>
            """])
        let (reports, warnings) = try CyberTipImporter().readReports([scratch.path("in.xml")])
        #expect(reports.first?.text("notes") == nil)
        #expect(described(warnings, scratch: scratch) == [
            "S/in.xml:1:16: warning: '<victim>' in report 5 was not imported: bundles hold victims by pseudonymous id only (record the person in victims.yaml under a pseudonymous id if needed) [import.not-imported]"
        ])
    }

    @Test(arguments: [
        ("<fileViewedByEsp>yes</fileViewedByEsp>",
         "S/in.xml:1:47: error: '<fileViewedByEsp>' must be true or false, found 'yes' (write true or false; leave the element out when it is not known) [import.wrong-type]"),
        ("<fileViewedByEsp/>",
         "S/in.xml:1:47: error: '<fileViewedByEsp>' is empty (leave the element out when the fact is not known) [import.empty-value]"),
        ("<uploadedToEspTimestamp>2026-01-01T10:00:00</uploadedToEspTimestamp>",
         "S/in.xml:1:47: error: '<uploadedToEspTimestamp>': timestamp '2026-01-01T10:00:00' has no UTC offset, so the moment it names is ambiguous (the export must say which offset the time is in, e.g. 2026-01-01T10:00:00Z) [import.ambiguous-timestamp]"),
        ("<originalFileHash hashType=\"SHA256\">abc</originalFileHash>",
         "S/in.xml:1:47: error: 'abc' is not a SHA256 hash (64 hex digits) (check the hashType attribute matches the value) [import.invalid-hash]"),
        ("<industryClassification>C3</industryClassification>",
         "S/in.xml:1:47: error: 'C3' is not an industry classification (use A1, A2, B1 or B2) [import.unknown-value]"),
        ("<fileViewedByEsp>true</fileViewedByEsp><fileViewedByEsp>false</fileViewedByEsp>",
         "S/in.xml:1:86: error: '<fileViewedByEsp>' appears more than once in '<fileDetails>' (first at 1:47) (keep one; the importer does not guess which is right) [import.duplicate-element]"),
    ])
    func badValuesAreErrorsWithPositions(element: String, expected: String) throws {
        let scratch = try ImportScratch(["in.xml": "<report id=\"5\"><fileDetails><fileId>1</fileId>\(element)</fileDetails></report>"])
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().readReports([scratch.path("in.xml")])
        }, scratch: scratch)
        #expect(found == [expected])
    }

    @Test func reportNeedsAnIdAndFilesNeedFileIds() throws {
        let scratch = try ImportScratch(["in.xml": "<report>\n<fileDetails/>\n</report>", "two.xml": "<report id=\"1\">\n<fileDetails/>\n</report>"])
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try CyberTipImporter().readReports([scratch.path("in.xml"), scratch.path("two.xml")])
        }, scratch: scratch)
        #expect(found == [
            "S/in.xml:1:1: error: '<report>' has no report number (add id=\"…\" to <report> or a <reportId> child) [import.missing-id]",
            "S/two.xml:2:1: error: '<fileDetails>' in report 1 has no <fileId> (add the CyberTipline file id, e.g. <fileId>1</fileId>) [import.missing-id]",
        ])
    }

    @Test func wrongRootIsAnError() throws {
        let found = described(try readXML("<?xml version=\"1.0\"?>\n<html/>"))
        #expect(found.count == 1)
        #expect(found.first?.contains(":2:1: error: the root element is '<html>'; expected '<cybertipReports>' or '<report>'") == true)
    }
}
