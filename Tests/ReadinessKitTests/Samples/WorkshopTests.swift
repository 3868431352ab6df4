import Foundation
import Testing
@testable import ReadinessKit

/// Workshop material: the handout shows the file and the questions but no findings; the trainer
/// key shows the outcome and the notes; both escape every value and honour `--redact`.
@Suite struct WorkshopTests {
    static let ruleIDs: [String] = ((try? SampleFixtures.packs.get()) ?? []).flatMap(\.rules).map(\.id)

    /// The repository's memo templates.
    static let memoTemplates = Repository.path("templates")

    func workshop() throws -> Workshop { try WorkshopFixtures.workshop.get() }

    @Test(arguments: SampleFixtures.names)
    func handoutShowsTheFileButNoFindings(_ name: String) throws {
        let outcome = try #require(SampleFixtures.outcome(name).0, "\(SampleFixtures.outcome(name).1)")
        let sample = SampleFixtures.sample(name)
        let html = try workshop().handout(for: sample, bundle: outcome.bundle, redacted: false)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains(MemoHostileTests.contentSecurityPolicy), "sample '\(name)': the handout must forbid scripts and loads")
        #expect(!html.lowercased().contains("<script"), "sample '\(name)': the handout must hold no scripts")
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "sample '\(name)': the handout must be self-contained")
        for rule in Self.ruleIDs where html.contains(rule) {
            Issue.record("sample '\(name)': the handout names rule \(rule); it must show no findings")
        }
        for word in ["BLOCKER", "blocker rule", "needs review", "answer key", "Discussion notes", "Decision:"] {
            #expect(!html.contains(word), "sample '\(name)': the handout contains '\(word)'")
        }
        for item in outcome.bundle.records(in: "evidence").prefix(HandoutModel.evidenceLimit) {
            #expect(html.contains("<td>\(item.id ?? "")</td>"), "sample '\(name)': evidence \(item.id ?? "?") missing from the handout")
        }
        for witness in outcome.bundle.records(in: "witnesses") {
            #expect(html.contains("<td>\(witness.id ?? "")</td>"), "sample '\(name)': witness \(witness.id ?? "?") missing from the handout")
        }
        let questions = sample.readme?.items(of: "Discussion questions") ?? []
        #expect(html.components(separatedBy: "<div class=\"answer\"></div>").count - 1 == 3 * questions.count + 4)
    }

    @Test(arguments: SampleFixtures.names)
    func trainerKeyShowsTheOutcomeAndTheNotes(_ name: String) throws {
        let outcome = try #require(SampleFixtures.outcome(name).0, "\(SampleFixtures.outcome(name).1)")
        let sample = SampleFixtures.sample(name)
        let memo = try WorkshopFixtures.memo(name, .text)
        let html = try workshop().trainerKey(for: sample, outcome: outcome, memo: memo, memoLink: "memo.html", redacted: false)
        #expect(html.contains("<a href=\"memo.html\">memo.html</a>"))
        #expect(html.contains(MemoHostileTests.contentSecurityPolicy))
        #expect(html.contains(outcome.report.caseInfo.id))
        #expect(html.contains("<strong>\(outcome.report.decision.level.label)</strong>"))
        #expect(html.contains("<h2>Discussion notes</h2>"))
        #expect(html.contains("<h2>What a fixed file would look like</h2>"))
        for expected in outcome.key.findings {
            #expect(html.contains("<td>\(expected.rule)</td>"), "sample '\(name)': key finding \(expected) missing from the trainer key")
        }
        #expect(!html.contains("class=\"bad\""), "sample '\(name)': the trainer key reports a departure from the answer key")
        #expect(!html.lowercased().contains("<script"))
    }

    /// libxml2 parses every handout and trainer key without errors, scripts or event handlers.
    @Test func workshopHTMLParsesCleanly() throws {
        for name in SampleFixtures.names {
            let outcome = try #require(SampleFixtures.outcome(name).0, "\(SampleFixtures.outcome(name).1)")
            let sample = SampleFixtures.sample(name)
            let memo = try WorkshopFixtures.memo(name, .text)
            let pages = [
                ("handout", try workshop().handout(for: sample, bundle: outcome.bundle, redacted: true)),
                ("trainer key", try workshop().trainerKey(for: sample, outcome: outcome, memo: memo, memoLink: "memo.html", redacted: true)),
            ]
            for (kind, html) in pages {
                let check = HTMLChecker(html)
                #expect(check.errors.isEmpty, "sample '\(name)' \(kind): \(check.errors)")
                #expect(check.scripts == 0 && check.handlers.isEmpty, "sample '\(name)' \(kind) has scripts or event handlers")
                #expect(check.elements["h1"] == 1, "sample '\(name)' \(kind): one h1")
            }
        }
    }

    @Test func redactionReplacesTheSuspectEverywhere() throws {
        let outcome = try #require(SampleFixtures.outcome("us-ready-possession").0)
        let sample = SampleFixtures.sample("us-ready-possession")
        let handout = try workshop().handout(for: sample, bundle: outcome.bundle, redacted: true)
        let memo = try Workshop.memo(for: outcome, as: .text, redacted: true, templateDirectory: Self.memoTemplates)
        let key = try workshop().trainerKey(for: sample, outcome: outcome, memo: memo, memoLink: nil, redacted: true)
        let memoHTML = try Workshop.memo(for: outcome, as: .html, redacted: true, templateDirectory: Self.memoTemplates)
        for text in [handout, key, memoHTML] {
            for identifying in ["Dale Exemplar", "dexemplar", "d.exemplar@example.invalid", "14 Larch Lane", "1988-07-14"] {
                #expect(!text.contains(identifying), "'\(identifying)' survived --redact")
            }
            #expect(text.contains("Suspect 1"))
        }
        for text in [handout, key] {
            #expect(text.contains("Identifying details are replaced by pseudonyms."))
        }
        let plain = try workshop().handout(for: sample, bundle: outcome.bundle, redacted: false)
        #expect(plain.contains("Dale Exemplar (fictional)"))
    }

    @Test func redactionMatchesWholeWordsOnly() throws {
        let folder = try TemporaryBundle(["case.yaml": caseYAML("suspects:\n  - {id: S1, name: Alex Example (fictional), accounts: [alex]}\n")])
        let redaction = HandoutRedaction(bundle: try folder.load())
        let redacted = redaction("C:/Users/alex/x.jpg and ALEX, but not Alexander; Alex Example (fictional)")
        #expect(!redacted.contains("alex/") && !redacted.contains("ALEX,") && !redacted.contains("Alex Example"))
        #expect(redacted.contains("Alexander"))
        #expect(HandoutRedaction.none("alex") == "alex")
    }

    /// Every sample's memo renders in every format, as `readiness check` would write it, and the
    /// redacted HTML memo too.
    @Test(arguments: SampleFixtures.names)
    func memoRendersInEveryFormat(_ name: String) throws {
        let outcome = try #require(SampleFixtures.outcome(name).0, "\(SampleFixtures.outcome(name).1)")
        for format in MemoFormat.allCases {
            let memo = try WorkshopFixtures.memo(name, format)
            #expect(!memo.isEmpty, "sample '\(name)': empty \(format) memo")
            if format.usesTemplates {
                #expect(memo.contains(outcome.report.caseInfo.id), "sample '\(name)': the \(format) memo does not name the case")
            }
        }
        let redacted = try Workshop.memo(for: outcome, as: .html, redacted: true, templateDirectory: Self.memoTemplates)
        let check = HTMLChecker(redacted)
        #expect(check.errors.isEmpty && check.scripts == 0, "sample '\(name)': redacted HTML memo: \(check.errors)")
    }

    @Test func templatesAreFoundFromTheRepositoryOrTheBuiltInSet() {
        #expect(Workshop.locateTemplates(explicit: "/x") == "/x")
        #expect(Workshop.locateTemplates(explicit: nil, workingDirectory: Repository.root) == Repository.path(Workshop.defaultTemplates))
        let elsewhere = Workshop.locateTemplates(explicit: nil, workingDirectory: "/nonexistent")
        #expect(elsewhere == Workshop.defaultTemplates || FileManager.default.fileExists(atPath: elsewhere + "/handout.mustache"))
    }

    @Test func everyValueIsEscaped() throws {
        let folder = try TemporaryBundle([
            "case.yaml": caseYAML(
                "witnesses:\n  - {id: W<1>, name: \"<img src=x onerror=alert(1)> (fictional)\", role: case_agent}\n",
                caseFields: "  summary: \"Tom & Jerry <b>bold</b>\""),
            "README.md": "# A <i>title</i> (fictional)\n\nSummary.\n\n## Scenario\n\nText with <script>alert(1)</script> & `<code>`.\n\n## Discussion questions\n\n1. Is \"this\" <safe>?\n",
            "expected.yaml": "decision: not_ready\nas_of: 2026-01-01\nfindings: []\n",
        ])
        let sample = Sample(path: folder.path)
        let html = try workshop().handout(for: sample, bundle: try folder.load(), redacted: false)
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>bold") && !html.contains("<i>title"))
        #expect(html.contains("Text with &lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;code&gt;</code>."))
        #expect(html.contains("<td>W&lt;1&gt;</td>"))
        #expect(html.contains("Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt;"))
        #expect(html.contains("Is &quot;this&quot; &lt;safe&gt;?"))
    }

    @Test func absentFactsReadAsNotRecorded() throws {
        let folder = try TemporaryBundle([
            "case.yaml": caseYAML("evidence:\n  - {id: E1, location: unallocated}\n  - {id: E2, location: allocated, hash_verified: false, user_actions: []}\n"),
        ])
        let model = HandoutModel(bundle: try folder.load(), redact: .none)
        let rows = model.tables()["evidence"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["hashVerified"] as? String } == ["not recorded", "no"])
        #expect(rows.map { $0["userActions"] as? String } == ["not recorded", "none"])
    }

    @Test func missingTemplatesAreNamed() {
        do {
            _ = try Workshop(templates: "/nonexistent/templates")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.id == "workshop.no-template")
            #expect(error.diagnostics.first?.message.contains("/nonexistent/templates/handout.mustache") == true)
        }
    }

    @Test func filesAreWrittenIntoTheOutputFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workshop-\(UUID().uuidString)/nested").path
        let written = try WorkshopFiles(handout: "<p>h</p>", trainerKey: "<p>k</p>").write(to: folder)
        #expect(written.map { URL(fileURLWithPath: $0).lastPathComponent } == ["handout.html", "trainer-key.html"])
        #expect(try String(contentsOfFile: written[1], encoding: .utf8) == "<p>k</p>")
    }
}
