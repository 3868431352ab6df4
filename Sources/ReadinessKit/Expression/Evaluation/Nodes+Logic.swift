/// `and`, `or`, `not` and `? :` with Kleene's three-valued logic.
///
/// `and` is false when either side is false, whatever the other side is (even unknown or an
/// error: CEL's commutative rule); otherwise an error on either side wins over unknown, and
/// unknown over true. `or` is the dual. The right side is not evaluated when the left decides.
extension Nodes {
    static func and(_ left: Node, _ right: Node) -> Node {
        junction(left, right, decisive: .no)
    }

    static func or(_ left: Node, _ right: Node) -> Node {
        junction(left, right, decisive: .yes)
    }

    /// `and` (`decisive` is `.no`) or `or` (`decisive` is `.yes`).
    private static func junction(_ left: Node, _ right: Node, decisive: Truth) -> Node {
        let (leftTest, rightTest) = (left.test, right.test)
        return Node(test: { context in
            let first = leftTest(&context)
            if first == decisive { return first }
            let firstFailure = first == .error ? context.failure : nil
            let second = rightTest(&context)
            if second == decisive { return second }
            if first == .error {
                context.failure = firstFailure
                return .error
            }
            if second == .error { return .error }
            if first == .unknown || second == .unknown { return .unknown }
            return first
        })
    }

    static func not(_ operand: Node) -> Node {
        let operandTest = operand.test
        return Node(test: { context in
            switch operandTest(&context) {
            case .yes: .no
            case .no: .yes
            case let other: other
            }
        })
    }

    /// `condition ? then : otherwise`; unknown when the condition is unknown.
    static func conditional(_ condition: Node, _ then: Node, _ otherwise: Node) -> Node {
        let conditionTest = condition.test
        return Node { context in
            switch conditionTest(&context) {
            case .yes: return then.run(&context)
            case .no: return otherwise.run(&context)
            case .unknown: return .unknown
            case .error: return .error(context.failure ?? "evaluation failed")
            }
        }
    }
}
