/// One thing someone must do before the charging decision: an open finding turned into a task.
///
/// The action plan holds one item per open finding (fail, needs information, needs review,
/// error), grouped by owner in `Owner` order and, within an owner, sorted by deadline (items
/// without one last), then severity, then rule and subject order. Items are numbered `A1`, `A2`, …
/// in that order.
public struct ActionItem: Codable, Sendable, Hashable {
    /// `A1`, `A2`, … in plan order.
    public var number: String
    public var owner: Owner
    /// `YYYY-MM-DD`, or `nil` when the rule computes no deadline.
    public var deadline: String?
    public var rule: String
    /// The rule's title: what the action serves.
    public var title: String
    /// The subject's data path; `nil` for a case-level rule.
    public var subject: String?
    /// The task, in the rule's remediation words.
    public var action: String
    public var legalBasis: [String]
    public var severity: Severity
    /// The open result that calls for the action.
    public var outcome: CheckResult
}

enum ActionPlanBuilder {
    static func build(_ results: [RuleResult]) -> [ActionItem] {
        var items: [ActionItem] = []
        for result in results {
            for finding in result.findings where finding.outcome.isOpen {
                items.append(ActionItem(
                    number: "", owner: result.owner, deadline: finding.deadline, rule: result.rule, title: result.title,
                    subject: finding.subject?.path, action: finding.remediation, legalBasis: result.legalBasis,
                    severity: finding.severity, outcome: finding.outcome))
            }
        }
        // Sorted by small keys rather than by moving the items, which hold many strings.
        let owners = Dictionary(uniqueKeysWithValues: Owner.allCases.enumerated().map { ($1, $0) })
        let keys = items.map { (owner: owners[$0.owner] ?? 0, deadline: $0.deadline, severity: $0.severity) }
        let order = items.indices.sorted { left, right in
            let a = keys[left], b = keys[right]
            if a.owner != b.owner { return a.owner < b.owner }
            if a.deadline != b.deadline {
                guard let dueA = a.deadline else { return false }
                guard let dueB = b.deadline else { return true }
                return dueA < dueB
            }
            if a.severity != b.severity { return a.severity < b.severity }
            return left < right
        }
        return order.enumerated().map { position, index in
            var item = items[index]
            item.number = "A\(position + 1)"
            return item
        }
    }
}
