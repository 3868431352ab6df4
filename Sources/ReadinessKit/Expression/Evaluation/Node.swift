/// A compiled sub-expression: closures that evaluate it against a context.
///
/// Nodes are built once by the checker from resolved slots and prepared constants, so running
/// one does no parsing, no lookup by field name and no string building on the fast path.
/// Every node can run as a value (`run`) or as a condition (`test`); conditions built from
/// conditions pass a one-byte `Truth` along instead of an `Outcome`.
struct Node: Sendable {
    let run: @Sendable (inout EvaluationContext) -> Outcome
    let test: @Sendable (inout EvaluationContext) -> Truth

    /// A node computed as a value; its condition form converts the value.
    init(_ run: @escaping @Sendable (inout EvaluationContext) -> Outcome) {
        self.run = run
        self.test = { context in Truth(run(&context), &context) }
    }

    /// A condition; its value form converts the truth.
    init(test: @escaping @Sendable (inout EvaluationContext) -> Truth) {
        self.test = test
        self.run = { context in test(&context).outcome(&context) }
    }

    /// A node with both forms written out.
    init(run: @escaping @Sendable (inout EvaluationContext) -> Outcome, test: @escaping @Sendable (inout EvaluationContext) -> Truth) {
        self.run = run
        self.test = test
    }

    /// A node that always gives `outcome`.
    static func constant(_ outcome: Outcome) -> Node {
        Node { _ in outcome }
    }
}

/// Builders for every kind of node, grouped by concern in `Nodes+*.swift`.
enum Nodes {}
