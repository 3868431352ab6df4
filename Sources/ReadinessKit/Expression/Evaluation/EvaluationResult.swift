/// The result of evaluating a compiled expression: a value, unknown (facts missing), or an error.
public enum EvaluationResult: Sendable, Equatable, CustomStringConvertible {
    case value(Value)
    /// A fact the expression needs is absent from the bundle.
    case unknown
    /// A runtime fault, e.g. division by zero or a missing table key; the message says what.
    case error(String)

    /// `true` or `false` for a known boolean, `nil` for unknown, an error, or a non-boolean.
    public var truth: Bool? {
        if case .value(.bool(let flag)) = self { return flag }
        return nil
    }

    /// The value, when the result is known.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// Whether the result is unknown.
    public var isUnknown: Bool { self == .unknown }

    /// The error message, when the result is an error.
    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    /// The value as shown in explanations, `unknown`, or `error: message`.
    public var description: String {
        switch self {
        case .value(let value): value.description
        case .unknown: "unknown"
        case .error(let message): "error: \(message)"
        }
    }
}
