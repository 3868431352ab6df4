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

    public var description: String {
        switch self {
        case .value(let value): value.description
        case .unknown: "unknown"
        case .error(let message): "error: \(message)"
        }
    }
}

/// The result of an explaining evaluation, with every fact read on the way.
public struct Explanation: Sendable, Equatable {
    public var result: EvaluationResult
    /// The facts read, in the order first read, each once.
    public var facts: [Fact]

    public init(result: EvaluationResult, facts: [Fact]) {
        self.result = result
        self.facts = facts
    }

    /// The facts that were absent from the bundle.
    public var missing: [Fact] { facts.filter(\.isMissing) }
}

/// A fact read from the bundle: its data path and the value observed there.
public struct Fact: Sendable, Hashable, CustomStringConvertible {
    /// The data path, e.g. `evidence[E-0017].hash_verified`.
    public var path: String
    /// The observed value; `.null` means the fact is missing.
    public var value: Value

    public init(path: String, value: Value) {
        self.path = path
        self.value = value
    }

    /// Whether the fact is absent from the bundle.
    public var isMissing: Bool { value.isNull }

    public var description: String { "\(path) = \(value)" }
}
