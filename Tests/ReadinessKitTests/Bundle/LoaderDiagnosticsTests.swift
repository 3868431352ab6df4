import Testing
@testable import ReadinessKit

/// Each kind of bundle error, with its full message and location.
@Suite struct LoaderDiagnosticsTests {
    @Test func validMinimalBundleLoads() throws {
        let bundle = try TemporaryBundle(["case.yaml": caseYAML()]).load()
        #expect(bundle.caseRecord.id == "T-1")
        #expect(bundle.sources.count == 1)
        #expect(bundle.sources[0].sha256.count == 64)
    }

    @Test func malformedYAML() throws {
        let problems = try TemporaryBundle(["case.yaml": "format: readiness-bundle/1\ncase: [\n  id: x\n"]).problems()
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("B/case.yaml:4:1: error: did not find expected ',' or ']'"))
        #expect(problems[0].hasSuffix("[bundle.yaml-syntax]"))
    }

    @Test func duplicateKeys() throws {
        let problems = try TemporaryBundle(["case.yaml": caseYAML(caseFields: "  stage: trial")]).problems()
        #expect(problems == [
            "B/case.yaml:6:3: error: duplicate key 'stage' in the same mapping (keep one of them: YAML would silently use only the last) [bundle.duplicate-key]"
        ])
    }

    @Test func unknownKeyWithSuggestion() throws {
        let problems = try TemporaryBundle(["case.yaml": caseYAML(caseFields: "  arest_at: 2026-01-01")]).problems()
        #expect(problems == [
            "B/case.yaml:7:3: error: unknown key 'arest_at' in Case (did you mean 'arrest_at'?) [bundle.unknown-key]"
        ])
    }

    @Test func unknownSection() throws {
        let problems = try TemporaryBundle(["case.yaml": caseYAML("witneses: []")]).problems()
        #expect(problems == [
            "B/case.yaml:8:1: error: unknown section 'witneses' (did you mean 'witnesses'?) [bundle.unknown-key]"
        ])
    }

    @Test func wrongTypes() throws {
        let yaml = caseYAML(caseFields: "  excludable_days: ten\n  in_custody: \"true\"")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:7:20: error: 'excludable_days' must be an integer, found 'ten' (write a whole number without quotes, e.g. 3) [bundle.wrong-type]",
            "B/case.yaml:8:15: error: 'in_custody' must be true or false, found 'true' (write true or false without quotes; leave the field out if the fact is not established) [bundle.wrong-type]",
        ])
    }

    @Test func invalidAndAmbiguousDates() throws {
        let yaml = caseYAML(caseFields: "  search_at: 2026-02-30\n  arrest_at: 2026-03-01T10:00:00\n  complaint_at: 0000-00-00")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:7:14: error: 'search_at': '2026-02-30' is not a real calendar date (write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM) [bundle.invalid-date]",
            "B/case.yaml:8:14: error: 'arrest_at': timestamp '2026-03-01T10:00:00' has no UTC offset, so the moment it names is ambiguous (add the offset the time was recorded in, e.g. 2026-03-01T10:00:00Z or 2026-03-01T10:00:00-05:00, or give the date only) [bundle.ambiguous-timestamp]",
            "B/case.yaml:9:17: error: 'complaint_at': '0000-00-00' is not a real calendar date (write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM) [bundle.invalid-date]",
        ])
    }

    @Test func dateOnlyFieldRejectsTimestamp() throws {
        let yaml = caseYAML("waivers:\n  - {id: W1, rule: R, justification: j, approved_by: a, approved_at: 2026-01-01, expires: 2026-02-01T00:00:00Z}")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:9:91: error: 'expires' takes a date only, found timestamp '2026-02-01T00:00:00Z' (write the date as YYYY-MM-DD) [bundle.invalid-date]"
        ])
    }

    @Test func dateOnlyAndTimestampStayDistinct() throws {
        let yaml = caseYAML(caseFields: "  search_at: 2026-03-10\n  arrest_at: 2026-03-10T09:30:00-08:00")
        let bundle = try TemporaryBundle(["case.yaml": yaml]).load()
        #expect(bundle.caseRecord["search_at"] == .date(Day(year: 2026, month: 3, day: 10)!))
        guard case .timestamp(let instant) = bundle.caseRecord["arrest_at"] else {
            Issue.record("arrest_at should be a timestamp")
            return
        }
        #expect(instant.description == "2026-03-10T09:30:00-08:00")
    }

    @Test func unknownEnumWord() throws {
        let yaml = caseYAML("evidence:\n  - {id: E1, location: unalocated}")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:9:24: error: 'unalocated' is not a valid file_location for 'location' (did you mean 'unallocated'?) [bundle.unknown-enum-case]"
        ])
    }

    @Test func missingRequiredField() throws {
        let problems = try TemporaryBundle(["case.yaml": caseYAML("devices:\n  - id: D1")]).problems()
        #expect(problems == [
            "B/case.yaml:9:5: error: missing required key 'kind' in Device (add 'kind: …' (what it is)) [bundle.missing-field]"
        ])
    }

    @Test func duplicateIDs() throws {
        let yaml = caseYAML("devices:\n  - {id: D1, kind: laptop}\n  - {id: D1, kind: phone}")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:10:5: error: duplicate id 'D1' in devices (first at B/case.yaml:9:5) (give each entry in 'devices' its own id) [bundle.duplicate-id]"
        ])
    }

    @Test func danglingReference() throws {
        let yaml = caseYAML("devices:\n  - {id: D1, kind: laptop}\nevidence:\n  - {id: E1, location: allocated, device: D2}")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:11:43: error: 'device' names 'D2', but there is no such entry in devices (did you mean 'D1'?) [bundle.dangling-reference]"
        ])
    }

    @Test func attachmentEscapingTheFolder() throws {
        let yaml = caseYAML("documents:\n  - {id: DOC1, kind: other, path: ../../etc/passwd}\n  - {id: DOC2, kind: other, path: /etc/passwd}")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:9:35: error: attachment '../../etc/passwd' resolves outside the bundle folder (keep every file of a bundle inside its folder; copy it in rather than linking) [bundle.attachment-escapes]",
            "B/case.yaml:10:35: error: attachment '/etc/passwd' is an absolute path (give the path relative to the bundle folder, e.g. docs/report.pdf) [bundle.attachment-escapes]",
        ])
    }

    @Test func unsupportedFormatVersion() throws {
        let yaml = caseYAML().replacingOccurrences(of: "readiness-bundle/1", with: "readiness-bundle/2")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems == [
            "B/case.yaml:1:9: error: unsupported bundle format 'readiness-bundle/2'; this tool reads readiness-bundle/1 (write 'format: readiness-bundle/1' or upgrade readiness) [bundle.unsupported-format]"
        ])
    }

    @Test func aliasBombIsRefused() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        let problems = try TemporaryBundle(["case.yaml": lines.joined(separator: "\n")]).problems()
        #expect(problems.count == 1)
        #expect(problems[0].contains("error: document expands to more than 2000000 nodes"))
        #expect(problems[0].hasSuffix("[bundle.too-large]"))
    }

    @Test func errorsAreCollectedAndSorted() throws {
        let yaml = caseYAML("devices:\n  - {id: D1, kind: laptp}", caseFields: "  stag: x")
        let problems = try TemporaryBundle(["case.yaml": yaml]).problems()
        #expect(problems.map { String($0.prefix(16)) } == ["B/case.yaml:7:3:", "B/case.yaml:9:20"])
    }
}
