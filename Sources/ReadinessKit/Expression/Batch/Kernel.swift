/// The batch form of a checked sub-expression: how to test it over every row of a `ColumnBlock`
/// at once instead of one record at a time.
///
/// The checker builds one beside each closure node. A kernel that does not read the row variable
/// is row-invariant: a batch run evaluates its node once and broadcasts the result. The others
/// are run column by column through their `form`; a form the batch runner cannot follow leaves
/// its rows `undecided`, for the record path.
struct Kernel: Sendable {
    /// The closure node, run once when the kernel is row-invariant.
    let node: Node
    /// The variable slots the sub-expression reads, those bound by its macros included.
    let reads: Set<Int>
    let form: Form

    /// The batch forms of the sub-expressions the batch runner can test column by column.
    indirect enum Form: Sendable {
        /// No batch form: undecided unless row-invariant.
        case opaque
        /// A field of the record a variable holds, or a field of one of its record-typed fields.
        case field(Field)
        /// `has(…)` on such a field.
        case has(Field)
        /// `condition == flag`: the condition, or its negation.
        case truth(Kernel, Bool)
        case not(Kernel)
        case and(Kernel, Kernel)
        case or(Kernel, Kernel)
        /// `==`, or `!=` when negated.
        case equal(Kernel, Kernel, negated: Bool)
        /// `<`, `<=`, `>` or `>=`.
        case order(BinaryOperator, Kernel, Kernel)
        /// `element in list`.
        case membership(Kernel, Kernel)
        /// `size(list)` or `size(text)`, with the built-in's implementation for cells it cannot count in place.
        case size(Kernel, Implementation)
        /// `startsWith`, `endsWith` or `contains` on text, with the built-in's implementation.
        case text(TextTest, Kernel, Kernel, Implementation)
        /// `matches` with a literal pattern: a byte matcher when the pattern is in its subset, and
        /// the built-in's implementation for every other pattern or cell.
        case matches(Kernel, ByteMatcher?, Implementation)
        /// `all` or `exists` over a list, binding `slot` to each element.
        case macro(Nodes.Macro, list: Kernel, slot: Int, body: Kernel)
    }

    /// A field read from the record in `variable`: `variable.field`, or `variable.field.nested`.
    struct Field: Sendable {
        var variable: Int
        var slot: Int
        /// The record type the checker resolved the field on.
        var type: RecordType
        /// The field of the record-typed field, and that field's record type.
        var nested: (slot: Int, type: RecordType)?

        /// The block column that holds it.
        var key: ColumnBlock.FieldKey { ColumnBlock.FieldKey(slot: slot, nested: nested?.slot) }
    }

    /// The text tests with a byte form.
    enum TextTest: Sendable {
        case startsWith, endsWith, contains
    }
}

extension Kernel {
    /// The form of `base.field` where `base` is a top-level field read of a record-typed field.
    static func nested(in base: Form, slot: Int, type: RecordType) -> Form {
        guard case .field(var field) = base, field.nested == nil else { return .opaque }
        field.nested = (slot, type)
        return .field(field)
    }

    /// The form of a call to the built-in `name` with these argument kernels (the receiver first).
    static func call(_ name: String, _ arguments: [Kernel], pattern: String?, _ implementation: Implementation) -> Form {
        if case .constant = implementation { return .opaque }
        switch (name, arguments.count) {
        case ("size", 1), ("count", 1): return .size(arguments[0], implementation)
        case ("startsWith", 2): return .text(.startsWith, arguments[0], arguments[1], implementation)
        case ("endsWith", 2): return .text(.endsWith, arguments[0], arguments[1], implementation)
        case ("contains", 2): return .text(.contains, arguments[0], arguments[1], implementation)
        case ("matches", 2): return .matches(arguments[0], pattern.flatMap(ByteMatcher.init), implementation)
        default: return .opaque
        }
    }
}
