extension CompiledExpression {
    /// Tests this condition over every row of `block`, with variable slot `rowVariable` standing for the row
    /// (other variables and the bundle are read from `context` as usual). Fills `results` (resized to block.count).
    /// For each row, a result other than `undecided` MUST equal the truth `evaluate(&context)` gives with
    /// `context.variables[rowVariable] = .record(block.record(at: row))` (error results are reported as `undecided`).
    ///
    /// Row-invariant parts run once on `context` (their macro steps count against its budgets
    /// once); the kernels over the row's columns take no steps. Every row is undecided when a
    /// record evaluation could run out of either step budget, and when the expression is not a condition.
    ///
    /// - Returns: The macro steps the record path takes for each row (the same for every row), so
    ///   a caller can charge them row by row.
    @discardableResult
    public func test(rowsOf block: ColumnBlock, rowVariable: Int, context: inout EvaluationContext, into results: inout [BatchTruth]) -> Int {
        results.removeAll(keepingCapacity: true)
        guard isCondition, (0..<firstMacroSlot).contains(rowVariable), !context.totalBudgetSpent else {
            results.append(contentsOf: repeatElement(.undecided, count: block.count))
            return 0
        }
        prepare(&context)
        var run = BatchRun(block: block, row: rowVariable, context: context)
        let truths = run.truths(kernel)
        context = run.context
        let steps = context.steps + run.macroSteps
        guard steps <= context.stepLimit, !context.totalBudgetSpent, steps <= context.totalStepLimit - context.totalSteps else {
            results.append(contentsOf: repeatElement(.undecided, count: block.count))
            return steps
        }
        results.append(contentsOf: truths)
        return steps
    }
}
