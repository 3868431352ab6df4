/// A question about a whole bundle collection (`evidence.exists(e, …)`, `evidence.all(e, …)` or
/// `size(evidence)`) that a streaming check answers block by block, so a rule that asks it needs
/// no million records in memory.
///
/// The checker makes one for each such call. A streaming check tallies it over every block with
/// the body's batch kernel; when the tally settles the answer exactly, the check hands it to the
/// record path through `EvaluationContext.settled`, and the call's node returns it (taking the
/// steps the record path would have taken) instead of walking the collection.
final class CollectionAggregate: Sendable {
    enum Kind: Sendable { case exists, all, size }

    let kind: Kind
    /// The collection's ordinal in `schema.collections`.
    let collection: Int
    /// The macro's variable slot and its condition (unused for `size`).
    let slot: Int
    let body: Kernel?

    init(kind: Kind, collection: Int, slot: Int = 0, body: Kernel? = nil) {
        self.kind = kind
        self.collection = collection
        self.slot = slot
        self.body = body
    }

    /// Whether the answer depends on nothing but the collection and, when given, the variable in
    /// `subject` (a rule's subject, bound before tallying): one tally per subject then serves.
    func dependsOnlyOnCollection(subject: Int?) -> Bool {
        guard let body else { return true }
        return body.reads.subtracting([slot]).subtracting(subject.map { [$0] } ?? []).isEmpty
    }

    /// What the blocks have shown so far.
    struct Tally: Sendable {
        var rows = 0
        /// The position of the first element that decides the macro (true for `exists`, false for `all`).
        var decidedAt: Int?
        /// Whether an element before that was unknown or an error, which leaves the macro
        /// unknown or an error (with an explanation) if nothing decides it.
        var indecisive = false
        /// Whether an element's condition took macro steps, which only the record path counts.
        var unsettled = false
        /// The first blocks: enough for an explanation to list every fact the walk through the
        /// whole collection would list (see `CollectionAggregate+Explanation.swift`).
        var prefix = Prefix()
    }

    /// Adds a block of the collection's rows; rows the column tests leave undecided are tested on
    /// their records, as the record path would.
    func add(_ block: ColumnBlock, context: EvaluationContext, to tally: inout Tally) {
        defer { tally.rows += block.count }
        guard kind != .size, tally.decidedAt == nil, !tally.unsettled, let body else { return }
        var context = context
        while context.variables.count <= slot { context.variables.append(.null) }
        var run = BatchRun(block: block, row: slot, context: context)
        let truths = run.truths(body)
        guard run.macroSteps == 0, run.context.steps == context.steps else {
            tally.unsettled = true
            return
        }
        keepForExplanations(block, context: context, &tally)
        let decisive: Truth = kind == .exists ? .yes : .no
        for (row, batchTruth) in truths.enumerated() {
            var truth: Truth
            switch batchTruth {
            case .yes: truth = .yes
            case .no: truth = .no
            case .unknown: truth = .unknown
            case .undecided:
                var record = context
                record.variables[slot] = .record(block.record(at: row))
                truth = body.node.test(&record)
                guard record.steps == context.steps else {
                    tally.unsettled = true
                    return
                }
            }
            if truth == decisive {
                tally.decidedAt = tally.rows + row
                return
            }
            if truth == .unknown || truth == .error { tally.indecisive = true }
        }
    }

    /// The exact answer once every block is added; `nil` when the record path is needed (an
    /// element before the answer was unknown or an error).
    func settle(_ tally: Tally) -> Settled? {
        switch kind {
        case .size: return Settled(outcome: .value(.int(tally.rows)), steps: 0, walk: nil)
        case .exists, .all:
            guard !tally.unsettled, let body else { return nil }
            let walk = Walk(macro: kind == .all ? .all : .exists, slot: slot, body: body.node, blocks: tally.prefix.blocks)
            if let decidedAt = tally.decidedAt { return Settled(outcome: Outcome(truth: kind == .exists), steps: decidedAt + 1, walk: walk) }
            guard !tally.indecisive else { return nil }
            return Settled(outcome: Outcome(truth: kind == .all), steps: tally.rows, walk: walk)
        }
    }

    /// A settled answer: the outcome, the macro steps the record path takes to reach it, and
    /// (for `exists` and `all`) the walk over the first elements that lists the facts an
    /// explanation shows.
    struct Settled: Sendable {
        let outcome: Outcome
        let steps: Int
        let walk: Walk?
    }
}

extension Nodes {
    /// `node`, unless the context holds a settled answer for `aggregate`.
    static func settling(_ aggregate: CollectionAggregate, _ node: Node) -> Node {
        Node { context in
            guard let settled = context.settled[ObjectIdentifier(aggregate)] else {
                guard context.keptOnly != aggregate.collection else {
                    return .error("the evidence listing was streamed and this whole-listing question was not answered from it")
                }
                return node.run(&context)
            }
            if context.facts != nil { settled.walk?.recordFacts(&context) }
            return context.take(steps: settled.steps) ?? settled.outcome
        }
    }
}
