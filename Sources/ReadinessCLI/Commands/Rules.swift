import ArgumentParser
import ReadinessKit

/// `readiness rules`: list the rules of the packs.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List rules, optionally of one pack or theme.",
        discussion: """
            Examples:
              readiness rules
              readiness rules --pack england-wales --theme mens-rea
            """)

    @Option(help: "A rule-pack folder or file (default: rules/).")
    var rules: [String] = []

    @Option(help: "Only this pack's rules.")
    var pack: String?

    @Option(help: "Only rules of this theme.")
    var theme: String?

    func run() throws {
        do throws(DiagnosticError) {
            let packs = try RulePackLoader().load(rules.isEmpty ? ["rules"] : rules)
            let chosen = packs.filter { pack == nil || $0.id == pack }.flatMap(\.rules).filter { theme == nil || $0.theme.rawValue == theme }
            for rule in chosen {
                let kind = rule.isManual ? " (manual)" : ""
                Terminal.print("\(rule.id.padding(12))\(rule.severity.rawValue.padding(10))\(rule.theme.rawValue.padding(18))\(rule.title)\(kind)")
            }
            let themes = Set(chosen.map(\.theme)).count
            Terminal.print("\(chosen.count) rules in \(themes) themes from \(Set(chosen.map(\.pack)).count) packs")
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
    }
}

/// `readiness explain`: one rule in plain words.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one rule in plain words, with its legal basis.",
        discussion: """
            Example:
              readiness explain US-PS-01
            """)

    @Argument(help: "The rule id.")
    var rule: String

    @Option(help: "A rule-pack folder or file (default: rules/).")
    var rules: [String] = []

    func run() throws {
        do throws(DiagnosticError) {
            let packs = try RulePackLoader().load(rules.isEmpty ? ["rules"] : rules)
            let all = packs.flatMap(\.rules)
            guard let found = all.first(where: { $0.id == rule }) else {
                throw DiagnosticError(Diagnostic(id: "rules.unknown-rule", message: "no rule '\(rule)'", at: nil,
                                                 hint: Suggestion.didYouMean(rule, in: all.map(\.id)) ?? "list rules with 'readiness rules'"))
            }
            Terminal.print(RuleExplainer.text(found))
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
