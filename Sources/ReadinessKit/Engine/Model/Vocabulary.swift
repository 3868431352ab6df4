/// How serious a failing rule is. Ordered from most to least serious.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Charging or trial cannot safely go ahead: suppression, a missing element or dismissal is likely.
    case blocker
    /// A serious risk of attrition, acquittal or sentencing error; fix before the charging decision.
    case major
    /// Fix before trial or sentencing.
    case minor
    /// Good practice or a point of judgment.
    case advisory

    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Who must act on a finding.
public enum Owner: String, Codable, Sendable, CaseIterable {
    case investigator
    case forensicExaminer = "forensic_examiner"
    case prosecutor
    case victimWitness = "victim_witness"

    /// The heading used in memos' action plans.
    public var title: String {
        switch self {
        case .investigator: "Investigator"
        case .forensicExaminer: "Forensic examiner"
        case .prosecutor: "Prosecutor"
        case .victimWitness: "Victim-witness coordinator"
        }
    }
}

/// The themes rules are grouped under; each is a documented cause of attrition.
public enum Theme: String, Codable, Sendable, CaseIterable {
    case hearsay
    case privateSearch = "private-search"
    case realVsSynthetic = "real-vs-synthetic"
    case mensRea = "mens-rea"
    case witnesses
    case custody
    case legalProcess = "legal-process"
    case preservation
    case charging
    case sentencing
    case fileQuality = "file-quality"
}

/// The result of checking one rule for one subject (or for the case).
///
/// Precedence, when a rule's subjects are summarised into one result, is the order of the cases:
/// `error` outranks `fail`, which outranks `unknown`, then `needsReview`, `waived`, `pass` and
/// `notApplicable`. A missing fact is never a pass.
public enum CheckResult: String, Codable, Sendable, CaseIterable, Comparable {
    /// The rule itself could not be evaluated; never hidden.
    case error
    /// The assertion is false.
    case fail
    /// A needed fact is absent; the finding names the missing facts.
    case unknown
    /// A manual check awaiting a reviewer's attestation.
    case needsReview = "needs_review"
    /// A fail, unknown or needs-review result covered by a valid waiver.
    case waived
    /// The assertion holds.
    case pass
    /// The rule does not apply (its condition is false, or nothing to check).
    case notApplicable = "not_applicable"

    var rank: Int { CheckResult.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: CheckResult, rhs: CheckResult) -> Bool { lhs.rank < rhs.rank }

    /// Whether this outcome needs someone to act (counts towards the decision).
    public var isOpen: Bool { self == .error || self == .fail || self == .unknown || self == .needsReview }

    /// Words for memos.
    public var label: String {
        switch self {
        case .error: "error"
        case .fail: "fail"
        case .unknown: "needs information"
        case .needsReview: "needs review"
        case .waived: "waived"
        case .pass: "pass"
        case .notApplicable: "not applicable"
        }
    }
}
