/// The result of an explaining evaluation, with every fact read on the way.
public struct Explanation: Sendable, Equatable {
    /// The result, as `evaluate` gives it.
    public var result: EvaluationResult
    /// The facts read, in the order first read, each once.
    public var facts: [Fact]
    /// Paths of facts only tested for presence with `has()`: their absence decided a test, so it
    /// never makes the result unknown.
    public var presenceTested: Set<String>

    /// An explanation of `result` by the facts read.
    public init(result: EvaluationResult, facts: [Fact], presenceTested: Set<String> = []) {
        self.result = result
        self.facts = facts
        self.presenceTested = presenceTested
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

    /// The fact at `path`, observed as `value`.
    public init(path: String, value: Value) {
        self.path = path
        self.value = value
    }

    /// Whether the fact is absent from the bundle.
    public var isMissing: Bool { value.isNull }

    /// `path = value`, e.g. `evidence[E-0017].hash_verified = absent`.
    public var description: String { "\(path) = \(value)" }
}
