/// `and`, `or`, `not` and `? :` with Kleene's three-valued logic.
///
/// `and` is false when either side is false, whatever the other side is (even unknown or an
/// error: CEL's commutative rule); otherwise an error on either side wins over unknown, and
/// unknown over true. `or` is the dual. The right side is not evaluated when the left decides.
extension Nodes {
    static func and(_ left: Node, _ right: Node) -> Node {
        Node { context in
            let first = left.run(&context)
            if case .value(.bool(false)) = first { return first }
            let second = right.run(&context)
            return combine(first, second, decisive: false)
        }
    }

    static func or(_ left: Node, _ right: Node) -> Node {
        Node { context in
            let first = left.run(&context)
            if case .value(.bool(true)) = first { return first }
            let second = right.run(&context)
            return combine(first, second, decisive: true)
        }
    }

    /// Combines two sides of `and` (`decisive` false) or `or` (`decisive` true).
    @inline(__always)
    static func combine(_ first: Outcome, _ second: Outcome, decisive: Bool) -> Outcome {
        if case .value(.bool(decisive)) = second { return second }
        if case .error = first { return first }
        if case .error = second { return second }
        if case .unknown = first { return .unknown }
        if case .unknown = second { return .unknown }
        guard case .value(.bool) = first, case .value(.bool) = second else {
            return .error("'\(decisive ? "or" : "and")' needs true or false on both sides")
        }
        return Outcome(truth: !decisive)
    }

    static func not(_ operand: Node) -> Node {
        Node { context in
            let outcome = operand.run(&context)
            guard case .value(.bool(let flag)) = outcome else {
                return outcome.isUnknownOrError ? outcome : .error("'not' needs true or false, not \(outcome.result)")
            }
            return Outcome(truth: !flag)
        }
    }

    /// `condition ? then : otherwise`; unknown when the condition is unknown.
    static func conditional(_ condition: Node, _ then: Node, _ otherwise: Node) -> Node {
        Node { context in
            let outcome = condition.run(&context)
            switch outcome {
            case .value(.bool(true)): return then.run(&context)
            case .value(.bool(false)): return otherwise.run(&context)
            case .unknown, .error: return outcome
            default: return .error("the condition before '?' must be true or false, not \(outcome.result)")
            }
        }
    }
}
