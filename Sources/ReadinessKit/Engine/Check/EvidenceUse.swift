/// How a rule meets a streamed evidence listing, worked out once when the rule is compiled.
struct EvidenceUse: Sendable {
    /// Whether an expression or message names the `evidence` collection itself (rather than a
    /// field called `evidence`), so the rule cannot be checked one item at a time.
    let readsCollection: Bool
    /// When it does, the whole-listing questions through which it does so; `nil` when it reads the
    /// listing some other way (or for each item), so it needs every item at once.
    let questions: [CollectionAggregate]?

    /// How a rule with these parts meets the listing.
    init(rule: Rule, environment: ExpressionEnvironment, subjectSlot: Int?, expressions: [CompiledExpression]) {
        let templates = CompiledRule.placeholders(rule.message.text) + CompiledRule.placeholders(rule.remediation.text)
        let texts = [rule.appliesWhen, rule.filter, rule.require, rule.severityFrom, rule.deadline].compactMap { $0?.text } + templates
        readsCollection = texts.contains(where: CompiledRule.namesEvidence)
        guard readsCollection, let ordinal = environment.schema.collections.firstIndex(where: { $0.key == "evidence" }),
            rule.forEach != "evidence", !templates.contains(where: CompiledRule.namesEvidence),
            !expressions.contains(where: { $0.collectionsRead.contains(ordinal) })
        else {
            questions = readsCollection ? nil : []
            return
        }
        let asked = expressions.flatMap(\.aggregates).filter { $0.collection == ordinal }
        questions = asked.allSatisfy { $0.dependsOnlyOnCollection(subject: subjectSlot) } ? asked : nil
    }
}

extension CompiledRule {
    /// Whether the rule names the `evidence` collection itself (see `EvidenceUse`).
    var readsEvidenceCollection: Bool { evidenceUse.readsCollection }

    /// Whether a streaming check feeds the rule one block of evidence rows at a time: it is a rule
    /// over `evidence` that reads no other item.
    var isCheckedPerItem: Bool { rule.forEach == "evidence" && !readsEvidenceCollection }

    /// The expressions inside `{…}` in a message template (literal words are not expressions).
    static func placeholders(_ template: String) -> [String] {
        template.split(separator: "{", omittingEmptySubsequences: true).dropFirst(template.hasPrefix("{") ? 0 : 1)
            .compactMap { $0.split(separator: "}", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) }
    }

    static func namesEvidence(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let word = Array("evidence".unicodeScalars)
        func isName(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar) }
        var index = 0
        while index + word.count <= scalars.count {
            if Array(scalars[index..<(index + word.count)]) == word {
                let before = index > 0 ? scalars[index - 1] : " "
                let after = index + word.count < scalars.count ? scalars[index + word.count] : " "
                if !isName(before), before != ".", !isName(after) { return true }
            }
            index += 1
        }
        return false
    }
}
