/// A compiled sub-expression: a closure that evaluates it against a context.
///
/// Nodes are built once by the checker from resolved slots and prepared constants, so running
/// one does no parsing, no lookup by field name and no string building on the fast path.
struct Node: Sendable {
    let run: @Sendable (inout EvaluationContext) -> Outcome

    init(_ run: @escaping @Sendable (inout EvaluationContext) -> Outcome) {
        self.run = run
    }

    /// A node that always gives `outcome`.
    static func constant(_ outcome: Outcome) -> Node {
        Node { _ in outcome }
    }
}

/// Builders for every kind of node, grouped by concern in `Nodes+*.swift`.
enum Nodes {}
