/// A concise plain-text summary of a report for the terminal: decision, open issues by severity
/// with their items and actions, and counts.
public enum TerminalSummary {
    /// Items listed per rule before "and N more".
    public static let itemLimit = 5

    public static func text(_ report: Report) -> String {
        var lines: [String] = []
        let info = report.caseInfo
        lines.append("Readiness check: \(info.id), \(info.caption)")
        let packs = report.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ")
        lines.append("As of \(report.asOf) · profile \(report.profile) · packs \(packs)")
        lines.append("")
        lines.append("Decision: \(report.decision.level.label.uppercased())")
        lines.append(report.decision.rationale)
        let open = report.results.filter(\.outcome.isOpen).sorted { ($0.severity, $0.outcome) < ($1.severity, $1.outcome) }
        if !open.isEmpty {
            lines.append("")
            lines.append("Open issues")
        }
        for result in open {
            let items = result.findings.filter(\.outcome.isOpen)
            let scope = result.subjectsChecked > 0 ? " (\(items.count) of \(result.subjectsChecked))" : ""
            lines.append("  \(result.severity.rawValue.uppercased())  \(result.rule)  \(result.title): \(result.outcome.label)\(scope)")
            for finding in items.prefix(itemLimit) {
                let subject = finding.subject.map { "\($0.path): " } ?? ""
                lines.append("    - \(subject)\(finding.message)")
                if !finding.missingFacts.isEmpty {
                    lines.append("      missing: \(finding.missingFacts.joined(separator: ", "))")
                }
                if let reason = finding.reason {
                    lines.append(finding.outcome == .needsReview ? "      question: \(reason)" : "      why: \(reason)")
                }
                let due = finding.deadline.map { ", by \($0)" } ?? ""
                lines.append("      action (\(result.owner.title.lowercased())\(due)): \(finding.remediation)")
            }
            if items.count > itemLimit { lines.append("    … and \(items.count - itemLimit) more (see --format json)") }
        }
        lines.append("")
        let order: [CheckResult] = [.pass, .fail, .unknown, .needsReview, .waived, .error, .notApplicable]
        let counts = order.compactMap { outcome in
            report.counts.rulesByOutcome[outcome.rawValue].map { "\($0) \(outcome.label)" }
        }
        lines.append("Rules: " + counts.joined(separator: ", "))
        if !report.waiverNotes.isEmpty {
            lines.append("Waivers not applied: " + report.waiverNotes.map { "\($0.id) (\($0.status.replacingOccurrences(of: "_", with: " ")))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
