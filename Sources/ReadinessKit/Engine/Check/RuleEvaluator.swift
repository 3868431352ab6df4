/// Checks one compiled rule against a bundle: applicability, subjects, assertion or attestation,
/// severity, waivers and explanations.
struct RuleEvaluator {
    let compiled: CompiledRule
    let bundle: CaseBundle
    let asOf: Day
    let profile: Profile
    /// Reviewers' answers to manual checks (read-only here; waivers are threaded through `evaluate`).
    let attestations: AttestationBook

    /// Whole-collection answers settled while streaming (see `CollectionAggregate`).
    var settled = StreamedQuestions.Answers()

    /// Whether passing subjects are kept as findings (rule tests need them; reports count them).
    var keepPasses = false

    /// Facts listed per finding, at most.
    static let observedLimit = 20
    /// Missing facts listed per finding, at most; the rest are counted.
    static let missingLimit = 50

    /// The macro steps one rule may take over all its subjects: ten evaluations' worth, plus
    /// `stepsPerSubject` for each subject fed. A rule that compares each item with every other item
    /// is quadratic; on a listing of a million rows it would otherwise run for days. Once the
    /// budget is spent, the remaining subjects end `error` with a reason that says so.
    static let ruleStepLimit = 10 * EvaluationContext.defaultStepLimit
    /// The steps each subject adds to the rule's budget.
    static let stepsPerSubject = 1_000

    /// Checks the rule over its subjects in the bundle.
    func evaluate(waivers: inout WaiverBook) -> RuleResult {
        var run = RuleRun(evaluator: self)
        if run.start(waivers: &waivers), let collection = compiled.rule.forEach {
            for (index, subject) in bundle.records(in: collection).enumerated() {
                run.check(subject, index: index, waivers: &waivers)
            }
        }
        return run.finish(waivers: &waivers)
    }

    /// The assertion or attestation result for the bound subject.
    func check(subject: Finding.Subject?, context: inout EvaluationContext) -> Finding {
        guard let require = compiled.require else {
            let note = attestations.attestation(rule: compiled.rule.id, subject: subject?.id)
            let outcome: CheckResult = switch note?.answer {
            case "satisfied": .pass
            case "not_satisfied": .fail
            case "not_applicable": .notApplicable
            default: .needsReview
            }
            var finding = subjectFinding(outcome, subject: subject, context: &context)
            finding.attestation = note
            finding.reason = compiled.rule.question
            return finding
        }
        switch require.evaluate(&context) {
        case .value(.bool(true)):
            return subjectFinding(.pass, subject: subject, context: &context)
        case .value:
            return explained(require, outcome: .fail, subject: subject, context: &context)
        case .unknown:
            return explained(require, outcome: .unknown, subject: subject, context: &context)
        case .error(let message):
            var finding = subjectFinding(.error, subject: subject, context: &context)
            finding.reason = "the rule could not be evaluated: \(message)"
            return finding
        }
    }

    /// A finding with the facts the expression read, re-evaluated on the slower explaining path.
    func explained(_ expression: CompiledExpression, outcome: CheckResult, subject: Finding.Subject?,
                           context: inout EvaluationContext) -> Finding {
        var finding = subjectFinding(outcome, subject: subject, context: &context)
        let explanation = expression.explain(&context)
        var seen: Set<String> = []
        var unlisted = 0
        for fact in explanation.facts where seen.insert(fact.path).inserted {
            let decidedByPresence = outcome == .unknown && explanation.presenceTested.contains(fact.path)
            if fact.value.isNull, !decidedByPresence {
                if finding.missingFacts.count < Self.missingLimit { finding.missingFacts.append(fact.path) } else { unlisted += 1 }
            }
            if finding.observedFacts.count < Self.observedLimit {
                finding.observedFacts.append(.init(path: fact.path, value: MessageTemplate.display(fact.value)))
            }
        }
        if unlisted > 0 { finding.missingFacts.append("… and \(unlisted) more") }
        return finding
    }

    func caseFinding(outcome: CheckResult, context: inout EvaluationContext) -> Finding {
        subjectFinding(outcome, subject: nil, context: &context)
    }

    /// A finding with severity, message, remediation and deadline filled in for open results.
    func subjectFinding(_ outcome: CheckResult, subject: Finding.Subject?, context: inout EvaluationContext) -> Finding {
        let rule = compiled.rule
        var finding = Finding(
            rule: rule.id, subject: subject, outcome: outcome, severity: severity(&context), message: "", remediation: "",
            deadline: nil, missingFacts: [], observedFacts: [], reason: nil, waiver: nil, attestation: nil)
        guard outcome.isOpen else { return finding }
        guard outcome != .error else {
            finding.message = "The rule could not be evaluated for this \(subject == nil ? "case" : "item")."
            finding.remediation = "Check the facts the rule reads; if they are right, report \(rule.id) (\(rule.location)) to the pack's maintainers."
            return finding
        }
        finding.message = compiled.message.render(&context)
        finding.remediation = compiled.remediation.render(&context)
        if let deadline = compiled.deadline, case .value(let value) = deadline.evaluate(&context) {
            finding.deadline = switch value {
            case .date(let day): day.description
            case .timestamp(let instant): instant.localDay.description
            default: nil
            }
        }
        return finding
    }

    private func severity(_ context: inout EvaluationContext) -> Severity {
        if let override = profile.severityOverrides[compiled.rule.id] { return override }
        if let from = compiled.severityFrom, case .value(.string(let word)) = from.evaluate(&context),
            let level = Severity(rawValue: word)
        {
            return level
        }
        return compiled.rule.severity
    }

    func applyWaiver(_ finding: Finding, waivers: inout WaiverBook) -> Finding {
        guard finding.outcome == .fail || finding.outcome == .unknown || finding.outcome == .needsReview,
            let note = waivers.waiver(rule: compiled.rule.id, subject: finding.subject?.id)
        else { return finding }
        var waived = finding
        waived.waivedOutcome = finding.outcome
        waived.outcome = .waived
        waived.waiver = note
        return waived
    }

    func summary(findings: [Finding], counts: [CheckResult: Int], checked: Int) -> RuleResult {
        let rule = compiled.rule
        let outcome = counts.keys.min() ?? .notApplicable
        let open = findings.filter { $0.outcome.isOpen }.map(\.severity)
        let severity = open.min() ?? profile.severityOverrides[rule.id] ?? findings.first?.severity ?? rule.severity
        return RuleResult(
            rule: rule.id, pack: rule.pack, title: rule.title, theme: rule.theme, severity: severity, owner: rule.owner,
            legalBasis: rule.legalBasis, definedAt: rule.location.description, question: rule.question, outcome: outcome,
            subjectsChecked: checked, counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }),
            findings: findings)
    }
}
