/// One checklist rule, as written in a pack (expressions still as source text).
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var theme: Theme
    public var severity: Severity
    public var severityFrom: ExpressionSource?
    public var owner: Owner
    public var profiles: [String]?
    public var appliesWhen: ExpressionSource?
    public var forEach: String?
    public var variable: String
    public var filter: ExpressionSource?
    /// The assertion; `nil` for a manual check.
    public var require: ExpressionSource?
    /// The question a manual check asks a reviewer.
    public var question: String?
    public var message: TemplateSource
    public var remediation: TemplateSource
    public var deadline: ExpressionSource?
    public var legalBasis: [String]
    public var waivable: Bool
    public var tags: [String]
    public var tests: [RuleTest]
    /// Where the rule starts in its pack file.
    public var location: SourceLocation
    /// The id of the pack that defines it.
    public var pack: String

    /// Whether a reviewer's attestation, not a computation, decides this rule.
    public var isManual: Bool { require == nil }
}

/// Message or remediation text with `{expression}` placeholders, and where it sits in the pack.
public struct TemplateSource: Sendable {
    public var text: String
    public var source: ExpressionSource
}

/// A test case for a rule: a small bundle and the expected results.
public struct RuleTest: Sendable {
    public var name: String
    /// The test bundle: its sections merged over the minimal test bundle, decoded when the pack loads.
    public var bundle: CaseBundle
    public var asOf: Day?
    /// Expected result per subject id, or for the case under the key `nil`.
    public var expected: [String?: CheckResult]
    public var location: SourceLocation
}
