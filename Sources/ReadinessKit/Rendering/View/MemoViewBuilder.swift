/// Builds the memo view model from a report: the order, grouping, capping and wording every
/// memo format shares.
enum MemoViewBuilder {
    /// Items listed per rule (and actions per rule and owner) before "and N more".
    static let itemLimit = 5
    /// Action plans longer than this are flagged as disproportionate.
    static let longPlan = 10

    static func build(_ report: Report, templates: [TemplateFile]) -> MemoView {
        let actionNumbers = Dictionary(
            report.actionPlan.map { ("\($0.rule)\u{0}\($0.subject ?? "")", $0.number) }, uniquingKeysWith: { a, _ in a })
        let open = report.results.filter(\.outcome.isOpen)
        return MemoView(
            heading: heading(report), decision: decision(report), counts: counts(report),
            hasProgress: report.progress != nil, progress: progress(report.progress),
            blockers: issues(open.filter { $0.severity == .blocker }, actions: actionNumbers),
            majors: issues(open.filter { $0.severity == .major }, actions: actionNumbers),
            actionPlan: actionPlan(report.actionPlan, asOf: report.asOf),
            charges: report.proofMatrix.map(ProofViews.charge), manualChecks: manualChecks(report.results),
            witnesses: report.witnesses.map(ProofViews.witness), evidence: ProofViews.evidence(report.evidence),
            waivers: waivers(report), unknownFacts: unknownFacts(report.results), rules: report.results.map(ruleRow),
            footer: footer(report, templates: templates))
    }

    static func heading(_ report: Report) -> HeadingView {
        let info = report.caseInfo
        return HeadingView(
            to: info.prosecutor ?? "Reviewing prosecutor", from: "Readiness \(report.toolVersion), automated case-file review",
            hasCc: info.investigator != nil, cc: info.investigator ?? "", date: report.asOf, caseID: info.id,
            caption: info.caption, jurisdiction: info.jurisdiction, hasVenue: info.venue != nil, venue: info.venue ?? "",
            stage: words(info.stage), profile: report.profile, redacted: report.redacted)
    }

    static func decision(_ report: Report) -> DecisionView {
        let level = report.decision.level
        return DecisionView(
            level: level.rawValue, label: level.label, labelUpper: level.label.uppercased(), isReady: level == .ready,
            isReadyWithConditions: level == .readyWithConditions, isNotReady: level == .notReady,
            rationale: report.decision.rationale, openBlockers: report.counts.openRulesBySeverity["blocker"] ?? 0,
            openMajors: report.counts.openRulesBySeverity["major"] ?? 0)
    }

    static func counts(_ report: Report) -> CountsView {
        let order: [CheckResult] = [.fail, .unknown, .needsReview, .error, .waived, .pass, .notApplicable]
        return CountsView(
            rulesChecked: report.results.count,
            byResult: order.map {
                ResultCountView(result: $0.label, rules: report.counts.rulesByOutcome[$0.rawValue] ?? 0,
                                items: report.counts.subjectsByOutcome[$0.rawValue] ?? 0)
            },
            openRulesBySeverity: Severity.allCases.map {
                CountView(label: $0.rawValue, count: report.counts.openRulesBySeverity[$0.rawValue] ?? 0)
            })
    }

    static func issues(_ results: [RuleResult], actions: [String: String]) -> [IssueView] {
        results.enumerated().map { index, result in
            let items = result.findings.filter(\.outcome.isOpen)
            let manual = result.question != nil
            let shown = items.prefix(itemLimit).map { finding in
                IssueItemView(
                    hasSubject: finding.subject != nil, subject: finding.subject?.path ?? "", result: finding.outcome.label,
                    message: finding.message, remediation: finding.remediation,
                    action: actions["\(result.rule)\u{0}\(finding.subject?.path ?? "")"] ?? "",
                    hasDeadline: finding.deadline != nil, deadline: finding.deadline ?? "",
                    hasMissing: !finding.missingFacts.isEmpty, missing: finding.missingFacts.joined(separator: ", "),
                    hasQuestion: manual && finding.reason != nil, question: manual ? finding.reason ?? "" : "",
                    hasReason: !manual && finding.reason != nil, reason: manual ? "" : finding.reason ?? "",
                    hasAttestation: finding.attestation != nil, attestation: finding.attestation.map(answer) ?? "")
            }
            return IssueView(
                number: index + 1, rule: result.rule, title: result.title, result: result.outcome.label,
                severity: result.severity.rawValue, theme: result.theme.rawValue, whyItMatters: ThemeGuide.why(result.theme),
                hasLegalBasis: !result.legalBasis.isEmpty, legalBasis: result.legalBasis, owner: result.owner.title,
                hasScope: result.subjectsChecked > 0, scope: "\(items.count) of \(result.subjectsChecked) \(result.subjectsChecked == 1 ? "item" : "items")",
                items: Array(shown), hasMore: items.count > itemLimit, more: max(0, items.count - itemLimit))
        }
    }

    /// "not satisfied, by R. Reviewer on 2026-05-02: reasoning".
    static func answer(_ note: AttestationNote) -> String {
        "\(words(note.answer)), by \(note.by) on \(note.at)" + (note.note.map { ": \($0)" } ?? "")
    }

    static func actionPlan(_ plan: [ActionItem], asOf: String) -> ActionPlanView {
        let owners = Owner.allCases.compactMap { owner -> OwnerActionsView? in
            let items = plan.filter { $0.owner == owner }
            guard !items.isEmpty else { return nil }
            var perRule: [String: Int] = [:]
            var shown: [ActionView] = []
            for item in items {
                perRule[item.rule, default: 0] += 1
                guard perRule[item.rule] ?? 0 <= itemLimit else { continue }
                shown.append(ActionView(
                    number: item.number, action: item.action, rule: item.rule, title: item.title,
                    hasSubject: item.subject != nil, subject: item.subject ?? "", hasDeadline: item.deadline != nil,
                    deadline: item.deadline ?? "", isOverdue: item.deadline.map { $0 < asOf } ?? false,
                    severity: item.severity.rawValue, result: item.outcome.label, hasLegalBasis: !item.legalBasis.isEmpty,
                    legalBasis: item.legalBasis.joined(separator: "; ")))
            }
            let omitted = perRule.filter { $0.value > itemLimit }.sorted { $0.key < $1.key }
                .map { OmittedView(rule: $0.key, count: $0.value - itemLimit) }
            return OwnerActionsView(owner: owner.title, count: items.count, actions: shown, omitted: omitted)
        }
        return ActionPlanView(total: plan.count, isLong: plan.count > longPlan, owners: owners)
    }

    static func manualChecks(_ results: [RuleResult]) -> [ManualCheckView] {
        results.flatMap { result in
            result.findings.filter { $0.outcome == .needsReview }.map { finding in
                ManualCheckView(
                    rule: result.rule, title: result.title, question: result.question ?? finding.reason ?? "",
                    owner: result.owner.title, severity: finding.severity.rawValue, hasSubject: finding.subject != nil,
                    subject: finding.subject?.path ?? "")
            }
        }
    }

    static func waivers(_ report: Report) -> WaiversView {
        func view(_ note: WaiverNote) -> WaiverView {
            WaiverView(
                id: note.id, rule: note.rule, hasSubject: note.subject != nil, subject: note.subject ?? "",
                justification: note.justification, approvedBy: note.approvedBy, expires: note.expires,
                status: words(note.status))
        }
        var seen: Set<String> = []
        let applied = report.results.flatMap(\.findings).compactMap(\.waiver)
            .filter { $0.status == "applied" && seen.insert($0.id).inserted }
        return WaiversView(applied: applied.map(view), notApplied: report.waiverNotes.map(view))
    }

    static func unknownFacts(_ results: [RuleResult]) -> [UnknownFactView] {
        var rules: [String: [String]] = [:]
        for result in results {
            for finding in result.findings where finding.outcome == .unknown {
                for fact in finding.missingFacts where rules[fact]?.last != result.rule {
                    rules[fact, default: []].append(result.rule)
                }
            }
        }
        return rules.keys.sorted().map { UnknownFactView(fact: $0, rules: (rules[$0] ?? []).joined(separator: ", ")) }
    }

    static func ruleRow(_ result: RuleResult) -> RuleRowView {
        let order = CheckResult.allCases
        let subjects = result.subjectsChecked == 0 ? "" : order.compactMap { outcome in
            result.counts[outcome.rawValue].map { "\(outcome.label) \($0)" }
        }.joined(separator: ", ")
        return RuleRowView(
            rule: result.rule, title: result.title, pack: result.pack, severity: result.severity.rawValue,
            result: result.outcome.label, isOpen: result.outcome.isOpen, isCaseLevel: result.subjectsChecked == 0,
            subjects: subjects)
    }

    static func footer(_ report: Report, templates: [TemplateFile]) -> FooterView {
        FooterView(
            toolVersion: report.toolVersion, reportFormat: report.format, asOf: report.asOf, profile: report.profile,
            redacted: report.redacted,
            packs: report.packs.map { PackRowView(id: $0.id, title: $0.title, version: $0.version, file: $0.file, sha256: $0.sha256) },
            sources: report.sources.map { FileRowView(path: $0.path, sha256: $0.sha256) },
            templates: templates.map { FileRowView(path: $0.path, sha256: $0.sha256) })
    }

    static func progress(_ progress: ReportDiff?) -> ProgressView {
        func items(_ list: [ReportDiff.Item]) -> [ProgressItemView] {
            list.map { item in
                ProgressItemView(
                    rule: item.rule, title: item.title, hasSubject: item.subject != nil, subject: item.subject ?? "",
                    severity: item.severity.rawValue, result: item.outcome.label, hasPrevious: item.previousOutcome != nil,
                    previous: item.previousOutcome?.label ?? "", message: item.message)
            }
        }
        guard let progress else {
            return ProgressView(since: "", previousDecision: "", fixedCount: 0, newCount: 0, stillOpenCount: 0,
                                fixed: [], new: [], stillOpen: [])
        }
        return ProgressView(
            since: progress.since, previousDecision: progress.previousDecision.label, fixedCount: progress.fixed.count,
            newCount: progress.new.count, stillOpenCount: progress.stillOpen.count, fixed: items(progress.fixed),
            new: items(progress.new), stillOpen: items(progress.stillOpen))
    }

    /// `pre_charge` → "pre charge".
    static func words(_ identifier: String) -> String { identifier.replacingOccurrences(of: "_", with: " ") }
}
