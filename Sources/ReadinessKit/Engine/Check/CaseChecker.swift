/// Checks case bundles against a compiled checklist and produces reports.
///
///     let packs = try RulePackLoader().load(["rules"])
///     let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
///     let report = try CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: day))
public struct CaseChecker: Sendable {
    public let checklist: CompiledChecklist

    /// What a check needs besides the bundle.
    public struct Options: Sendable {
        /// The reference date for every date rule (never the wall clock).
        public var asOf: Day
        /// The profile to use; `nil` for the packs' `pre-charge` profile if defined, else all rules.
        public var profile: String?

        public init(asOf: Day, profile: String? = nil) {
            self.asOf = asOf
            self.profile = profile
        }
    }

    public init(checklist: CompiledChecklist) {
        self.checklist = checklist
    }

    /// Checks `bundle`; the same bundle, packs and options always give the same report.
    ///
    /// - Throws: `DiagnosticError` when the named profile does not exist.
    public func check(_ bundle: CaseBundle, options: Options) throws(DiagnosticError) -> Report {
        let profile = try resolveProfile(options.profile)
        var waivers = WaiverBook(bundle: bundle, rules: checklist.rules, asOf: options.asOf)
        let attestations = AttestationBook(bundle: bundle, asOf: options.asOf)
        let results = selectedRules(profile).map { compiled in
            RuleEvaluator(compiled: compiled, bundle: bundle, asOf: options.asOf, profile: profile, attestations: attestations)
                .evaluate(waivers: &waivers)
        }
        return report(bundle, results: results, waivers: waivers, profile: profile, options: options, summary: BundleSummary(bundle),
                      evidence: EvidenceTally(bundle.records(in: "evidence")))
    }

    /// The rules the profile selects, in checklist order.
    func selectedRules(_ profile: Profile) -> [CompiledRule] {
        checklist.rules.filter { $0.rule.profiles.map { $0.contains(profile.name) } ?? true }
    }

    /// The report, with the memo sections computed once; `evidence` has seen every item, including
    /// items a streaming check did not keep.
    func report(
        _ bundle: CaseBundle, results: [RuleResult], waivers: WaiverBook, profile: Profile, options: Options, summary: BundleSummary,
        evidence: EvidenceTally
    ) -> Report {
        let info = Self.caseInfo(bundle)
        let proof = ProofMatrixBuilder.build(bundle, checklist: checklist)
        return Report(
            toolVersion: ReadinessKit.version, asOf: options.asOf.description, profile: profile.name,
            caseInfo: info, summary: summary, sources: bundle.sources,
            packs: checklist.packs.map { .init(id: $0.id, title: $0.title, version: $0.version, file: $0.file, sha256: $0.sha256) },
            results: results, counts: Self.counts(results), decision: DecisionMaker(profile: profile).decide(results),
            waiverNotes: waivers.refused.sorted { $0.id < $1.id }, proofMatrix: proof,
            witnesses: WitnessMatrixBuilder.build(bundle, proof: proof),
            evidence: evidence.summary(checklist: checklist, jurisdiction: info.jurisdiction),
            actionPlan: ActionPlanBuilder.build(results))
    }

    func resolveProfile(_ name: String?) throws(DiagnosticError) -> Profile {
        guard let name else { return checklist.profiles["pre-charge"] ?? .standard }
        if let profile = checklist.profiles[name] { return profile }
        throw DiagnosticError(Diagnostic(
            id: "rules.unknown-profile", message: "no profile '\(name)' in the selected packs", at: nil,
            hint: Suggestion.didYouMean(name, in: checklist.profiles.keys.sorted())
                ?? "profiles: \(checklist.profiles.keys.sorted().joined(separator: ", "))"))
    }

    static func counts(_ results: [RuleResult]) -> Report.Counts {
        var rules: [String: Int] = [:], open: [String: Int] = [:], subjects: [String: Int] = [:]
        for result in results {
            rules[result.outcome.rawValue, default: 0] += 1
            if result.outcome.isOpen { open[result.severity.rawValue, default: 0] += 1 }
            for (outcome, count) in result.counts { subjects[outcome, default: 0] += count }
        }
        return Report.Counts(rulesByOutcome: rules, openRulesBySeverity: open, subjectsByOutcome: subjects)
    }

    static func caseInfo(_ bundle: CaseBundle) -> Report.CaseInfo {
        let record = bundle.caseRecord
        return Report.CaseInfo(
            id: record.id ?? "", caption: record["caption"]?.stringValue ?? "",
            jurisdiction: record["jurisdiction"]?.stringValue ?? "", circuit: record["circuit"]?.stringValue,
            venue: record["venue"]?.stringValue, stage: record["stage"]?.stringValue ?? "",
            investigator: record["investigator"]?.recordValue?["name"]?.stringValue,
            prosecutor: record["prosecutor"]?.recordValue?["name"]?.stringValue)
    }
}
