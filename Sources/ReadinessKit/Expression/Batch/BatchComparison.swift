/// `==`, `!=`, `<`, `<=`, `>`, `>=` and `in` between a column and a row-invariant value.
///
/// Each present cell is decided by `Comparison`, as the record path does; integers and plain
/// text (see `PlainText`) are compared in place. An error on the invariant side leaves every
/// row undecided; an unknown one makes every row unknown, as does an absent cell.
extension BatchRun {
    func equal(_ left: Operand, _ right: Operand, negated: Bool) -> [BatchTruth] {
        pair(left, right) { column, constant, constantFirst in
            switch (column, constant) {
            case (.int(let numbers), .value(.int(let number))):
                return numbers.map { $0.map { ($0 == number) != negated ? .yes : .no } ?? .unknown }
            case (.text(let cells), .value(.string(let text))) where PlainText.isPlain(text):
                let target = Array(text.utf8)
                return cells.truths { row, bytes in
                    if PlainText.same(bytes, target) { return negated ? .no : .yes }
                    if PlainText.isPlain(bytes) { return negated ? .yes : .no }
                    return Self.equal(.value(column.value(at: row)), constant, negated: negated)
                }
            default:
                return eachCell(column) { value in
                    let cell = Outcome.value(value)
                    return constantFirst ? Self.equal(constant, cell, negated: negated) : Self.equal(cell, constant, negated: negated)
                }
            }
        }
    }

    private static func equal(_ left: Outcome, _ right: Outcome, negated: Bool) -> BatchTruth {
        let truth = BatchTruth(Comparison.equal(left, right))
        return negated ? truth.negated : truth
    }

    func order(_ op: BinaryOperator, _ left: Operand, _ right: Operand) -> [BatchTruth] {
        pair(left, right) { column, constant, constantFirst in
            if case .int(let numbers) = column, case .value(.int(let number)) = constant {
                return numbers.map { cell in
                    cell.map { Self.truth(op, constantFirst ? Ordering(number, $0) : Ordering($0, number)) } ?? .unknown
                }
            }
            return eachCell(column) { value in
                let cell = Outcome.value(value)
                guard let ordering = constantFirst ? Comparison.order(constant, cell) : Comparison.order(cell, constant) else {
                    return .undecided
                }
                return Self.truth(op, ordering)
            }
        }
    }

    /// The truth of `op` given the operands' order, as `Nodes.order` gives it.
    @inline(__always)
    private static func truth(_ op: BinaryOperator, _ ordering: Ordering) -> BatchTruth {
        switch (op, ordering) {
        case (_, .unknown): .unknown
        case (.less, let order): order == .less ? .yes : .no
        case (.lessOrEqual, let order): order != .greater ? .yes : .no
        case (.greater, let order): order == .greater ? .yes : .no
        default: ordering != .less ? .yes : .no
        }
    }

    /// `cell in list` with an invariant list, or `constant in cells` with a list column.
    func membership(_ element: Operand, _ list: Operand) -> [BatchTruth] {
        pair(element, list) { column, constant, constantFirst in
            if constantFirst {
                guard case .value(let value) = constant else { return broadcast(.undecided) }
                if case .textList(let lists) = column, case .string(let text) = value, PlainText.isPlain(text) {
                    return PlainText.listContains(lists, Array(text.utf8), rows: block.count) { row in
                        BatchTruth(Comparison.contains(column.value(at: row).listValue ?? [], value))
                    }
                }
                return eachCell(column) { cell in
                    guard case .list(let elements) = cell else { return .undecided }
                    return BatchTruth(Comparison.contains(elements, value))
                }
            }
            guard case .value(.list(let elements)) = constant else { return broadcast(.undecided) }
            if case .text(let cells) = column, let set = PlainText.Set(elements) {
                return cells.truths { row, bytes in
                    set.contains(bytes) ?? BatchTruth(Comparison.contains(elements, column.value(at: row)))
                }
            }
            return eachCell(column) { BatchTruth(Comparison.contains(elements, $0)) }
        }
    }

    /// Rows of a column against an invariant: `body` gets the column, the invariant and whether
    /// the invariant is the left operand, once the invariant is known to be neither unknown nor an error.
    func pair(_ left: Operand, _ right: Operand, _ body: (ColumnBlock.Column, Outcome, Bool) -> [BatchTruth]) -> [BatchTruth] {
        let column: ColumnBlock.Column, constant: Outcome, constantFirst: Bool
        switch (left, right) {
        case (.cells(let cells), .invariant(let outcome)): (column, constant, constantFirst) = (cells, outcome, false)
        case (.invariant(let outcome), .cells(let cells)): (column, constant, constantFirst) = (cells, outcome, true)
        case (.absent, .invariant(let outcome)), (.invariant(let outcome), .absent):
            return broadcast(outcome.isError ? .undecided : .unknown)
        default: return broadcast(.undecided)
        }
        switch constant {
        case .error: return broadcast(.undecided)
        case .unknown: return broadcast(.unknown)
        default: return body(column, constant, constantFirst)
        }
    }

    /// `decide` applied to each present cell; absent cells are unknown.
    func eachCell(_ column: ColumnBlock.Column, _ decide: (Value) -> BatchTruth) -> [BatchTruth] {
        (0..<block.count).map { row in
            let value = column.value(at: row)
            return value.isNull ? .unknown : decide(value)
        }
    }
}
