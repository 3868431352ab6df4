/// One rule in plain words, for `readiness explain`.
public enum RuleExplainer {
    public static func text(_ rule: Rule) -> String {
        var lines = ["\(rule.id): \(rule.title)", ""]
        lines.append("Pack \(rule.pack), defined at \(rule.location). Theme \(rule.theme.rawValue); severity \(rule.severity.rawValue)"
            + (rule.severityFrom.map { " (or as given by \($0.text))" } ?? "") + "; owner \(rule.owner.title.lowercased()).")
        lines.append("")
        if let applies = rule.appliesWhen { lines.append("Applies when: \(applies.text)") }
        if let collection = rule.forEach {
            lines.append("Checks each of: \(collection) (as '\(rule.variable)')" + (rule.filter.map { ", where \($0.text)" } ?? ""))
        }
        if let require = rule.require {
            lines.append("Requires: \(require.text.trimmingCharacters(in: .whitespacesAndNewlines))")
            lines.append("A fact the requirement needs but the bundle does not establish makes the result 'needs information', never a pass.")
        }
        if let question = rule.question {
            lines.append("Manual check: \(question)")
            lines.append("It stays 'needs review' until the bundle records an attestation for \(rule.id).")
        }
        lines.append("")
        lines.append("When it fails: \(rule.message.text)")
        lines.append("What to do: \(rule.remediation.text)")
        if let deadline = rule.deadline { lines.append("Deadline: \(deadline.text)") }
        lines.append("")
        lines.append("Legal basis:")
        lines += rule.legalBasis.isEmpty ? ["  (none cited)"] : rule.legalBasis.map { "  - \($0)" }
        lines.append(rule.waivable ? "May be waived with a justification, approver and expiry." : "May not be waived.")
        return lines.joined(separator: "\n")
    }
}
