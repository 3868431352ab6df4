import Foundation
import Testing
@testable import ReadinessKit

/// The packs under `rules/` lint clean, pass their own tests and cover every theme.
@Suite struct ShippedPacksTests {
    let packs: [RulePack]

    init() throws {
        packs = try RulePackLoader().load([Repository.path("rules")])
    }

    @Test func lintIsClean() throws {
        let register = Linter.citationKeys(inRegister: try Repository.text("docs/legal-basis.md"))
        let problems = Linter(registeredCitations: register).lint(packs).filter { $0.severity == .error }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyRuleTestPasses() throws {
        let summary = try RuleTestRunner.run(packs)
        #expect(summary.failures.isEmpty, "\(summary.failures.map(\.description).joined(separator: "\n"))")
        #expect(summary.rulesTested >= 50)
    }

    @Test func packsCoverEveryThemeAndJurisdiction() {
        let rules = packs.flatMap(\.rules)
        #expect(rules.count >= 50)
        #expect(Set(rules.map(\.theme)) == Set(Theme.allCases))
        #expect(Set(packs.flatMap(\.jurisdictions)).isSuperset(of: ["US-FED", "US-CA", "UK-EW"]))
        #expect(Set(packs.map(\.id)).isSuperset(of: ["core", "us-federal", "england-wales", "us-california"]))
    }

    @Test(arguments: ["US-FED", "US-CA", "UK-EW"])
    func eachJurisdictionCompiles(jurisdiction: String) throws {
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: jurisdiction))
        #expect(checklist.packs.first?.id == "core")
        #expect(!checklist.offences.isEmpty)
    }
}
