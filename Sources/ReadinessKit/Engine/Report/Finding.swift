/// The result of one rule for one subject (or for the case), with everything a reader needs to act.
public struct Finding: Codable, Sendable, Hashable {
    /// The rule's id.
    public var rule: String
    /// The subject checked; `nil` for a case-level rule.
    public var subject: Subject?
    /// The effective result (`waived` when a waiver covers an open result).
    public var outcome: CheckResult
    /// The result before a waiver, when waived.
    public var waivedOutcome: CheckResult?
    public var severity: Severity
    /// What is wrong, in the rule's words with the subject's facts filled in (empty for a pass).
    public var message: String
    /// The concrete action for the owner (empty for a pass).
    public var remediation: String
    /// When the action is due, as a date (`YYYY-MM-DD`), if the rule computes one.
    public var deadline: String?
    /// Facts the assertion needed that the bundle does not establish, as data paths.
    public var missingFacts: [String]
    /// The facts the assertion read and their values.
    public var observedFacts: [ObservedFact]
    /// Why the rule did not apply, why it errored, or the question a manual check asks.
    public var reason: String?
    public var waiver: WaiverNote?
    public var attestation: AttestationNote?

    /// What a finding is about.
    public struct Subject: Codable, Sendable, Hashable {
        /// The collection, e.g. `cybertip_files`.
        public var collection: String
        /// The subject's id (or position when it has none).
        public var id: String
        /// The canonical data path, e.g. `cybertips[CT1].files[F2]`.
        public var path: String
    }

    /// One fact an assertion read.
    public struct ObservedFact: Codable, Sendable, Hashable {
        public var path: String
        /// The value as text; "absent" when not established.
        public var value: String
    }
}

/// A waiver as applied to (or refused for) a finding.
public struct WaiverNote: Codable, Sendable, Hashable {
    public var id: String
    public var rule: String
    public var subject: String?
    public var justification: String
    public var approvedBy: String
    public var expires: String
    /// `applied`, `expired`, `not_waivable`, `unknown_rule`, `unknown_subject` or `not_yet_approved`.
    public var status: String
}

/// A reviewer's attestation answering a manual check.
public struct AttestationNote: Codable, Sendable, Hashable {
    public var id: String
    public var answer: String
    public var by: String
    public var at: String
    public var note: String?
}
