/// The whole-listing questions (`size(evidence)`, `evidence.exists(e, …)`, `evidence.all(e, …)`)
/// of the rules a streaming check does not stream, tallied block by block as the listing is read.
///
/// A question whose condition reads the rule's subject (`evidence.exists(e, e.device == d.id)`
/// in a rule over devices) is tallied once per subject, with the subject bound.
struct StreamedQuestions {
    /// One question for one rule (and subject), with what the blocks have shown.
    private struct Question {
        let rule: Int
        let subject: Int?
        let aggregate: CollectionAggregate
        let context: EvaluationContext
        var tally = CollectionAggregate.Tally()
    }

    /// The answers for one rule: for every subject, and for each subject by its position.
    struct Answers {
        /// Whether the answers come from a stream, so the bundle holds only the items kept.
        var fromStream = false
        var common: [ObjectIdentifier: CollectionAggregate.Settled] = [:]
        var bySubject: [Int: [ObjectIdentifier: CollectionAggregate.Settled]] = [:]
    }

    /// The most subjects a rule's questions are tallied for; past it the listing is loaded whole.
    static let subjectLimit = 1_000

    private var questions: [Question] = []
    private let ruleCount: Int

    /// The questions of the rules not checked per item that read the collection
    /// `evidence`; `nil` when one of them reads it in a way a stream cannot answer.
    init?(rules: [CompiledRule], bundle: CaseBundle, asOf: Day) {
        ruleCount = rules.count
        for (index, compiled) in rules.enumerated() where !compiled.isCheckedPerItem && compiled.readsEvidenceCollection {
            guard let aggregates = compiled.evidenceUse.questions else { return nil }
            let context = EvaluationContext(bundle: bundle, asOf: asOf, environment: compiled.environment)
            for aggregate in aggregates {
                guard let slot = compiled.subjectSlot, let collection = compiled.rule.forEach,
                    !aggregate.dependsOnlyOnCollection(subject: nil)
                else {
                    questions.append(Question(rule: index, subject: nil, aggregate: aggregate, context: context))
                    continue
                }
                let subjects = bundle.records(in: collection)
                guard subjects.count <= Self.subjectLimit else { return nil }
                for (position, subject) in subjects.enumerated() {
                    var bound = context
                    bound.variables[slot] = .record(subject)
                    questions.append(Question(rule: index, subject: position, aggregate: aggregate, context: bound))
                }
            }
        }
    }

    /// Tallies every question over a block of the listing.
    mutating func add(_ block: ColumnBlock) {
        for index in questions.indices {
            questions[index].aggregate.add(block, context: questions[index].context, to: &questions[index].tally)
        }
    }

    /// The answers by rule, once every block has been added; `nil` when one is not exact.
    func settle() -> [Answers]? {
        var answers = [Answers](repeating: Answers(fromStream: true), count: ruleCount)
        for question in questions {
            guard let answer = question.aggregate.settle(question.tally) else { return nil }
            let key = ObjectIdentifier(question.aggregate)
            if let subject = question.subject {
                answers[question.rule].bySubject[subject, default: [:]][key] = answer
            } else {
                answers[question.rule].common[key] = answer
            }
        }
        for rule in answers.indices {
            let common = answers[rule].common
            for subject in answers[rule].bySubject.keys {
                answers[rule].bySubject[subject]?.merge(common) { own, _ in own }
            }
        }
        return answers
    }
}
