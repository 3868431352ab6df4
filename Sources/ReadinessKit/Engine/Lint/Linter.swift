import Foundation

/// Checks rule packs for problems beyond what loading and compiling find: missing legal basis or
/// remediation on serious rules, rules no profile can reach, duplicate rule ids, rules without a
/// failing and a passing test, and citations missing from the legal-basis register.
public struct Linter: Sendable {
    /// The citation keys of `docs/legal-basis.md`, when checking citations.
    public var registeredCitations: Set<String>?

    public init(registeredCitations: Set<String>? = nil) {
        self.registeredCitations = registeredCitations
    }

    /// The backticked keys in the first column of the legal-basis register's tables.
    public static func citationKeys(inRegister text: String) -> Set<String> {
        var keys: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(3)
            if let end = cell.firstIndex(of: "`") { keys.insert(String(cell[..<end])) }
        }
        return keys
    }

    /// Every problem in `packs`, sorted; compile errors included.
    public func lint(_ packs: [RulePack]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var ruleLocations: [String: SourceLocation] = [:]
        for pack in packs {
            do throws(DiagnosticError) {
                _ = try ChecklistCompiler.compile(try ChecklistCompiler.chain(of: pack, in: packs))
            } catch {
                diagnostics += error.diagnostics
            }
            let profiles = Set((try? ChecklistCompiler.chain(of: pack, in: packs))?.flatMap { $0.profiles.map(\.name) } ?? [])
            for rule in pack.rules {
                if let first = ruleLocations[rule.id] {
                    diagnostics.append(Diagnostic(id: "lint.duplicate-rule", message: "rule id '\(rule.id)' is already used at \(first)",
                                                  at: rule.location, hint: "rule ids are unique across all packs"))
                }
                ruleLocations[rule.id] = ruleLocations[rule.id] ?? rule.location
                diagnostics += check(rule, profiles: profiles)
            }
        }
        return Array(Set(diagnostics)).sorted()
    }

    private func check(_ rule: Rule, profiles: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ id: String, _ message: String, _ hint: String) {
            found.append(Diagnostic(id: id, message: "rule '\(rule.id)' \(message)", at: rule.location, hint: hint))
        }
        if rule.severity <= .major {
            if rule.legalBasis.isEmpty { report("lint.no-legal-basis", "is \(rule.severity.rawValue) but cites no legal basis", "add 'legal_basis:' with keys from docs/legal-basis.md") }
            if rule.remediation.text.trimmingCharacters(in: .whitespaces).isEmpty {
                report("lint.no-remediation", "is \(rule.severity.rawValue) but says nothing about how to fix it", "write 'remediation:' as a concrete action for the owner")
            }
        }
        if let named = rule.profiles {
            let missing = named.filter { !profiles.contains($0) }
            if !missing.isEmpty {
                report("lint.unreachable", "names profiles that do not exist: \(missing.joined(separator: ", "))",
                       "define them under 'profiles:' or correct the names (\(profiles.sorted().joined(separator: ", ")))")
            }
            if named.isEmpty { report("lint.unreachable", "is in no profile, so no check ever runs it", "list at least one profile or remove 'profiles:'") }
        }
        let expectations = rule.tests.flatMap(\.expected.values)
        if !expectations.contains(.fail) || !expectations.contains(.pass) {
            report("lint.untested", "needs at least one failing and one passing test case",
                   "add 'tests:' with a bundle that fails the rule and one that passes it")
        }
        if let registered = registeredCitations {
            for citation in rule.legalBasis where !registered.contains(citation.replacingOccurrences(of: " (unconfirmed)", with: "")) {
                report("lint.unknown-citation", "cites '\(citation)', which is not a key in docs/legal-basis.md",
                       Suggestion.closest(to: citation, in: registered).map { "did you mean '\($0)'? keys must match exactly" }
                        ?? "verify the authority and add it to docs/legal-basis.md, or cite an existing key")
            }
        }
        return found
    }
}
