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
        Node { context in
            switch left.run(&context) {
            case .value(.string(let value)): return Outcome(truth: (value == text) != negated)
            case .unknown: return .unknown
            case .error(let message): return .error(message)
            default: return negated ? .true : .false
            }
        }
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
