import Foundation
import Testing
@testable import ReadinessKit

/// Hostile and broken `evidence.jsonl` listings: refused at their record's line and column, in
/// bounded time and stack, whatever their size or nesting; data that only looks dangerous is kept
/// as inert text.
@Suite("Hostile JSON Lines evidence listings") struct JSONLinesHostileTests {
    /// Loads a bundle whose listing is `bytes`.
    func load(_ bytes: [UInt8], seconds: Double = Hostile.timeLimit) throws -> LoadOutcome {
        let folder = try Hostile.temporaryFolder("jsonl")
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        try Hostile.write(bytes, to: folder + "/evidence.jsonl")
        return try #require(Hostile.load(folder, seconds: seconds))
    }

    func located(_ outcome: LoadOutcome) -> [String] {
        outcome.errors.map { error in
            "\(error.id)@\(error.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } ?? "-")"
        }
    }

    @Test("a million nested brackets are refused at the nesting limit, without exhausting the stack")
    func deepNesting() throws {
        let line = #"{"id": "E1", "location": "allocated", "notes": "# + String(repeating: "[", count: 1_000_000)
        let outcome = try load(Array(line.utf8))
        #expect(outcome.bundle == nil)
        #expect(located(outcome) == ["bundle.jsonl-syntax@evidence.jsonl:1:\(48 + JSONScanner.depthLimit)"])
        #expect(outcome.errors.first?.message == "record 1: values nest more than 64 levels deep")
    }

    @Test("invalid UTF-8 inside a string and outside one is refused where it stands")
    func invalidUTF8() throws {
        let bytes = Array(#"{"id": "E1", "location": "allocated", "notes": "a"#.utf8) + [0xFF] + Array("\"}\n".utf8)
            + Array(#"{"id": "E2", "location": "allocated"}"#.utf8) + [0xC3] + Array("\n".utf8)
        let outcome = try load(bytes)
        #expect(located(outcome) == ["bundle.jsonl-syntax@evidence.jsonl:1:48", "bundle.jsonl-syntax@evidence.jsonl:2:38"])
        #expect(outcome.errors.map(\.message) == ["record 1: a string is not valid UTF-8",
                                                 "record 2: unexpected '\u{FFFD}' after the item's closing '}'"])
    }

    @Test("escaped NUL, control characters and formulas are kept as inert text")
    func inertText() throws {
        let line = #"{"id": "E1", "location": "allocated", "notes": "before\u0000after\u001b[31m", "path": "=HYPERLINK(\"http://example.invalid\")"}"#
        let outcome = try load(Array(line.utf8))
        let item = try #require(outcome.bundle?.records(in: "evidence").first)
        #expect(item["notes"] == .string("before\u{0}after\u{1B}[31m"))
        #expect(item["path"] == .string("=HYPERLINK(\"http://example.invalid\")"))
    }

    @Test("a 20 MB value on one line loads in bounded time")
    func hugeValue() throws {
        let line = #"{"id": "E1", "location": "allocated", "notes": ""# + String(repeating: "x", count: 20 << 20) + "\"}\n"
        let outcome = try load(Array(line.utf8))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.bundle?.records(in: "evidence").first?["notes"]?.stringValue?.utf8.count == 20 << 20)
    }

    @Test("one line with a thousand unknown keys stops at the diagnostic limit (fuzzer find: 260 for one line)")
    func manyBadKeysOnOneLineAreCapped() throws {
        let keys = (0..<1_000).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        let outcome = try load(Array("{\"id\": \"E1\", \"location\": \"allocated\", \(keys)}\n".utf8))
        #expect(outcome.errors.count == TabularEvidenceReader.diagnosticLimit)
        #expect(outcome.everyErrorIsLocated)
    }

    @Test("a listing where every line is wrong stops collecting at the diagnostic limit, in bounded time")
    func manyBadLinesAreCapped() throws {
        var text = ""
        for row in 0..<50_000 { text += row % 2 == 0 ? "{\"id\": \"E\(row)\", \"location\": \"nowhere\"}\n" : "{\"id\": \n" }
        let outcome = try load(Array(text.utf8), seconds: 60)
        #expect(outcome.bundle == nil)
        #expect(outcome.errors.count <= TabularEvidenceReader.diagnosticLimit + 10)
        #expect(outcome.everyErrorIsLocated)
    }
}
