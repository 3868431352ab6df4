import ArgumentParser
import Foundation
import ReadinessKit

/// `--rules` and `--pack`: where packs come from and which to use.
struct PackSelection: ParsableArguments {
    @Option(name: .long, help: "A rule-pack folder or file (repeatable; default: rules/).")
    var rules: [String] = []

    @Option(name: .long, help: "Use this pack (and the packs it extends) instead of choosing by jurisdiction (repeatable).")
    var pack: [String] = []

    /// The pack paths to load.
    var paths: [String] { rules.isEmpty ? ["rules"] : rules }

    /// Loads the packs.
    func load() throws(DiagnosticError) -> [RulePack] {
        try RulePackLoader().load(paths)
    }

    /// The compiled checklist for `bundle`: the named packs, or those covering its jurisdiction.
    func checklist(for bundle: CaseBundle) throws(DiagnosticError) -> CompiledChecklist {
        try checklist(for: bundle, from: try load())
    }

    /// The compiled checklist for `bundle` from packs already loaded.
    func checklist(for bundle: CaseBundle, from packs: [RulePack]) throws(DiagnosticError) -> CompiledChecklist {
        guard !pack.isEmpty else {
            let jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
            return try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: jurisdiction))
        }
        var chosen: [RulePack] = []
        for id in pack {
            guard let found = packs.first(where: { $0.id == id }) else {
                throw DiagnosticError(Diagnostic(id: "rules.unknown-pack", message: "no pack '\(id)' in \(paths.joined(separator: ", "))",
                                                 at: nil, hint: Suggestion.didYouMean(id, in: packs.map(\.id))))
            }
            for member in try ChecklistCompiler.chain(of: found, in: packs) where !chosen.contains(where: { $0.id == member.id }) {
                chosen.append(member)
            }
        }
        return try ChecklistCompiler.compile(chosen)
    }
}
