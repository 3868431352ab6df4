import Foundation
import Testing
@testable import ReadinessKit

/// What every sample must hold for trainers, and what none may hold: real identities or victims'
/// details.
@Suite struct SampleContentTests {
    static let requiredSections = ["Scenario", "Learning objectives", "What the check finds", "Discussion questions",
                                   "Discussion notes", "What a fixed file would look like"]

    @Test(arguments: SampleFixtures.names)
    func readmeHasTheTrainerSections(_ name: String) throws {
        let readme = try #require(SampleFixtures.sample(name).readme, "sample '\(name)' has no README.md")
        #expect(readme.title.contains("fictional"), "sample '\(name)': the README title should say the case is fictional")
        #expect(!readme.summary.isEmpty && !readme.summary.contains("\n"), "sample '\(name)': the README needs a one-line summary under its title")
        #expect(readme.preamble.contains("swift run readiness check samples/\(name)"), "sample '\(name)': the README should start with the command to check it")
        for heading in Self.requiredSections {
            #expect(readme.section(heading) != nil, "sample '\(name)': README.md has no '## \(heading)' section")
        }
        #expect(readme.items(of: "Discussion questions").count >= 3, "sample '\(name)': fewer than 3 discussion questions")
    }

    @Test(arguments: SampleFixtures.names)
    func keyDateIsTheOneTheReadmeUses(_ name: String) throws {
        let key = try SampleFixtures.sample(name).key.get()
        let readme = try #require(SampleFixtures.sample(name).readme)
        if name != "us-ready-possession" {
            #expect(readme.preamble.contains("--as-of \(key.asOf)"), "sample '\(name)': the README's command should use --as-of \(key.asOf), the answer key's date")
        }
    }

    /// The README explains every open finding its answer key requires.
    @Test(arguments: SampleFixtures.names)
    func readmeExplainsTheKeysOpenFindings(_ name: String) throws {
        let key = try SampleFixtures.sample(name).key.get()
        let finds = try #require(SampleFixtures.sample(name).readme?.section("What the check finds"))
        for expected in key.findings where expected.result.isOpen && !finds.contains(expected.rule) {
            Issue.record("sample '\(name)': README's 'What the check finds' does not mention \(expected.rule), which the key expects to be \(expected.result.rawValue)")
        }
    }

    /// Names, agencies and providers are marked fictional; victims appear by pseudonymous id only.
    @Test(arguments: SampleFixtures.names)
    func everyIdentityIsFictional(_ name: String) throws {
        let bundle = try BundleLoader().load(SampleFixtures.directory + "/" + name).bundle
        #expect(bundle.caseRecord["caption"]?.stringValue?.contains("(fictional") == true, "sample '\(name)': caption not marked fictional")
        for suspect in bundle.records(in: "suspects") {
            #expect(suspect["name"]?.stringValue?.contains("(fictional)") ?? true, "sample '\(name)': suspect \(suspect.id ?? "?") not marked fictional")
        }
        for witness in bundle.records(in: "witnesses") {
            for field in ["name", "agency"] {
                guard let text = witness[field]?.stringValue else { continue }
                #expect(text.contains("(fictional"), "sample '\(name)': witness \(witness.id ?? "?") \(field) '\(text)' not marked fictional")
            }
        }
        for tip in bundle.records(in: "cybertips") {
            #expect(tip["provider"]?.stringValue?.contains("(fictional)") ?? true, "sample '\(name)': provider of CyberTip \(tip.id ?? "?") not marked fictional")
        }
        for process in bundle.records(in: "legal_process") {
            for premises in process["scope"]?.recordValue?["premises"]?.listValue?.compactMap(\.stringValue) ?? [] {
                #expect(premises.contains("(fictional)"), "sample '\(name)': premises '\(premises)' of \(process.id ?? "?") not marked fictional (quote addresses that hold commas)")
            }
        }
        for victim in bundle.records(in: "victims") {
            #expect(victim["name"]?.isNull ?? true, "sample '\(name)': victim \(victim.id ?? "?") has a name; use the pseudonymous id only")
            #expect(victim["date_of_birth"]?.isNull ?? true, "sample '\(name)': victim \(victim.id ?? "?") has a date of birth")
        }
        for email in bundle.records(in: "suspects").flatMap({ $0["emails"]?.listValue ?? [] }).compactMap(\.stringValue) {
            #expect(email.hasSuffix(".invalid"), "sample '\(name)': e-mail '\(email)' should use the reserved .invalid domain")
        }
    }

    /// The large sample is exactly what its README's generate command makes.
    @Test func largeSampleIsReproducible() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString)").path
        try BundleGenerator(items: 5000, seed: 2026, rates: [.unallocatedOnly: 0.01, .cacheOnly: 0.01, .unverifiedHash: 0.005, .synthetic: 0.002])
            .write(to: folder)
        for file in ["case.yaml", "evidence.csv"] {
            let made = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            let committed = try Data(contentsOf: URL(fileURLWithPath: SampleFixtures.directory + "/us-large-volume/" + file))
            #expect(made == committed, "samples/us-large-volume/\(file) differs from the generator's output: regenerate it with the command in its README")
        }
        let readme = try #require(SampleFixtures.sample("us-large-volume").readme)
        let command = "--items 5000 --seed 2026 --pattern unallocated-only=0.01 --pattern cache-only=0.01 --pattern unverified-hash=0.005 --pattern synthetic=0.002"
        #expect(readme.section("Making bigger ones")?.contains(command) == true)
    }

    @Test func listingReadsSummaryAndDecision() throws {
        let samples = try SampleCatalogue.load(directory: SampleFixtures.directory)
        let ready = try #require(samples.first { $0.name == "us-ready-possession" })
        #expect(try ready.key.get().decision == .ready)
        #expect(ready.summary.hasPrefix("A single-count possession case"))
        #expect(samples.map(\.name) == samples.map(\.name).sorted())
    }

    @Test func findingASampleByNameOrPath() throws {
        let byName = try SampleCatalogue.find("ew-ready-possession", in: SampleFixtures.directory)
        let byPath = try SampleCatalogue.find(SampleFixtures.directory + "/ew-ready-possession", in: "elsewhere")
        #expect(byName.name == byPath.name)
        #expect(throws: DiagnosticError.self) { try SampleCatalogue.find("ew-ready-posession", in: SampleFixtures.directory) }
        do {
            _ = try SampleCatalogue.find("ew-ready-posession", in: SampleFixtures.directory)
        } catch {
            #expect(error.diagnostics.first?.hint == "did you mean 'ew-ready-possession'?")
        }
    }

    @Test func readmeSectionsAndItems() {
        let readme = SampleReadme(markdown: """
            # Title (fictional)

            The summary line.

            ```
            swift run readiness check samples/x
            ```

            ## Scenario

            Para one
            continues.

            ## Discussion questions

            1. First?
            2. Second,
               continued?
            - Third?
            """)
        #expect(readme.title == "Title (fictional)")
        #expect(readme.summary == "The summary line.")
        #expect(readme.preamble.contains("swift run readiness check samples/x"))
        #expect(readme.section("scenario") == "Para one\ncontinues.")
        #expect(readme.items(of: "Discussion questions") == ["First?", "Second, continued?", "Third?"])
        #expect(readme.section("Missing") == nil)
    }

    @Test func markdownBlocksAndSpans() {
        let blocks = Markdown.blocks("Intro with `code`, **bold** and *em*.\n\n- one\n- two\n\n1. first\n\n### Heading\n\n```\n<raw>\n```")
        #expect(blocks.count == 5)
        #expect(blocks[0]["paragraph"] as? Bool == true)
        let spans = blocks[0]["spans"] as? [[String: Any]] ?? []
        #expect(spans.map { $0["text"] as? String } == ["Intro with ", "code", ", ", "bold", " and ", "em", "."])
        #expect(spans.map { $0["code"] as? Bool } == [false, true, false, false, false, false, false])
        #expect(blocks[1]["bulleted"] as? Bool == true)
        #expect((blocks[1]["items"] as? [[String: Any]])?.count == 2)
        #expect(blocks[2]["ordered"] as? Bool == true)
        #expect(blocks[3]["heading"] as? Bool == true)
        #expect(blocks[4]["code"] as? Bool == true && blocks[4]["text"] as? String == "<raw>")
        #expect(Markdown.spans("a `b").map { $0["text"] as? String } == ["a `b"])
    }
}
