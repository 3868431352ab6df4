/// A type-checked sub-expression: its type, its compiled node and what the checker knows about it.
struct Checked {
    var type: ExpressionType
    var node: Node
    /// The value, when it is known at compile time (literals).
    var constant: Outcome?
    /// How the value is reached, for fused nodes, lookups by id and `has(…)`.
    var form: Form = .computed
    /// Whether this stands for a sub-expression that already has diagnostics.
    var isInvalid = false
    /// The variable slots it reads (macro slots included), so batch runs know what is row-invariant.
    var reads: Set<Int> = []
    /// Its batch form (see `Kernel`); `.opaque` when it has none.
    var kernel: Kernel.Form = .opaque

    /// The batch kernel of this sub-expression.
    var batch: Kernel { Kernel(node: node, reads: reads, form: kernel) }

    /// How a checked expression's value is reached.
    enum Form {
        case computed
        /// A variable (declared or bound by a macro) in this slot.
        case variable(Int)
        /// A bundle collection, indexed by id, with its ordinal in `schema.collections`.
        case collection(Int)
        /// A data table.
        case table(DataTable)
        /// `base.field` on a record: how to test the field's presence.
        case field(base: Node, variable: Int?, slot: Int, type: RecordType, name: String)
        /// `base[key]`: how to test whether the key names something.
        case element(base: Node, key: Node, collection: Int?, table: DataTable?)
    }

    /// A placeholder for a sub-expression with errors: its type is `any` so no further
    /// diagnostics cascade from it, and it never runs because compilation fails.
    static let invalid = Checked(type: .any, node: .constant(.error("invalid expression")), isInvalid: true)

    /// A known value.
    static func literal(_ value: Value, _ type: ExpressionType) -> Checked {
        Checked(type: type, node: .constant(Outcome(value)), constant: Outcome(value))
    }

    /// The compile-time value as a bundle value, for built-ins that prepare work from literals.
    var literalValue: Value? { constant?.known }
}
