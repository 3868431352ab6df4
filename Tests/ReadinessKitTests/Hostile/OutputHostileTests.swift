import Foundation
import Testing
@testable import ReadinessKit

/// What hostile bundle values become in the outputs: the docket's CSV defuses every spreadsheet
/// formula and its HTML escapes every value; the terminal summary and the JSON report carry them
/// as inert text. (The memo and the CSV action list had not landed when these were written; add
/// them here when they do.)
@Suite("Hostile values in outputs") struct OutputHostileTests {
    static let asOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    /// A docket row for each hostile-but-valid fixture, checked with the echo pack.
    func hostileDocket() throws -> Docket {
        let packs = try RulePackLoader().load([Hostile.fixture("rules/echo.yaml")])
        let checker = CaseChecker(checklist: try ChecklistCompiler.compile(packs))
        var rows: [Docket.Row] = []
        for fixture in ["html-everywhere", "control-chars", "template-syntax-in-values", "csv-formulas"] {
            let bundle = try BundleLoader().load(Hostile.fixture(fixture)).bundle
            rows.append(Docket.row(bundle: "=HYPERLINK(\"http://leak.example.invalid\")/\(fixture)",
                                   report: try checker.check(bundle, options: .init(asOf: Self.asOf))))
        }
        let broken = try #require(Hostile.load(Hostile.fixture("csv-unbalanced-quotes")))
        rows.append(Docket.row(bundle: "@SUM(1)/csv-unbalanced-quotes", problems: broken.diagnostics))
        var hostileID = rows[0]
        hostileID.caseID = "=cmd|' /C calc'!A0"
        hostileID.caption = "+1+1"
        rows.append(hostileID)
        return Docket(asOf: "2026-06-01", rows: rows)
    }

    /// Cells a spreadsheet would run as a formula: starting with = + - @, tab or carriage return.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first)
    }

    @Test("every docket CSV cell that a spreadsheet would run as a formula is defused, and the CSV reads back strictly")
    func docketCSVDefusesFormulas() throws {
        let csv = DocketRenderer.csv(try hostileDocket())
        var cells: [String] = []
        try CSVReader(file: "docket.csv", data: Data(csv.utf8)).forEachRow { row in cells += row.fields }
        #expect(cells.count > 20)
        let live = cells.filter(Self.isFormula)
        #expect(live.isEmpty, "live formulas: \(live)")
        #expect(cells.contains("'=HYPERLINK(\"http://leak.example.invalid\")/csv-formulas"))
        #expect(cells.contains("'=cmd|' /C calc'!A0"))
    }

    @Test("every formula vector from the hostile listing is defused by the CSV cell writer",
          arguments: ["=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")",
                      "=DDE(\"cmd\";\"/C calc\";\"x\")", "-2+3+cmd|' /C calc'!A0", "@cmd|'/C calc'!A0", "＝1+1", "＋1", "＠SUM(1+1)"])
    func csvCellDefusesEveryVector(_ value: String) throws {
        let cell = DocketRenderer.csvCell(value)
        var parsed: [String] = []
        try CSVReader(file: "cell.csv", data: Data((cell + "\n").utf8)).forEachRow { parsed = $0.fields }
        #expect(parsed == ["'" + value], "the cell reads back as the value with a leading quote")
    }

    @Test("the docket's HTML escapes every hostile value: no element, attribute or entity from the data survives")
    func docketHTMLEscapes() throws {
        let html = DocketRenderer.html(try hostileDocket())
        for raw in ["<script", "<img", "<svg", "<iframe", "<link", "onerror=\"", "onload=\"", "\"'>", "</textarea>"] {
            #expect(!html.contains(raw), "'\(raw)' reached the HTML unescaped")
        }
        #expect(html.contains("&lt;script&gt;document.documentElement.setAttribute(&#39;data-pwned&#39;"))
    }

    @Test("the terminal summary of the html-everywhere bundle holds the payloads as text, with no control character")
    func terminalSummaryIsInert() throws {
        let packs = try RulePackLoader().load([Hostile.fixture("rules/echo.yaml")])
        let bundle = try BundleLoader().load(Hostile.fixture("html-everywhere")).bundle
        let report = try CaseChecker(checklist: try ChecklistCompiler.compile(packs)).check(bundle, options: .init(asOf: Self.asOf))
        let text = TerminalText.sanitized(try MemoRenderer.render(report, as: .text, templateDirectory: Repository.path("templates")))
        let unwrapped = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for fragment in ["<script>document.documentElement.setAttribute('data-pwned','case.caption')</script>", "{{case.id}}", "{{{raw}}}"] {
            #expect(unwrapped.contains(fragment), "the 80-column text memo keeps '\(fragment)' as plain text")
        }
        #expect(!text.unicodeScalars.contains(where: TerminalText.isUnsafe))
    }

    @Test("no source file can reach the network: no URLSession, FoundationNetworking, sockets or remote URLs in Sources/")
    func noNetworkCode() throws {
        let banned = ["URLSession", "FoundationNetworking", "NWConnection", "socket(", "CFStream", "getaddrinfo", "Data(contentsOf: URL(string"]
        let sources = Repository.path("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            for word in banned where text.contains(word) {
                Issue.record("Sources/\(file) uses '\(word)'")
            }
        }
    }
}
