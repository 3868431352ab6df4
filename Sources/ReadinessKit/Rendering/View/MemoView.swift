/// Everything a memo template can print, built from a report by `MemoViewBuilder`.
///
/// View models hold stored properties only: swift-mustache reads values with `Mirror`, which does
/// not see computed properties. Optional facts are an empty string plus a `has…` flag, because a
/// section over a non-empty string is always rendered. `docs/templates.md` lists every name.
struct MemoView: Codable, Sendable {
    var heading: HeadingView
    var decision: DecisionView
    var counts: CountsView
    var hasProgress: Bool
    var progress: ProgressView
    var blockers: [IssueView]
    var majors: [IssueView]
    var actionPlan: ActionPlanView
    var charges: [ChargeView]
    var manualChecks: [ManualCheckView]
    var witnesses: [WitnessView]
    var evidence: EvidenceView
    var waivers: WaiversView
    var unknownFacts: [UnknownFactView]
    var rules: [RuleRowView]
    var footer: FooterView
}

/// The To / From / Date / Re block and the case particulars.
struct HeadingView: Codable, Sendable {
    var to: String
    var from: String
    var hasCc: Bool
    var cc: String
    var date: String
    var caseID: String
    var caption: String
    var jurisdiction: String
    var hasVenue: Bool
    var venue: String
    var stage: String
    var profile: String
    var redacted: Bool
}

/// The decision and its rationale.
struct DecisionView: Codable, Sendable {
    /// `ready`, `ready_with_conditions` or `not_ready`.
    var level: String
    var label: String
    var labelUpper: String
    var isReady: Bool
    var isReadyWithConditions: Bool
    var isNotReady: Bool
    var rationale: String
    var openBlockers: Int
    var openMajors: Int
}

/// A labelled number.
struct CountView: Codable, Sendable {
    var label: String
    var count: Int
}

/// Counts by result and severity.
struct CountsView: Codable, Sendable {
    var rulesChecked: Int
    var byResult: [ResultCountView]
    var openRulesBySeverity: [CountView]
}

/// Rules and items with one result.
struct ResultCountView: Codable, Sendable {
    var result: String
    var rules: Int
    var items: Int
}

/// One open blocker or major rule with the items concerned.
struct IssueView: Codable, Sendable {
    /// 1, 2, … within its group.
    var number: Int
    var rule: String
    var title: String
    var result: String
    var severity: String
    var theme: String
    var whyItMatters: String
    var hasLegalBasis: Bool
    var legalBasis: [String]
    var owner: String
    var hasScope: Bool
    /// "3 of 10 items".
    var scope: String
    var items: [IssueItemView]
    var hasMore: Bool
    var more: Int
}

/// One subject of an open rule.
struct IssueItemView: Codable, Sendable {
    var hasSubject: Bool
    var subject: String
    var result: String
    var message: String
    var remediation: String
    /// The action-plan number, e.g. `A3`.
    var action: String
    var hasDeadline: Bool
    var deadline: String
    var hasMissing: Bool
    var missing: String
    var hasQuestion: Bool
    var question: String
    var hasReason: Bool
    var reason: String
    /// A reviewer's answer to a manual check: "not satisfied, by … on …: note".
    var hasAttestation: Bool
    var attestation: String
}

/// The action plan by owner.
struct ActionPlanView: Codable, Sendable {
    var total: Int
    /// More than `MemoViewBuilder.longPlan` actions: the memo says so.
    var isLong: Bool
    var owners: [OwnerActionsView]
}

/// One owner's actions, sorted by deadline.
struct OwnerActionsView: Codable, Sendable {
    var owner: String
    var count: Int
    var actions: [ActionView]
    /// Actions left out of the memo (more than the item limit for one rule); all are in CSV and JSON.
    var omitted: [OmittedView]
}

/// One action.
struct ActionView: Codable, Sendable {
    var number: String
    var action: String
    var rule: String
    var title: String
    var hasSubject: Bool
    var subject: String
    var hasDeadline: Bool
    var deadline: String
    var isOverdue: Bool
    var severity: String
    var result: String
    var hasLegalBasis: Bool
    var legalBasis: String
}

/// Actions of one rule not listed in the memo.
struct OmittedView: Codable, Sendable {
    var rule: String
    var count: Int
}

/// A manual check awaiting a reviewer.
struct ManualCheckView: Codable, Sendable {
    var rule: String
    var title: String
    var question: String
    var owner: String
    var severity: String
    var hasSubject: Bool
    var subject: String
}

/// A fact the bundle does not establish, and the rules that need it.
struct UnknownFactView: Codable, Sendable {
    var fact: String
    var rules: String
}

/// One rule in the appendix.
struct RuleRowView: Codable, Sendable {
    var rule: String
    var title: String
    var pack: String
    var severity: String
    var result: String
    var isOpen: Bool
    /// Whether the rule is checked once for the case rather than per item.
    var isCaseLevel: Bool
    /// "pass 3, fail 1" over the items checked; empty for a case-level rule.
    var subjects: String
}

/// The reproducibility footer.
struct FooterView: Codable, Sendable {
    var toolVersion: String
    var reportFormat: String
    var asOf: String
    var profile: String
    var redacted: Bool
    var packs: [PackRowView]
    var sources: [FileRowView]
    var templates: [FileRowView]
}

/// A pack used.
struct PackRowView: Codable, Sendable {
    var id: String
    var title: String
    var version: String
    var file: String
    var sha256: String
}

/// A file and its SHA-256.
struct FileRowView: Codable, Sendable {
    var path: String
    var sha256: String
}
