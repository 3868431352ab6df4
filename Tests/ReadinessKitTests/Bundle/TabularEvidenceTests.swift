import Testing
@testable import ReadinessKit

/// Evidence listings in `evidence.csv`: quoting, record numbers and column checks.
@Suite struct TabularEvidenceTests {
    let devices = caseYAML("devices:\n  - {id: D1, kind: laptop}")

    @Test func readsQuotedFieldsListsAndNestedColumns() throws {
        let csv = "\u{FEFF}id,device,location,path,user_actions,grading.uk_category,hash_verified\r\n"
            + "E1,D1,allocated,\"C:\\a, \"\"b\"\"\n.jpg\",lnk_file;renamed,A,true\r\n"
            + "E2,D1,unallocated,,,,\r\n"
        let bundle = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).load()
        let items = bundle.records(in: "evidence")
        #expect(items.count == 2)
        #expect(items[0]["path"] == .string("C:\\a, \"b\"\n.jpg"))
        #expect(items[0]["user_actions"] == .list([.string("lnk_file"), .string("renamed")]))
        #expect(items[0]["grading"]?.recordValue?["uk_category"] == .string("A"))
        #expect(items[0]["grading"]?.recordValue?.path == "evidence[E1].grading")
        #expect(items[0]["hash_verified"] == .bool(true))
        #expect(items[1]["hash_verified"] == .null)
        #expect(items[1].path == "evidence[E2]")
    }

    /// Cells the column reader converts from bytes and cells it hands to the shared converter
    /// must mean the same as in YAML.
    @Test func uncommonCellFormsMeanWhatTheyMeanInYAML() throws {
        let csv = "id,device,location,user_actions,hash_verified,size_bytes,created_at,grading.method\n"
            + "E1,D1,allocated, lnk_file ;\tshellbags,True,+5,2026-01-02T03:04:05.5+01:30,NULL\n"
            + "E2,~,unallocated,null,false,-12,2026-01-02T03:04:05Z,manual\n"
        let items = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).load().records(in: "evidence")
        #expect(items[0]["user_actions"] == .list([.string("lnk_file"), .string("shellbags")]))
        #expect(items[0]["hash_verified"] == .bool(true))
        #expect(items[0]["size_bytes"] == .int(5))
        #expect(items[0]["created_at"] == .timestamp(Instant(secondsSinceEpoch: 1_767_323_045 - 5_400, offsetMinutes: 90)))
        #expect(items[0]["grading"] == .null)
        #expect(items[1]["device"] == .null)
        #expect(items[1]["user_actions"] == .null)
        #expect(items[1]["size_bytes"] == .int(-12))
        #expect(items[1]["grading"]?.recordValue?["method"] == .string("manual"))
    }

    @Test func aDateTimeColumnMayHoldADateOnly() throws {
        let csv = "id,location,created_at\nE1,allocated,2026-01-02T03:04:05Z\nE2,allocated,2026-01-31\nE3,allocated,\n"
        let items = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).load().records(in: "evidence")
        #expect(items[0]["created_at"] == .timestamp(Instant(secondsSinceEpoch: 1_767_323_045, offsetMinutes: 0)))
        #expect(items[1]["created_at"] == .date(Day(year: 2026, month: 1, day: 31)!))
        #expect(items[2]["created_at"] == .null)
    }

    @Test func aRepeatedUnknownColumnIsReportedAsUnknownTwice() throws {
        let csv = "id,location,foo,foo\nE1,allocated,x,y\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.hasSuffix("[bundle.unknown-key]") })
    }

    @Test func aNullWordInsideAListIsAnError() throws {
        let csv = "id,location,user_actions\nE1,allocated,lnk_file;null\nE2,allocated,lnk_file;;shellbags\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems == [
            "B/evidence.csv:2:14: error: record 1: 'user_actions' has an empty list entry (separate list values with ';' and leave no empty entries) [bundle.wrong-type]",
            "B/evidence.csv:3:14: error: record 2: 'user_actions' has an empty list entry (separate list values with ';' and leave no empty entries) [bundle.wrong-type]",
        ])
    }

    @Test func cellErrorsNameRecordAndColumn() throws {
        let csv = "id,device,location,hash_verified\nE1,D1,allocated,true\n\"E2\",D9,allocated,yes\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems == [
            "B/evidence.csv:3:6: error: record 2: 'device' names 'D9', but there is no such entry in devices (did you mean 'D1'?) [bundle.dangling-reference]",
            "B/evidence.csv:3:19: error: record 2: 'hash_verified' must be true or false, found 'yes' (write true or false without quotes; leave the field out if the fact is not established) [bundle.wrong-type]",
        ])
    }

    @Test func unbalancedQuote() throws {
        let csv = "id,location\nE1,allocated\nE2,\"unallocated\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems == [
            "B/evidence.csv:3:4: error: quoted field is never closed (close the field with a double quote, and write a quote inside a field as \"\") [bundle.csv.unbalanced-quote]"
        ])
    }

    @Test func raggedRow() throws {
        let csv = "id,location\nE1,allocated\nE2,allocated,extra\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems == [
            "B/evidence.csv:3:1: error: record 2 has 3 fields but the header has 2 (every row needs one value per header column; leave unknown cells empty) [bundle.csv.ragged-row]"
        ])
    }

    @Test func unknownColumnAndMissingRequiredColumn() throws {
        let csv = "id,hash_verifed\nE1,true\n"
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.csv": csv]).problems()
        #expect(problems == [
            "B/evidence.csv:1:1: error: the header has no 'location' column (add a 'location' column) [bundle.missing-field]",
            "B/evidence.csv:1:4: error: unknown column 'hash_verifed' for evidence items (did you mean 'hash_verified'?) [bundle.unknown-key]",
        ])
    }

    @Test func evidenceInBothPlacesIsRefused() throws {
        let yaml = caseYAML("evidence:\n  - {id: E1, location: allocated}")
        let problems = try TemporaryBundle(["case.yaml": yaml, "evidence.csv": "id,location\nE2,allocated\n"]).problems()
        #expect(problems == [
            "B/evidence.csv:1:1: error: section 'evidence' is given both in the case file and in 'B/evidence.csv' (keep it in one place) [bundle.duplicate-section]"
        ])
    }
}
