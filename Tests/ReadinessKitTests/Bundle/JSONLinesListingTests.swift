import Crypto
import Foundation
import Testing
@testable import ReadinessKit

/// Evidence listings in `evidence.jsonl`: one JSON object per line, meaning what the same JSON
/// means in a YAML or JSON section file, with every problem named by record, line and column.
@Suite struct JSONLinesListingTests {
    let devices = caseYAML("devices:\n  - {id: D1, kind: laptop}")

    /// Items as JSON Lines and the same objects in `evidence.yaml` load to the same records.
    @Test func itemsMeanWhatTheSameObjectsMeanInASectionFile() throws {
        let objects = [
            #"{"id": "E1", "device": "D1", "location": "allocated", "path": "C:\\a, \"b\"\n.jpg", "user_actions": ["lnk_file", "renamed"], "grading": {"uk_category": "A"}, "hash_verified": true}"#,
            #"{"id": "E2", "location": "unallocated", "hash_verified": null, "grading": null, "user_actions": [], "size_bytes": -12, "notes": "null"}"#,
            #"{"id": "E3", "location": "allocated", "created_at": "2026-01-02T03:04:05.5+01:30", "deleted": false, "notes": "true", "series": "été"}"#,
            #"{"location": "allocated", "id": "E4", "created_at": "2026-01-31", "size_bytes": 5, "exhibit_ref": 12}"#,
            #"{"id": "E5", "location": "allocated", "known_hash_sources": ["ncmec"], "notes": "", "real_child_evidence": []}"#,
        ]
        let jsonl = try TemporaryBundle(["case.yaml": devices, "evidence.jsonl": objects.joined(separator: "\n") + "\n"]).load()
        let yaml = try TemporaryBundle(["case.yaml": devices, "evidence.yaml": objects.map { "- \($0)\n" }.joined()]).load()
        let items = jsonl.records(in: "evidence")
        #expect(items.map(\.fields) == yaml.records(in: "evidence").map(\.fields))
        #expect(items.count == 5)
        #expect(items[0]["path"] == .string("C:\\a, \"b\"\n.jpg"))
        #expect(items[0]["grading"]?.recordValue?.path == "evidence[E1].grading")
        #expect(items[1]["notes"] == .string("null"))
        #expect(items[1]["user_actions"] == .list([]))
        #expect(items[2]["notes"] == .string("true"))
        #expect(items[3]["exhibit_ref"] == .string("12"))
        #expect(items[4]["notes"] == .string(""))
    }

    /// A listing holds the grading fields column by column, as CSV does: a grading object with
    /// no facts in it is no grading, where in a section file it would be an empty record.
    @Test func anEmptyGradingObjectIsNoGrading() throws {
        let text = #"{"id": "E1", "location": "allocated", "grading": {}}"# + "\n" + #"{"id": "E2", "location": "allocated", "grading": {"method": null}}"#
        let items = try TemporaryBundle(["case.yaml": devices, "evidence.jsonl": text]).load().records(in: "evidence")
        #expect(items.map { $0["grading"] } == [.null, .null])
    }

    @Test func escapesByteOrderMarkCRLFAndBlankLines() throws {
        let text = "\u{FEFF}\r\n" + #"{"id": "E1", "location": "allocated", "notes": "\u00e9\ud83d\ude00\/\t\\"}"# + "\r\n\n  \t\r\n"
            + #"{"id":"E2","location":"allocated"}"#
        let items = try TemporaryBundle(["case.yaml": devices, "evidence.jsonl": text]).load().records(in: "evidence")
        #expect(items.map(\.path) == ["evidence[E1]", "evidence[E2]"])
        #expect(items[0]["notes"] == .string("é😀/\t\\"))
    }

    @Test func valueProblemsNameRecordLineAndColumn() throws {
        let lines = [
            #"{"id": "E1", "location": "allocated", "hash_verified": "true"}"#,
            #"{"id": "E2", "location": "alocated"}"#,
            #"{"id": "E3", "location": "allocated", "hash_verifed": true}"#,
            #"{"id": "E4", "location": "allocated", "grading.method": "manual"}"#,
            #"{"id": "E5", "location": "allocated", "id": "E5b"}"#,
            #"{"location": "allocated", "id": null}"#,
            #"{"id": "E7", "location": "allocated", "user_actions": "lnk_file"}"#,
            #"{"id": "E8", "location": "allocated", "path": ["a"]}"#,
            #"{"id": "E9", "location": "allocated", "user_actions": ["lnk_file", null]}"#,
            #"{"id": "E10", "location": "allocated", "device": "D9"}"#,
            #"{"id": "E11", "location": "allocated", "grading": "A"}"#,
            #"{"id": "E12", "location": "allocated", "user_actions": [["lnk_file"]], "size_bytes": 1.5}"#,
        ]
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.jsonl": lines.joined(separator: "\n")]).problems()
        #expect(problems == [
            "B/evidence.jsonl:1:56: error: record 1: 'hash_verified' must be true or false, found 'true' (write true or false without quotes; leave the field out if the fact is not established) [bundle.wrong-type]",
            "B/evidence.jsonl:2:26: error: record 2: 'alocated' is not a valid file_location for 'location' (did you mean 'allocated'?) [bundle.unknown-enum-case]",
            "B/evidence.jsonl:3:39: error: record 3: unknown key 'hash_verifed' for evidence items (did you mean 'hash_verified'?) [bundle.unknown-key]",
            "B/evidence.jsonl:4:39: error: record 4: unknown key 'grading.method' for evidence items (write the grading fields inside an object: \"grading\": {\"method\": …}) [bundle.unknown-key]",
            "B/evidence.jsonl:5:39: error: record 5: 'id' appears twice (remove one of the two) [bundle.duplicate-key]",
            "B/evidence.jsonl:6:33: error: record 6: 'id' is missing or null (give 'id' for every item) [bundle.missing-field]",
            "B/evidence.jsonl:7:55: error: record 7: 'user_actions' must be a list, found a single value (write a JSON array, e.g. \"user_actions\": [\"a\", \"b\"]; leave the key out if the fact is not established) [bundle.wrong-type]",
            "B/evidence.jsonl:8:47: error: record 8: 'path' must be a single value, found a list (write one string, number, true or false; leave the key out if the fact is not established) [bundle.wrong-type]",
            "B/evidence.jsonl:9:55: error: record 9: 'user_actions' lists may not hold empty entries (remove the null from the list) [bundle.wrong-type]",
            "B/evidence.jsonl:10:50: error: record 10: 'device' names 'D9', but there is no such entry in devices (did you mean 'D1'?) [bundle.dangling-reference]",
            "B/evidence.jsonl:11:51: error: record 11: 'grading' must be an object, found '\"A\"' (write \"grading\": {\"method\": \"manual\", …}, or leave it out) [bundle.wrong-type]",
            "B/evidence.jsonl:12:56: error: record 12: 'user_actions' lists hold single values, found a list or object in one (write the list as [\"a\", \"b\"], without nesting) [bundle.wrong-type]",
            "B/evidence.jsonl:12:86: error: record 12: 'size_bytes' must be an integer, found '1.5' (write a whole number without quotes, e.g. 3) [bundle.wrong-type]",
        ])
    }

    /// A line that is not valid JSON is reported where it goes wrong, and the lines after it are still read.
    @Test func syntaxErrorsAreReportedLineByLine() throws {
        let lines = [
            #"{"id": "E1", "location": "allocated",}"#,
            #"{"id": "E2" "location": "allocated"}"#,
            #"{"id": 'E3'}"#,
            #"["E4", "allocated"]"#,
            #"{"id": "E5", "location": "allocated"} {"id": "E6"}"#,
            "{\"id\": \"E6\", \"location\": \"allocated\", \"notes\": \"a\ttab\"}",
            #"{"id": "E7", "location": "allocated", "notes": "\x41"}"#,
            #"{"id": "E8", "location": "allocated", "notes": "\ud800"}"#,
            #"{"id": "E9", "location": "allocated", "size_bytes": 012}"#,
            #"{"id": "E10", "location": "allocated", "deleted": True}"#,
            #"{"id": "E11", "location": "allocated", "notes": "never closed}"#,
            #"{"id": "E12", "location": "allocated""#,
            #"{"id": "E13", "location": "alocated"}"#,
        ]
        let problems = try TemporaryBundle(["case.yaml": devices, "evidence.jsonl": lines.joined(separator: "\n")]).problems()
        #expect(problems == [
            "B/evidence.jsonl:1:38: error: record 1: expected a quoted key, found '}' (write keys in double quotes: \"id\": \"E-0001\") [bundle.jsonl-syntax]",
            "B/evidence.jsonl:2:13: error: record 2: expected ',' or '}' after a value, found '\"location\":' (separate the values of an object with commas and close it with '}') [bundle.jsonl-syntax]",
            "B/evidence.jsonl:3:8: error: record 3: expected a value, found ''E3'' (write a string in double quotes, a number, true, false, null, a list [...] or an object {...}) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:4:1: error: record 4: a line must hold one JSON object, found '[\"E4\"' (write each evidence item as {\"id\": \"E-0001\", …} on a line of its own) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:5:39: error: record 5: unexpected '{\"id\":' after the item's closing '}' (put one JSON object on each line) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:6:50: error: record 6: a control character inside a string (escape it: \\n for a line break, \\t for a tab, \\u0001 for others) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:7:49: error: record 7: invalid escape '\\x41\"' in a string (use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX; write a backslash as \\\\) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:8:49: error: record 8: \\u escape '\\ud800\"' is half of a surrogate pair (write a character outside the Basic Multilingual Plane as two escapes, e.g. \\ud83d\\ude00) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:9:53: error: record 9: '012' is not a JSON value (put text in double quotes; write true, false and null in lowercase) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:10:51: error: record 10: 'True' is not a JSON value (put text in double quotes; write true, false and null in lowercase) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:11:49: error: record 11: a string is never closed (end the string with a double quote on the same line) [bundle.jsonl-syntax]",
            "B/evidence.jsonl:12:38: error: record 12: expected ',' or '}' after a value, found the end of the line (separate the values of an object with commas and close it with '}') [bundle.jsonl-syntax]",
            "B/evidence.jsonl:13:27: error: record 13: 'alocated' is not a valid file_location for 'location' (did you mean 'allocated'?) [bundle.unknown-enum-case]",
        ])
    }

    @Test func bothListingsOrAListingAndASectionAreRefused() throws {
        let both = try TemporaryBundle(["case.yaml": devices, "evidence.csv": "id,location\nE1,allocated\n",
                                        "evidence.jsonl": #"{"id": "E2", "location": "allocated"}"#]).problems()
        #expect(both.count == 1)
        #expect(both.first?.hasSuffix("[bundle.duplicate-section]") == true)
        let yaml = caseYAML("devices:\n  - {id: D1, kind: laptop}\nevidence:\n  - {id: E1, location: allocated}")
        let section = try TemporaryBundle(["case.yaml": yaml, "evidence.jsonl": #"{"id": "E2", "location": "allocated"}"#]).problems()
        #expect(section == [
            "B/evidence.jsonl:1:1: error: section 'evidence' is given both in the case file and in 'B/evidence.jsonl' (keep it in one place) [bundle.duplicate-section]"
        ])
        let stray = try TemporaryBundle(["case.yaml": devices, "devices.jsonl": "{}\n"]).problems()
        #expect(stray.first?.hasSuffix("[bundle.unknown-file]") == true)
    }

    /// The same generated items as CSV and as JSON Lines give the same report, streamed (in one
    /// piece and in many, on worker threads) and loaded whole.
    @Test func generatedListingsGiveTheSameReportAsCSV() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        let rates: [GapPattern: Double] = [.unallocatedOnly: 0.05, .synthetic: 0.02, .unverifiedHash: 0.05, .malformedHash: 0.01, .afterArrest: 0.01]
        for listing in ListingFormat.allCases {
            try BundleGenerator(items: 3000, seed: 5, rates: rates, listing: listing).write(to: root + "/" + listing.rawValue)
        }
        let csvHash = BundleFiles.hex(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: root + "/csv/evidence.csv"))))
        let jsonHash = BundleFiles.hex(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: root + "/jsonl/evidence.jsonl"))))
        let checks = StreamingCheckTests()
        for rules in ["rules", "Benchmarks/rules"] {
            for pieceSize in [4 << 20, 50_000] {
                let csv = try checks.reports(bundle: root + "/csv", rules: Repository.path(rules), blockSize: 97, pieceSize: pieceSize)
                let json = try checks.reports(bundle: root + "/jsonl", rules: Repository.path(rules), blockSize: 97, pieceSize: pieceSize)
                // The reports differ only in the listing's name and hash, and the folder's name.
                let text = { (report: Data) in String(decoding: report, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/") }
                let expected = text(csv.whole).replacingOccurrences(of: root + "/csv/", with: root + "/jsonl/")
                    .replacingOccurrences(of: "evidence.csv", with: "evidence.jsonl").replacingOccurrences(of: csvHash, with: jsonHash)
                #expect(text(json.streamed) == expected, "\(rules), pieces of \(pieceSize) bytes")
                #expect(text(json.whole) == expected, "\(rules), loaded whole")
            }
        }
    }
}
