import Crypto
import Foundation

extension CaseChecker {
    /// Checks a loaded bundle, streaming its evidence listing when it has one.
    ///
    /// Rules over `evidence` whose expressions use no other evidence item are checked as each block
    /// of rows is read, and the rows are then dropped unless another section refers to them; memory
    /// grows with the findings kept, not with the items read. Other rules that ask only whole-listing
    /// questions a stream can answer (`size(evidence)`, `evidence.exists(e, …)` and `all` over the
    /// item's own fields) get the answers settled from the stream. When a rule reads the listing any
    /// other way (e.g. by id, or comparing items), or a streamed answer is not exact, every item is
    /// kept and the bundle is checked as a whole. Either way the report is the same as for a fully
    /// loaded bundle, except that an explanation does not list the items a settled question walked.
    ///
    /// - Parameter progress: told the number of items read so far, after each block of rows.
    public func check(
        _ loaded: BundleLoader.Loaded, options: Options, progress: (Int) -> Void = { _ in }
    ) throws(DiagnosticError) -> Report {
        guard let stream = loaded.evidenceStream else { return try check(loaded.bundle, options: options) }
        let profile = try resolveProfile(options.profile)
        let rules = selectedRules(profile)
        let base = loaded.bundle
        guard var questions = StreamedQuestions(rules: rules, bundle: base, asOf: options.asOf) else {
            return try checkFullyLoaded(stream, base: base, options: options, progress: progress)
        }
        var waivers = WaiverBook(bundle: base, rules: checklist.rules, asOf: options.asOf)
        let attestations = AttestationBook(bundle: base, asOf: options.asOf)
        var runs = rules.filter(\.isCheckedPerItem).map { compiled in
            RuleEvaluator.RuleRun(evaluator: RuleEvaluator(compiled: compiled, bundle: base, asOf: options.asOf, profile: profile,
                                                           attestations: attestations))
        }
        let active = runs.indices.filter { runs[$0].start(waivers: &waivers) }
        var kept: [Value] = []
        var tally = EvidenceTally()
        let (listing, hash) = try Self.parallelRead(stream) { block, referencedRows in
            for run in active { runs[run].check(block, waivers: &waivers) }
            questions.add(block)
            for row in referencedRows { kept.append(.record(block.record(at: row))) }
            tally.add(block)
            progress(block.firstIndex + block.count)
        }
        let read = listing.summary(sha256: hash)
        // The ids are checked on another thread while the rules finish.
        let verification = ListingVerification(listing)
        guard let answers = questions.settle() else {
            try verification.wait()
            return try checkFullyLoaded(stream, base: base, options: options, progress: progress)
        }
        let bundle = base.replacingEvidence(.list(kept), adding: read.source)
        var streamed = runs.indices.map { runs[$0].finish(waivers: &waivers) }.makeIterator()
        var results: [RuleResult] = []
        for (index, compiled) in rules.enumerated() {
            if compiled.isCheckedPerItem, let result = streamed.next() {
                results.append(result)
            } else {
                var evaluator = RuleEvaluator(compiled: compiled, bundle: bundle, asOf: options.asOf, profile: profile,
                                              attestations: attestations)
                evaluator.settled = answers[index]
                results.append(evaluator.evaluate(waivers: &waivers))
            }
        }
        var summary = BundleSummary(bundle)
        summary.evidenceItems = read.count
        let report = report(bundle, results: results, waivers: waivers, profile: profile, options: options, summary: summary,
                            evidence: tally)
        try verification.wait()
        return report
    }
}

extension CaseChecker {
    /// Reads every item into memory and checks the bundle as a whole: for rules that need every
    /// item at once in a way a stream cannot answer.
    private func checkFullyLoaded(
        _ stream: EvidenceStream, base: CaseBundle, options: Options, progress: (Int) -> Void
    ) throws(DiagnosticError) -> Report {
        var items: [Value] = []
        let read = try stream.forEachItem { item in
            items.append(.record(item))
            if items.count % 10_000 == 0 { progress(items.count) }
        }
        return try check(base.replacingEvidence(.list(items), adding: read.source), options: options)
    }

    /// Reads the listing with its parsing spread over every core; `body` and the checks across
    /// rows run on the calling thread, in file order. `body` is given each block with the rows
    /// whose ids other sections of the bundle refer to (the rows to keep). Returns the check across
    /// the listing's rows, its ids not yet checked (`ListingCheck.verify`), and the file's SHA-256.
    static func parallelRead(
        _ stream: EvidenceStream, _ body: (ColumnBlock, [Int]) -> Void
    ) throws(DiagnosticError) -> (ListingCheck, SHA256.Digest) {
        var check = stream.makeCheck()
        let hash = try stream.readBlocks(chunk: { check.read($0) }) { block in body(block, check.add(block)) }
        return (check, hash)
    }
}

extension CaseBundle {
    /// This bundle with its evidence section replaced and one more source file recorded.
    func replacingEvidence(_ evidence: Value, adding source: SourceFile) -> CaseBundle {
        guard let slot = schema.root.slot(of: "evidence") else { return self }
        var fields = root.fields
        fields[slot] = evidence
        return CaseBundle(schema: schema, root: Record(type: root.type, fields: fields, origin: .root, location: nil),
                          sources: sources + [source])
    }
}
