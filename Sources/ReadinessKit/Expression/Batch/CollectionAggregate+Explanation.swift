/// Explanations of settled whole-listing questions.
///
/// Explaining a result walks its expression recording the facts read, up to
/// `EvaluationContext.factLimit`. A settled question cannot walk the listing (the stream has
/// moved on), so its tally keeps the first blocks, enough to hold every fact the walk would
/// record: while fewer than `factLimit` rows have been seen they are kept without further work;
/// past that, their facts are counted (on records) until there are `factLimit` of them. A
/// condition that reads too few facts per row to reach the limit within `prefixLimit` rows (one
/// testing only that a record-valued field is present, say) leaves the question unsettled, and the
/// check loads the listing whole, rather than keeping an unbounded prefix.
extension CollectionAggregate {
    /// The first blocks of the collection and how many facts their rows give.
    struct Prefix: Sendable {
        var blocks: [ColumnBlock] = []
        var rows = 0
        var rowsCounted = 0
        /// The distinct facts the counted rows give (a fact read in every row, such as the
        /// subject's id, counts once, as in an explanation).
        var facts: Set<String> = []
        var complete = false
    }

    /// The walk an explanation takes over the kept blocks.
    struct Walk: Sendable {
        let macro: Nodes.Macro
        let slot: Int
        let body: Node
        let blocks: [ColumnBlock]

        /// Records the facts the walk through the whole collection records; leaves the
        /// context's step counts and failure as they were.
        func recordFacts(_ context: inout EvaluationContext) {
            let records = blocks.flatMap { block in (0..<block.count).map { Value.record(block.record(at: $0)) } }
            let (steps, totalSteps, spent, failure) = (context.steps, context.totalSteps, context.totalBudgetSpent, context.failure)
            _ = Nodes.macro(macro, over: .constant(.value(.list(records))), slot: slot, body: body).run(&context)
            (context.steps, context.totalSteps, context.totalBudgetSpent, context.failure) = (steps, totalSteps, spent, failure)
        }
    }

    /// The most rows kept for explanations.
    static let prefixLimit = 65_536

    /// Keeps `block` while an explanation could still need its rows.
    func keepForExplanations(_ block: ColumnBlock, context: EvaluationContext, _ tally: inout Tally) {
        guard !tally.prefix.complete, tally.decidedAt == nil else { return }
        if tally.prefix.rows >= EvaluationContext.factLimit { countFacts(context, &tally.prefix) }
        guard !tally.prefix.complete else { return }
        guard tally.prefix.rows + block.count <= Self.prefixLimit else {
            tally.unsettled = true
            tally.prefix = Prefix()
            return
        }
        tally.prefix.blocks.append(block)
        tally.prefix.rows += block.count
    }

    /// Counts the facts of the kept rows not yet counted, until there are `factLimit`.
    private func countFacts(_ context: EvaluationContext, _ prefix: inout Prefix) {
        var first = 0
        for block in prefix.blocks {
            defer { first += block.count }
            guard first + block.count > prefix.rowsCounted else { continue }
            for row in (prefix.rowsCounted - first)..<block.count {
                var explaining = context
                explaining.variables[slot] = .record(block.record(at: row))
                explaining.facts = []
                _ = body?.node.test(&explaining)
                prefix.facts.formUnion((explaining.facts ?? []).map(\.path))
                prefix.rowsCounted += 1
                if prefix.facts.count >= EvaluationContext.factLimit {
                    prefix.complete = true
                    return
                }
            }
        }
    }
}
