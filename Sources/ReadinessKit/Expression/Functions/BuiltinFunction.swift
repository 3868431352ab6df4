/// A built-in function of the rule language, callable as `f(x, y)` or as a method `x.f(y)`.
///
/// The checker hands `resolve` the argument types (the receiver first) and any literal values;
/// it answers with the result type and an implementation prepared once, at compile time (a
/// regular expression is compiled there, a date literal parsed there).
struct BuiltinFunction: Sendable {
    /// The name rules call it by.
    let name: String
    /// How to call it, shown in hints and the reference, e.g. `text.startsWith(prefix)`.
    let usage: String
    /// One sentence for the reference.
    let summary: String
    /// How many arguments it takes, counting a method's receiver.
    let arity: ClosedRange<Int>
    /// Checks the arguments and prepares the implementation.
    let resolve: @Sendable ([Argument]) -> Resolution

    /// What the checker knows about one argument.
    struct Argument {
        var type: ExpressionType
        /// The value, when the argument is a literal.
        var literal: Value?
    }

    /// The outcome of resolving a call.
    enum Resolution {
        /// The call is valid: its type and how to evaluate it.
        case resolved(ExpressionType, Implementation)
        /// No form of the function takes these argument types.
        case mismatch
        /// An argument is a literal the function rejects (a bad date, a bad pattern).
        case invalid(argument: Int, id: String, message: String, hint: String)
    }
}

/// How a built-in computes its value from known arguments (never unknown, never an error).
enum Implementation: Sendable {
    case unary(@Sendable (Outcome) -> Outcome)
    case binary(@Sendable (Outcome, Outcome) -> Outcome)
    /// The value is known at compile time.
    case constant(Outcome)
}

extension ExpressionType {
    /// Whether a value of this type may be passed where `expected` is required.
    func fits(_ expected: ExpressionType) -> Bool {
        switch (self, expected) {
        case (.any, _), (_, .any), (.null, _): true
        case (.list(let element), .list(let wanted)): element.fits(wanted)
        default: self == expected || (isStringLike && expected == .string) || (self == .int && expected == .number)
        }
    }
}
