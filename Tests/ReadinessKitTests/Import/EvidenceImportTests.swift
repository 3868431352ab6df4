import Foundation
import Testing
@testable import ReadinessKit

/// `import evidence`: presets, mapping files, header detection, errors, idempotence, safety.
@Suite struct EvidenceImportTests {
    private func scratch(_ files: [String: String] = [:]) throws -> ImportScratch {
        try ImportScratch(["B/case.yaml": importCaseYAML()].merging(files) { $1 })
    }

    private func run(_ listing: String, into scratch: ImportScratch, preset: String = "examplar",
                     set: [String: String] = ["device": "D1"], idPrefix: String? = nil) throws -> ImportReport {
        try EvidenceImporter().importListing(listing, into: scratch.bundle, mapping: try EvidencePresets.mapping(named: preset),
                                             set: set, idPrefix: idPrefix)
    }

    @Test func examplarPresetSkipsPreambleAndMapsValues() throws {
        let scratch = try scratch()
        let report = try run(try importFixture("examplar-listing.csv"), into: scratch)
        #expect(report.added == ["evidence": 3])
        #expect(report.validation == "full")
        #expect(described(report.diagnostics) == [
            "F/examplar-listing.csv:3:1: note: columns not imported (the mapping does not name them): 'Name' [import.unused-columns]"
        ])
        let items = try scratch.load().records(in: "evidence")
        #expect(items.compactMap(\.id) == ["1001", "1002", "1003"])
        let first = items[0]
        #expect(first["device"] == .string("D1"))
        #expect(first["location"] == .string("allocated"))
        #expect(first["deleted"] == .bool(false))
        #expect(first["size_bytes"] == .int(48211))
        #expect(first["sha256"] == .string("896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4"))
        #expect(first["created_at"] == .timestamp(Instant(secondsSinceEpoch: 1_767_449_564, offsetMinutes: -300)))
        #expect(first["modified_at"] == first["created_at"])  // 1/3/2026 9:12:44 reads the same
        #expect(first["accessed_at"] == .null)
        #expect(items[1]["path"] == .string("C:\\Users\\u1\\saved\\b, final.png"))
        #expect(items[1]["deleted"] == .bool(true))            // "yes" matches "Yes" ignoring case
        #expect(items[1]["location"] == .string("recycle_bin"))
        #expect(items[2]["path"] == .string("C:\\multi\nline.jpg"))
        #expect(items[2]["deleted"] == .null)                  // "Unknown" → absent, never false
        #expect(items[2]["location"] == .string("unallocated"))
    }

    @Test func sampleProbePresetWithBOMSemicolonsAndLists() throws {
        let scratch = try scratch()
        _ = try run(try importFixture("sampleprobe-listing.csv"), into: scratch, preset: "sampleprobe")
        let items = try scratch.load().records(in: "evidence")
        #expect(items.compactMap(\.id) == ["SP-1", "SP-2"])
        #expect(items[0]["known_hash_sources"] == .list([.string("ncmec"), .string("caid")]))
        #expect(items[0]["created_at"] == .timestamp(Instant(secondsSinceEpoch: 1_767_449_564, offsetMinutes: 0)))  // day first, UTC
        #expect(items[1]["location"] == .string("p2p_incomplete"))
        #expect(items[1]["is_video"] == .bool(true))
    }

    @Test func importingTwiceAddsNothingAndChangesNoFile() throws {
        let scratch = try scratch()
        let listing = try importFixture("examplar-listing.csv")
        _ = try run(listing, into: scratch)
        let before = scratch.bundleSnapshot()
        let second = try run(listing, into: scratch)
        #expect(second.added == ["evidence": 0])
        #expect(second.alreadyPresent == ["evidence": 3])
        #expect(second.written.isEmpty)
        #expect(scratch.bundleSnapshot() == before)
    }

    @Test func existingRowsAreKeptAndGainNewColumns() throws {
        let existing = "id,device,location,notes\nE-1,D1,allocated,\"hand, entered\"\n"
        let scratch = try scratch(["B/evidence.csv": existing])
        _ = try run(try importFixture("examplar-listing.csv"), into: scratch)
        let items = try scratch.load().records(in: "evidence")
        #expect(items.compactMap(\.id) == ["E-1", "1001", "1002", "1003"])
        #expect(items[0]["notes"] == .string("hand, entered"))
        #expect(scratch.read("B/evidence.csv").hasPrefix(
            "id,device,location,notes,path,deleted,sha256,md5,size_bytes,created_at,modified_at,accessed_at\nE-1,D1,allocated,\"hand, entered\",,,,,,,,\n"))
    }

    @Test func errorsNameRecordAndColumnAndChangeNothing() throws {
        let scratch = try scratch()
        try scratch.write("in.csv", """
            "Item #","Full Path","Logical Size","Created Date","Last Written","Last Accessed","MD5 Hash Value","SHA-256 Hash Value","Is Deleted","File Status"
            1,a,12,,,,,,No,Allocated
            2,"b
            c",x,,,,,,Maybe,Attic
            3,c,1,13/45/2026 10:00:00,,,,,No,Allocated

            """)
        let before = scratch.bundleSnapshot()
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try EvidenceImporter().importListing(scratch.path("in.csv"), into: scratch.bundle,
                                                     mapping: try EvidencePresets.mapping(named: "examplar"), set: ["device": "D1"])
        }, scratch: scratch).map { $0.components(separatedBy: " (")[0] }
        #expect(found == [
            "S/in.csv:4:4: error: record 2, column 'Logical Size': 'size_bytes' must be an integer, found 'x'",
            "S/in.csv:4:11: error: record 2, column 'Is Deleted': 'deleted' must be true or false, found 'Maybe'",
            "S/in.csv:4:17: error: record 2, column 'File Status': 'Attic' is not a valid file_location for 'location'",
            "S/in.csv:5:7: error: record 3, column 'Created Date': 'created_at': '2026-13-45T10:00:00' is not a real calendar date",
        ])
        #expect(scratch.bundleSnapshot() == before)
    }

    @Test func headerNotFoundNamesTheMissingColumns() throws {
        let scratch = try scratch(["in.csv": "Item #,Full Path\n1,a\n"])
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try EvidenceImporter().importListing(scratch.path("in.csv"), into: scratch.bundle,
                                                     mapping: try EvidencePresets.mapping(named: "examplar"), set: ["device": "D1"])
        }, scratch: scratch)
        #expect(found.first?.hasPrefix("S/in.csv:1:1: error: no header row with the mapping's columns in the first 100 records; the closest lacks 'Logical Size'") == true)
    }

    @Test func generatedIdsAreStableAndKeepCopiesApart() throws {
        let listing = """
            path,sha256,md5,size
            /a.jpg,896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4,,1
            /copy/a.jpg,896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4,,1
            /a.jpg,896aa2adfc5a4b9b95f9ac4129d138397cd9d98a1e5ba0f9d06c32247ff803b4,,1

            """
        let scratch = try scratch(["in.csv": listing])
        let report = try run(scratch.path("in.csv"), into: scratch, preset: "hashlist", set: ["device": "D1", "location": "allocated"])
        #expect(report.added == ["evidence": 2])
        #expect(report.alreadyPresent == ["evidence": 1])
        #expect(report.diagnostics.map(\.id) == ["import.duplicate-row"])
        let ids = try scratch.load().records(in: "evidence").compactMap(\.id)
        #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix("E-") && $0.count == 22 })
        let other = try self.scratch(["in.csv": listing])
        _ = try run(other.path("in.csv"), into: other, preset: "hashlist", set: ["device": "D1", "location": "allocated"])
        #expect(try other.load().records(in: "evidence").compactMap(\.id) == ids)
    }

    @Test func idCollisionsAreErrorsAndPrefixesResolveThem() throws {
        let scratch = try scratch(["B/evidence.csv": "id,device,location,sha256\n1001,D1,allocated,\n"])
        let listing = try importFixture("examplar-listing.csv")
        let found = expectDiagnostics { () throws(DiagnosticError) in _ = try self.runThrowing(listing, into: scratch) }
            .filter { $0.severity == .error }
        #expect(found.map(\.id) == ["import.id-collision"])
        #expect(found.first?.message == "record 1: id '1001' is already used by a different file (other hash, device or path)")
        let report = try run(listing, into: scratch, idPrefix: "D1-")
        #expect(try scratch.load().records(in: "evidence").compactMap(\.id) == ["1001", "D1-1001", "D1-1002", "D1-1003"])
        #expect(report.added == ["evidence": 3])
    }

    private func runThrowing(_ listing: String, into scratch: ImportScratch) throws(DiagnosticError) -> ImportReport {
        try EvidenceImporter().importListing(listing, into: scratch.bundle, mapping: try EvidencePresets.mapping(named: "examplar"),
                                             set: ["device": "D1"])
    }

    @Test func referencesAreCheckedAgainstTheBundle() throws {
        let scratch = try scratch()
        let listing = try importFixture("examplar-listing.csv")
        let found = expectDiagnostics { () throws(DiagnosticError) in
            _ = try EvidenceImporter().importListing(listing, into: scratch.bundle,
                                                     mapping: try EvidencePresets.mapping(named: "examplar"), set: ["device": "D9"])
        }
        #expect(described(found) == [
            "error: value for 'device': 'device' names 'D9', but there is no such entry in devices (did you mean 'D1'?) [bundle.dangling-reference]"
        ])
    }

    @Test func evidenceKeptInYAMLIsRefused() throws {
        let caseFile = importCaseYAML("evidence:\n  - {id: E1, location: allocated}\n")
        let scratch = try ImportScratch(["B/case.yaml": caseFile])
        let listing = try importFixture("examplar-listing.csv")
        let found = expectDiagnostics { () throws(DiagnosticError) in _ = try self.runThrowing(listing, into: scratch) }
        #expect(found.map(\.id) == ["import.evidence-in-yaml"])
        #expect(scratch.bundleSnapshot() == ["case.yaml": caseFile])
    }

    @Test func evidenceKeptInJSONLinesIsRefused() throws {
        let jsonl = #"{"id": "E1", "location": "allocated"}"# + "\n"
        let scratch = try ImportScratch(["B/case.yaml": importCaseYAML(), "B/evidence.jsonl": jsonl])
        let listing = try importFixture("examplar-listing.csv")
        let found = expectDiagnostics { () throws(DiagnosticError) in _ = try self.runThrowing(listing, into: scratch) }
        #expect(found.map(\.id) == ["import.evidence-in-jsonl"])
        #expect(scratch.bundleSnapshot() == ["case.yaml": importCaseYAML(), "evidence.jsonl": jsonl])
    }

    @Test func newItemsAreLinkedToCyberTipFilesInTheBundle() throws {
        let scratch = try scratch(["B/cybertips.yaml": "- id: '9'\n  files:\n  - {id: CT9-1, md5: 93c3b04d2cbd088c8fe84931ed5952ea}\n"])
        let report = try run(try importFixture("examplar-listing.csv"), into: scratch)
        #expect(report.linked == 1)
        #expect(try scratch.load().record(in: "evidence", id: "1001")?["cybertip_file"] == .string("CT9-1"))
    }

    @Test func streamedValidationDoesNotLoadTheBundle() throws {
        let scratch = try scratch()
        let report = try EvidenceImporter().importListing(
            try importFixture("examplar-listing.csv"), into: scratch.bundle, mapping: try EvidencePresets.mapping(named: "examplar"),
            set: ["device": "D1"], options: ImportOptions(validation: .streamed))
        #expect(report.validation == "streamed")
        #expect(report.summary == nil)
        #expect(try scratch.load().records(in: "evidence").count == 3)
    }
}
