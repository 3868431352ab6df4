/// `==`, `!=`, `<`, `<=`, `>`, `>=` and `in`. Unknown or error operands give unknown or error.
extension Nodes {
    static func equal(_ left: Node, _ right: Node, negated: Bool) -> Node {
        Node { context in
            let first = left.run(&context)
            let second = right.run(&context)
            if let blocked = Outcome.blocking(first, second) { return blocked }
            return negate(Comparison.equal(first, second), if: negated)
        }
    }

    /// `expression == 'text'`, the commonest comparison, fused with its constant.
    static func equal(_ left: Node, text: String, negated: Bool) -> Node {
        let run = left.run
        return Node(test: { context in
            switch run(&context) {
            case .value(.string(let value)): return Truth((value == text) != negated)
            case .unknown: return .unknown
            case .error(let message):
                context.failure = message
                return .error
            default: return Truth(negated)
            }
        })
    }

    /// `variable.field == 'text'` or `variable.field in ['a', 'b']`, fused into one node that
    /// compares the field in place.
    static func field(variable: Int, slot: Int, type: RecordType, name: String, isOneOf texts: [String], negated: Bool) -> Node {
        if texts.count == 1, let text = texts.first {
            return Node(test: { context in
                switch context.field(ofVariable: variable, slot: slot, type: type, name: name) {
                case .string(let value)?: Truth((value == text) != negated)
                case .null?, nil: .unknown
                default: Truth(negated)
                }
            })
        }
        return Node(test: { context in
            switch context.field(ofVariable: variable, slot: slot, type: type, name: name) {
            case .string(let value)?: Truth(texts.contains(value) != negated)
            case .null?, nil: .unknown
            default: Truth(negated)
            }
        })
    }

    /// `expression in ['a', 'b']` with a list of text constants.
    static func isOneOf(_ left: Node, _ texts: [String]) -> Node {
        let run = left.run
        return Node(test: { context in
            switch run(&context) {
            case .value(.string(let value)): return Truth(texts.contains(value))
            case .unknown: return .unknown
            case .error(let message):
                context.failure = message
                return .error
            default: return .no
            }
        })
    }

    /// `condition == true` and its variants: the condition itself, or its negation.
    static func truth(of condition: Node, is flag: Bool) -> Node {
        flag ? Node(test: condition.test) : not(condition)
    }

    @inline(__always)
    private static func negate(_ outcome: Outcome, if negated: Bool) -> Outcome {
        guard negated, case .value(.bool(let flag)) = outcome else { return outcome }
        return Outcome(truth: !flag)
    }

    static func order(_ op: BinaryOperator, _ left: Node, _ right: Node) -> Node {
        Node { context in
            let first = left.run(&context)
            let second = right.run(&context)
            if let blocked = Outcome.blocking(first, second) { return blocked }
            guard let ordering = Comparison.order(first, second) else {
                return .error("cannot compare \(first.result) \(op.rawValue) \(second.result)")
            }
            switch (op, ordering) {
            case (_, .unknown): return .unknown
            case (.less, let order): return Outcome(truth: order == .less)
            case (.lessOrEqual, let order): return Outcome(truth: order != .greater)
            case (.greater, let order): return Outcome(truth: order == .greater)
            default: return Outcome(truth: ordering != .less)
            }
        }
    }

    /// `element in list`, `key in map`, `key in table` (rows only, not the default).
    static func membership(_ element: Node, _ container: Node, table: DataTable?) -> Node {
        Node { context in
            let first = element.run(&context)
            if let table {
                if first.isUnknownOrError { return first }
                guard case .value(.string(let key)) = first else { return .false }
                return Outcome(truth: table.rows[key] != nil)
            }
            let second = container.run(&context)
            if let blocked = Outcome.blocking(first, second) { return blocked }
            switch (first, second) {
            case (.value(let value), .value(.list(let elements))): return Comparison.contains(elements, value)
            case (.value(.string(let key)), .map(let entries)): return Outcome(truth: entries[key] != nil)
            default: return .error("cannot test whether \(first.result) is in \(second.result)")
            }
        }
    }
}
