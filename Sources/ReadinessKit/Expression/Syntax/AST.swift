/// A parsed expression: a syntax tree of value types, each node with the offsets it covers.
///
/// `offset` is where diagnostics about the node point: the operator of a binary expression,
/// the field name of a member access, the function name of a call, otherwise the first scalar.
struct Expr: Equatable, Sendable {
    var kind: Kind
    /// Offset of the node's first scalar.
    var start: Int
    /// Offset the node's diagnostics point at.
    var offset: Int

    indirect enum Kind: Equatable, Sendable {
        case literal(Literal)
        case name(String)
        /// `base.field`
        case member(Expr, field: String)
        /// `base[key]`
        case index(Expr, key: Expr)
        /// `name(args)` or, with a receiver, `receiver.name(args)`.
        case call(name: String, receiver: Expr?, arguments: [Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `condition ? then : else`
        case conditional(Expr, Expr, Expr)
        case list([Expr])
        case map([MapEntry])
    }

    /// A literal as written.
    enum Literal: Equatable, Sendable {
        case int(Int)
        case number(Double)
        case string(String)
        case bool(Bool)
        case null
    }

    /// One `key: value` pair of a map literal.
    struct MapEntry: Equatable, Sendable {
        var key: Expr
        var value: Expr
    }

    /// The string, when the node is a string literal.
    var stringLiteral: String? {
        if case .literal(.string(let text)) = kind { return text }
        return nil
    }
}

/// Prefix operators.
enum UnaryOperator: String, Equatable, Sendable {
    case not = "not"
    case negate = "-"
}

/// Infix operators, by the name shown in diagnostics.
enum BinaryOperator: String, Equatable, Sendable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
}
