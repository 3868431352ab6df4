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
        var items: [(item: ActionItem, order: Int)] = []
        for result in results {
            for finding in result.findings where finding.outcome.isOpen {
                let item = ActionItem(
                    number: "", owner: result.owner, deadline: finding.deadline, rule: result.rule, title: result.title,
                    subject: finding.subject?.path, action: finding.remediation, legalBasis: result.legalBasis,
                    severity: finding.severity, outcome: finding.outcome)
                items.append((item, items.count))
            }
        }
        let owners = Owner.allCases
        let sorted = items.sorted { left, right in
            let a = left.item, b = right.item
            let ownerA = owners.firstIndex(of: a.owner) ?? 0, ownerB = owners.firstIndex(of: b.owner) ?? 0
            if ownerA != ownerB { return ownerA < ownerB }
            if a.deadline != b.deadline {
                guard let dueA = a.deadline else { return false }
                guard let dueB = b.deadline else { return true }
                return dueA < dueB
            }
            if a.severity != b.severity { return a.severity < b.severity }
            return left.order < right.order
        }
        return sorted.enumerated().map { index, entry in
            var item = entry.item
            item.number = "A\(index + 1)"
            return item
        }
    }
}
