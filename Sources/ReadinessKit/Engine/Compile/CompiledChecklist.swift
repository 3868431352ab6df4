/// A selection of packs (a leaf pack and the packs it extends) with every expression compiled,
/// ready to check bundles. Immutable and shareable across threads.
public struct CompiledChecklist: Sendable {
    /// The packs, ancestors first.
    public let packs: [RulePack]
    /// Every rule of every pack, in pack order then file order.
    public let rules: [CompiledRule]
    /// Offences by statute, from all packs (a later pack's definition wins).
    public let offences: [Offence]
    /// Profiles by name (a later pack's profile of the same name wins).
    public let profiles: [String: Profile]
    /// The environment rules were compiled in (bundle schema plus the packs' tables).
    public let environment: ExpressionEnvironment

    /// The offence a charge's statute resolves to, if a pack defines it.
    public func offence(forStatute statute: String) -> Offence? {
        offences.last { $0.statute == statute }
    }
}

/// A rule with its expressions compiled; shared, not copied, by every check.
public final class CompiledRule: Sendable {
    public let rule: Rule
    /// The record type of the subjects, for rules with `for_each`.
    let subjectType: String?
    /// The variable slot the subject is bound to.
    let subjectSlot: Int?
    let environment: ExpressionEnvironment
    let appliesWhen: CompiledExpression?
    let filter: CompiledExpression?
    let require: CompiledExpression?
    let severityFrom: CompiledExpression?
    let deadline: CompiledExpression?
    let message: MessageTemplate
    let remediation: MessageTemplate
    /// How the rule meets a streamed evidence listing.
    let evidenceUse: EvidenceUse
    /// The subject's fields that the rule's expressions and messages can read, or `nil` when one
    /// reads the subject whole: a subject rebuilt from a column block needs no others.
    let subjectFields: Set<Int>?

    init(
        rule: Rule, subjectType: String?, subjectSlot: Int?, environment: ExpressionEnvironment, appliesWhen: CompiledExpression?,
        filter: CompiledExpression?, require: CompiledExpression?, severityFrom: CompiledExpression?, deadline: CompiledExpression?,
        message: MessageTemplate, remediation: MessageTemplate
    ) {
        self.rule = rule
        self.subjectType = subjectType
        self.subjectSlot = subjectSlot
        self.environment = environment
        self.appliesWhen = appliesWhen
        self.filter = filter
        self.require = require
        self.severityFrom = severityFrom
        self.deadline = deadline
        self.message = message
        self.remediation = remediation
        let expressions = [appliesWhen, filter, require, severityFrom, deadline].compactMap { $0 }
        evidenceUse = EvidenceUse(rule: rule, environment: environment, subjectSlot: subjectSlot, expressions: expressions)
        subjectFields = subjectSlot.flatMap { slot in
            var fields: Set<Int> = []
            for expression in expressions + message.expressions + remediation.expressions {
                guard let read = expression.fieldsRead(ofVariable: slot) else { return nil }
                fields.formUnion(read)
            }
            return fields
        }
    }
}
