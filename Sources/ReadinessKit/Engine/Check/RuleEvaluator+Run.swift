extension RuleEvaluator {
    /// One rule's check in progress: subjects can be fed one at a time, as evidence rows stream in.
    struct RuleRun {
        let evaluator: RuleEvaluator
        private var context: EvaluationContext
        private var findings: [Finding] = []
        private var counts: [CheckResult: Int] = [:]
        private var checked = 0
        private var waivedSubjects: Set<String> = []
        private var watchedSubjects: Set<String> = []
        private var finished = false
        /// Per-row results of the scope and assertion tests over the current block, reused between blocks.
        private var inScope: [BatchTruth] = []
        private var passing: [BatchTruth] = []

        init(evaluator: RuleEvaluator) {
            self.evaluator = evaluator
            context = EvaluationContext(bundle: evaluator.bundle, asOf: evaluator.asOf, environment: evaluator.compiled.environment)
            context.totalStepLimit = RuleEvaluator.ruleStepLimit
            context.settled = evaluator.settled.common
            if evaluator.settled.fromStream {
                context.keptOnly = evaluator.bundle.schema.collections.firstIndex { $0.key == "evidence" }
            }
        }

        private mutating func record(_ finding: Finding) {
            counts[finding.outcome, default: 0] += 1
            if finding.outcome != .pass || evaluator.keepPasses { findings.append(finding) }
        }

        /// Decides applicability; a case-level rule is checked here. Returns whether subjects should be fed.
        mutating func start(waivers: inout WaiverBook) -> Bool {
            let compiled = evaluator.compiled
            if let appliesWhen = compiled.appliesWhen {
                let result = appliesWhen.evaluate(&context)
                if result != .value(.bool(true)) {
                    var finding = evaluator.subjectFinding(.notApplicable, subject: nil, context: &context)
                    switch result {
                    case .value: finding.reason = "does not apply: \(appliesWhen.source.text)"
                    case .unknown:
                        finding = evaluator.explained(appliesWhen, outcome: .unknown, subject: nil, context: &context)
                        finding.reason = "cannot tell whether the rule applies: \(appliesWhen.source.text)"
                    case .error(let message):
                        finding = evaluator.subjectFinding(.error, subject: nil, context: &context)
                        finding.reason = "applies_when could not be evaluated: \(message)"
                    }
                    record(finding)
                    finished = true
                    return false
                }
            }
            guard compiled.rule.forEach != nil, compiled.subjectSlot != nil else {
                record(evaluator.applyWaiver(evaluator.check(subject: nil, context: &context), waivers: &waivers))
                finished = true
                return false
            }
            watchedSubjects = waivers.waivedSubjects(rule: compiled.rule.id)
            return true
        }

        /// Checks one subject of the rule's collection (`index` is its position, for subjects without ids).
        mutating func check(_ subject: Record, index: Int, waivers: inout WaiverBook) {
            guard !finished, let collection = evaluator.compiled.rule.forEach, let slot = evaluator.compiled.subjectSlot else { return }
            context.variables[slot] = .record(subject)
            if !evaluator.settled.bySubject.isEmpty { context.settled = evaluator.settled.bySubject[index] ?? evaluator.settled.common }
            context.totalStepLimit += RuleEvaluator.stepsPerSubject
            if let filter = evaluator.compiled.filter {
                switch filter.evaluate(&context) {
                case .value(.bool(true)): break
                case .value: return
                case .unknown:
                    let described = Self.describe(subject, collection: collection, index: index)
                    var finding = evaluator.explained(filter, outcome: .unknown, subject: described, context: &context)
                    finding.reason = "cannot tell whether this item is in scope: \(filter.source.text)"
                    note(described.id)
                    record(evaluator.applyWaiver(finding, waivers: &waivers))
                    return
                case .error(let message):
                    var finding = evaluator.subjectFinding(.error, subject: Self.describe(subject, collection: collection, index: index), context: &context)
                    finding.reason = "where could not be evaluated: \(message)"
                    checked += 1
                    record(finding)
                    return
                }
            }
            if let require = evaluator.compiled.require, !evaluator.keepPasses, watchedSubjects.isEmpty,
                require.evaluate(&context) == .value(.bool(true))
            {
                checked += 1
                counts[.pass, default: 0] += 1
                return
            }
            let described = Self.describe(subject, collection: collection, index: index)
            note(described.id)
            record(evaluator.applyWaiver(evaluator.check(subject: described, context: &context), waivers: &waivers))
        }

        /// Checks every row of a block, testing the rule's conditions over whole columns first: a row
        /// out of scope, or in scope and passing, is settled without building its record. Every other
        /// row (failing, unknown, undecided by the column tests, waived or watched) takes the record path
        /// of `check(_:index:waivers:)`, so findings and explanations are the same either way.
        mutating func check(_ block: ColumnBlock, waivers: inout WaiverBook) {
            guard !finished, evaluator.compiled.rule.forEach != nil, let slot = evaluator.compiled.subjectSlot else { return }
            let slots = evaluator.compiled.subjectFields
            guard let require = evaluator.compiled.require, !evaluator.keepPasses, watchedSubjects.isEmpty else {
                for row in 0..<block.count { check(block.record(at: row, slots: slots), index: block.firstIndex + row, waivers: &waivers) }
                return
            }
            // The tests below run their row-invariant parts once; the record path takes those steps
            // for every row, so they are undone here and charged row by row, in order, below.
            let (totalSteps, spent) = (context.totalSteps, context.totalBudgetSpent)
            var scopeSteps = 0
            if let filter = evaluator.compiled.filter {
                scopeSteps = filter.test(rowsOf: block, rowVariable: slot, context: &context, into: &inScope)
            } else {
                inScope = Array(repeating: .yes, count: block.count)
            }
            let requireSteps = require.test(rowsOf: block, rowVariable: slot, context: &context, into: &passing)
            (context.totalSteps, context.totalBudgetSpent) = (totalSteps, spent)
            var passes = 0
            for row in 0..<block.count {
                let steps: Int? = switch (inScope[row], passing[row]) {
                case (.no, _): scopeSteps
                case (.yes, .yes): scopeSteps + requireSteps
                default: nil
                }
                // A row is settled here only while the rule's budget covers it. It is charged the steps
                // of the whole condition; the record path skips what `and`/`or` short-circuit, so it can
                // take fewer. The two can differ only for a rule close to its budget.
                if let steps, !context.totalBudgetSpent,
                    context.totalSteps + steps <= context.totalStepLimit + RuleEvaluator.stepsPerSubject
                {
                    context.totalStepLimit += RuleEvaluator.stepsPerSubject
                    context.totalSteps += steps
                    if inScope[row] == .yes {
                        checked += 1
                        passes += 1
                    }
                } else {
                    check(block.record(at: row, slots: slots), index: block.firstIndex + row, waivers: &waivers)
                }
            }
            if passes > 0 { counts[.pass, default: 0] += passes }
        }

        private mutating func note(_ id: String) {
            checked += 1
            if watchedSubjects.contains(id) { waivedSubjects.insert(id) }
        }

        /// The rule's result once every subject has been fed.
        mutating func finish(waivers: inout WaiverBook) -> RuleResult {
            let compiled = evaluator.compiled
            if let collection = compiled.rule.forEach, !finished {
                waivers.unmatchedSubjects(rule: compiled.rule.id, checked: waivedSubjects)
                if checked == 0 {
                    var finding = evaluator.subjectFinding(.notApplicable, subject: nil, context: &context)
                    finding.reason = "nothing to check: no \(collection)" + (compiled.filter.map { " where \($0.source.text)" } ?? "")
                    record(finding)
                }
            }
            return evaluator.summary(findings: findings, counts: counts, checked: checked)
        }

        private static func describe(_ subject: Record, collection: String, index: Int) -> Finding.Subject {
            Finding.Subject(collection: collection, id: subject.id ?? String(index), path: subject.path)
        }
    }
}
