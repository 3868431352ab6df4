/// The value of a sub-expression while evaluating: a known value, unknown, or an error.
///
/// Besides bundle `Value`s it carries the language's own values: durations, map literals and
/// table rows. `EvaluationResult` is the public form of the final outcome.
enum Outcome: Sendable, Equatable {
    case value(Value)
    /// A length of time in seconds.
    case duration(Int)
    case map([String: Value])
    /// A data-table row's values in column order.
    case row([Value])
    /// A fact that is absent from the bundle, or anything computed from one.
    case unknown
    /// A runtime fault such as division by zero or a dangling reference.
    case error(String)

    static let `true` = Outcome.value(.bool(true))
    static let `false` = Outcome.value(.bool(false))

    /// The outcome of a bundle value: `.null` becomes unknown.
    @inline(__always)
    init(_ value: Value) {
        if case .null = value { self = .unknown } else { self = .value(value) }
    }

    @inline(__always)
    init(truth: Bool) { self = .value(.bool(truth)) }

    /// The bundle value this outcome holds, if it is a known value (durations, maps and rows are not).
    var known: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// Whether evaluation should stop propagating: the outcome is unknown or an error.
    var isUnknownOrError: Bool {
        switch self {
        case .unknown, .error: true
        default: false
        }
    }

    /// The public result for this outcome; durations are given as a number of days.
    var result: EvaluationResult {
        switch self {
        case .value(let value): .value(value)
        case .duration(let seconds): .value(.number(Double(seconds) / 86_400))
        case .map(let entries): .value(.list(entries.keys.sorted().map { .string($0) }))
        case .row(let values): .value(.list(values))
        case .unknown: .unknown
        case .error(let message): .error(message)
        }
    }

    /// Combines two strict operands: the first error wins, then unknown, else `nil` (both known).
    @inline(__always)
    static func blocking(_ left: Outcome, _ right: Outcome) -> Outcome? {
        if case .error = left { return left }
        if case .error = right { return right }
        if case .unknown = left { return .unknown }
        if case .unknown = right { return .unknown }
        return nil
    }
}
