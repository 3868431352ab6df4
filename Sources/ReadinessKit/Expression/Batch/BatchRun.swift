/// One batch test: kernels run over every row of a block, with one variable standing for the row.
///
/// Row-invariant kernels run their node once on the context; the others are computed column by
/// column. Every function answers for all rows of the block at once.
struct BatchRun {
    let block: ColumnBlock
    /// The variable slot that stands for the row.
    let row: Int
    var context: EvaluationContext
    /// The most macro iterations the record path could take per row in the macros run here; the
    /// steps of invariant nodes are counted by the context.
    var macroSteps = 0
    /// Slots of record-typed fields that have nested columns in the block.
    private let nestedSlots: Set<Int>

    init(block: ColumnBlock, row: Int, context: EvaluationContext) {
        self.block = block
        self.row = row
        self.context = context
        self.nestedSlots = Set(block.columns.keys.filter { $0.nested != nil }.map(\.slot))
    }

    /// A kernel's value in every row, as comparisons read it.
    enum Operand {
        /// The same outcome in every row.
        case invariant(Outcome)
        /// A column; an absent cell is unknown.
        case cells(ColumnBlock.Column)
        /// Unknown in every row: the block has no column for the field.
        case absent
        /// Not computed here.
        case undecided
    }

    /// The same truth in every row.
    func broadcast(_ truth: BatchTruth) -> [BatchTruth] {
        [BatchTruth](repeating: truth, count: block.count)
    }

    /// A condition's truth in every row.
    mutating func truths(_ kernel: Kernel) -> [BatchTruth] {
        guard kernel.reads.contains(row) else { return broadcast(BatchTruth(kernel.node.test(&context))) }
        switch kernel.form {
        case .field: return condition(operand(kernel))
        case .has(let field): return presence(of: field)
        case .truth(let condition, let flag):
            let truths = truths(condition)
            return flag ? truths : truths.map(\.negated)
        case .not(let operand): return truths(operand).map(\.negated)
        case .and(let left, let right): return Self.combine(truths(left), truths(right), BatchTruth.and)
        case .or(let left, let right): return Self.combine(truths(left), truths(right), BatchTruth.or)
        case .equal(let left, let right, let negated): return equal(operand(left), operand(right), negated: negated)
        case .order(let op, let left, let right): return order(op, operand(left), operand(right))
        case .membership(let element, let list): return membership(operand(element), operand(list))
        case .text(let test, let subject, let argument, let implementation):
            return text(test, operand(subject), operand(argument), implementation)
        case .matches(let subject, let matcher, let implementation): return matches(operand(subject), matcher, implementation)
        case .macro(let macro, let list, let slot, let body): return self.macro(macro, list, slot: slot, body)
        case .size, .opaque: return broadcast(.undecided)
        }
    }

    /// A kernel's value in every row.
    mutating func operand(_ kernel: Kernel) -> Operand {
        guard kernel.reads.contains(row) else { return .invariant(kernel.node.run(&context)) }
        switch kernel.form {
        case .field(let field): return cells(of: field)
        case .size(let list, let implementation): return size(operand(list), implementation)
        default: return .undecided
        }
    }

    /// Combines two rows of truths pairwise.
    static func combine(_ left: [BatchTruth], _ right: [BatchTruth], _ body: (BatchTruth, BatchTruth) -> BatchTruth) -> [BatchTruth] {
        var result = left
        for index in result.indices { result[index] = body(left[index], right[index]) }
        return result
    }

    /// A value used as a condition: a boolean column; any other present cell is an error.
    private func condition(_ operand: Operand) -> [BatchTruth] {
        switch operand {
        case .invariant(let outcome): broadcast(BatchTruth(outcome))
        case .cells(.bool(let flags)): flags.map { $0.map { $0 ? .yes : .no } ?? .unknown }
        case .cells(let column): column.presence.map { $0 ? .undecided : .unknown }
        case .absent: broadcast(.unknown)
        case .undecided: broadcast(.undecided)
        }
    }

    /// The cells of a field of the row, as `block.record(at:)` would hold them.
    private func cells(of field: Kernel.Field) -> Operand {
        guard field.variable == row, field.type === block.type else { return .undecided }
        guard let nested = field.nested else {
            if nestedSlots.contains(field.slot) { return .undecided }
            return block.columns[field.key].map(Operand.cells) ?? .absent
        }
        if block.columns[ColumnBlock.FieldKey(slot: field.slot)] != nil { return .undecided }
        guard nestedSlots.contains(field.slot), let type = block.nestedTypes[field.slot] else { return .absent }
        guard type === nested.type else { return .undecided }
        return block.columns[field.key].map(Operand.cells) ?? .absent
    }

    /// `has(field)`: whether the row's record holds the field; a record-typed field is present
    /// when any of its nested cells is.
    private func presence(of field: Kernel.Field) -> [BatchTruth] {
        guard field.variable == row, field.type === block.type else { return broadcast(.undecided) }
        var present = block.columns[ColumnBlock.FieldKey(slot: field.slot)]?.presence ?? [Bool](repeating: false, count: block.count)
        let nestedType = nestedSlots.contains(field.slot) ? block.nestedTypes[field.slot] : nil
        if let nested = field.nested {
            if block.columns[ColumnBlock.FieldKey(slot: field.slot)] != nil { return broadcast(.undecided) }
            guard let nestedType else { return broadcast(.no) }
            guard nestedType === nested.type else { return broadcast(.undecided) }
            present = block.columns[field.key]?.presence ?? present
        } else if nestedType != nil {
            for (key, column) in block.columns where key.slot == field.slot && key.nested != nil {
                for (index, flag) in column.presence.enumerated() where flag { present[index] = true }
            }
        }
        return present.map { $0 ? .yes : .no }
    }

    /// `list.all(x, …)` or `list.exists(x, …)` over a row-invariant list of at most `macroLimit`
    /// elements: the body is tested over the block once per element, with the element bound.
    private mutating func macro(_ macro: Nodes.Macro, _ list: Kernel, slot: Int, _ body: Kernel) -> [BatchTruth] {
        guard !list.reads.contains(row), slot != row else { return broadcast(.undecided) }
        let outcome = list.node.run(&context)
        guard case .value(.list(let elements)) = outcome else {
            return broadcast(outcome == .unknown ? .unknown : .undecided)
        }
        guard elements.count <= Self.macroLimit else { return broadcast(.undecided) }
        macroSteps += elements.count
        while context.variables.count <= slot { context.variables.append(.null) }
        let all = macro == .all
        var result = broadcast(all ? .yes : .no)
        for element in elements {
            context.variables[slot] = element
            result = Self.combine(result, truths(body), all ? BatchTruth.and : BatchTruth.or)
        }
        return result
    }

    /// The longest list a macro kernel iterates over.
    static let macroLimit = 1_000
}

extension ColumnBlock.Column {
    /// Whether each row's cell is present.
    var presence: [Bool] {
        switch self {
        case .text(let cells): cells.present
        case .textList(let lists): lists.present
        case .bool(let flags): flags.map { $0 != nil }
        case .int(let numbers): numbers.map { $0 != nil }
        case .number(let numbers): numbers.map { $0 != nil }
        case .date(let days): days.map { $0 != nil }
        case .timestamp(let instants): instants.map { $0 != nil }
        case .values(let values): values.map { !$0.isNull }
        }
    }
}
