/// The outcome of checking one bundle: every rule's result, the counts, and the decision.
///
/// Rules appear in pack order (ancestors first) and file order; a rule's findings follow the
/// order of its subjects in the bundle. Passing subjects are counted, not listed.
public struct Report: Codable, Sendable {
    /// The report format, versioned independently of the tool (`docs/report-format.md`).
    public var format = "readiness-report/1"
    public var toolVersion: String
    public var asOf: String
    public var profile: String
    public var caseInfo: CaseInfo
    public var summary: BundleSummary
    public var sources: [CaseBundle.SourceFile]
    public var packs: [PackInfo]
    public var results: [RuleResult]
    public var counts: Counts
    public var decision: Decision
    /// Waivers that were not applied, and why.
    public var waiverNotes: [WaiverNote]
    /// Each proposed charge against its offence's elements, evidence and witnesses.
    public var proofMatrix: [ChargeProof]
    /// Every witness: role, availability, subpoena and what they prove.
    public var witnesses: [WitnessEntry]
    /// The evidence items by location, media type and device.
    public var evidence: EvidenceSummary
    /// One task per open finding, grouped by owner and sorted by deadline.
    public var actionPlan: [ActionItem]
    /// What changed since an earlier report (`readiness check --since`); absent otherwise.
    public var progress: ReportDiff?
    /// Whether victim and suspect identifying details were replaced by pseudonyms (`--redact`).
    public var redacted = false

    /// The case as the memo heading shows it.
    public struct CaseInfo: Codable, Sendable {
        public var id: String
        public var caption: String
        public var jurisdiction: String
        public var circuit: String?
        public var venue: String?
        public var stage: String
        public var investigator: String?
        public var prosecutor: String?
    }

    /// A pack used, for the reproducibility footer.
    public struct PackInfo: Codable, Sendable, Hashable {
        public var id: String
        public var title: String
        public var version: String
        public var file: String
        public var sha256: String
    }

    /// Counts computed once and used by every output.
    public struct Counts: Codable, Sendable {
        /// Rules by their summary outcome.
        public var rulesByOutcome: [String: Int]
        /// Open rules (error, fail, unknown, needs review) by severity.
        public var openRulesBySeverity: [String: Int]
        /// Subject findings by outcome, passing subjects included.
        public var subjectsByOutcome: [String: Int]
    }
}

/// One rule's result for the bundle.
public struct RuleResult: Codable, Sendable {
    public var rule: String
    public var pack: String
    public var title: String
    public var theme: Theme
    /// The effective severity: the worst among open findings, after profile overrides.
    public var severity: Severity
    public var owner: Owner
    public var legalBasis: [String]
    /// `file:line:column` of the rule in its pack.
    public var definedAt: String
    /// The question, for a manual check.
    public var question: String?
    /// The summary result (see `CheckResult` for the precedence).
    public var outcome: CheckResult
    /// Subjects checked (0 for a case-level rule).
    public var subjectsChecked: Int
    /// Subject results by outcome.
    public var counts: [String: Int]
    /// Findings other than passes, in subject order (a case-level rule always has one).
    public var findings: [Finding]
}

/// The readiness decision and why.
public struct Decision: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable {
        case ready
        case readyWithConditions = "ready_with_conditions"
        case notReady = "not_ready"

        /// Words for memos.
        public var label: String {
            switch self {
            case .ready: "Ready"
            case .readyWithConditions: "Ready with conditions"
            case .notReady: "Not ready"
            }
        }
    }

    public var level: Level
    /// One paragraph built from the findings.
    public var rationale: String
}
