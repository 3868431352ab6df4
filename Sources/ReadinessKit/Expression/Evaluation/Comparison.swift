/// The order of two values, or `unknown` when it cannot be told (a date against a timestamp on that day).
enum Ordering: Equatable, Sendable {
    case less, equal, greater, unknown

    init<T: Comparable>(_ left: T, _ right: T) {
        self = left < right ? .less : left == right ? .equal : .greater
    }

    var reversed: Ordering {
        switch self {
        case .less: .greater
        case .greater: .less
        default: self
        }
    }
}

/// Equality and ordering of known outcomes, shared by operators and built-ins.
enum Comparison {
    /// Orders two known outcomes, or `nil` when they are not comparable (different kinds).
    static func order(_ left: Outcome, _ right: Outcome) -> Ordering? {
        switch (left, right) {
        case (.value(let a), .value(let b)): order(a, b)
        case (.duration(let a), .duration(let b)): Ordering(a, b)
        default: nil
        }
    }

    static func order(_ left: Value, _ right: Value) -> Ordering? {
        switch (left, right) {
        case (.int(let a), .int(let b)): Ordering(a, b)
        case (.number(let a), .number(let b)): a.isNaN || b.isNaN ? nil : Ordering(a, b)
        case (.int(let a), .number(let b)): b.isNaN ? nil : Ordering(Double(a), b)
        case (.number(let a), .int(let b)): a.isNaN ? nil : Ordering(a, Double(b))
        case (.string(let a), .string(let b)): Ordering(a, b)
        case (.date(let a), .date(let b)): Ordering(a, b)
        case (.timestamp(let a), .timestamp(let b)): Ordering(a, b)
        case (.date(let day), .timestamp(let instant)): TimeSemantics.order(day, instant)
        case (.timestamp(let instant), .date(let day)): TimeSemantics.order(day, instant).reversed
        default: nil
        }
    }

    /// Whether two known outcomes are equal: `.true`, `.false` or `.unknown`.
    static func equal(_ left: Outcome, _ right: Outcome) -> Outcome {
        switch (left, right) {
        case (.value(let a), .value(let b)): equal(a, b)
        case (.duration(let a), .duration(let b)): Outcome(truth: a == b)
        case (.map(let a), .map(let b)): Outcome(truth: a == b)
        case (.row(let a), .row(let b)): Outcome(truth: a == b)
        default: .false
        }
    }

    static func equal(_ left: Value, _ right: Value) -> Outcome {
        switch (left, right) {
        case (.string(let a), .string(let b)): return Outcome(truth: a == b)
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return .false }
            var sawUnknown = false
            for (x, y) in zip(a, b) {
                switch equal(x, y) {
                case .false: return .false
                case .unknown: sawUnknown = true
                default: break
                }
            }
            return sawUnknown ? .unknown : .true
        case (.null, _), (_, .null): return .unknown
        case (.record(let a), .record(let b)): return Outcome(truth: a == b)
        case (.bool(let a), .bool(let b)): return Outcome(truth: a == b)
        default:
            switch order(left, right) {
            case .equal: return .true
            case .unknown: return .unknown
            default: return .false
            }
        }
    }

    /// Whether `element` is in `list`: true if any element equals it, unknown if none does but some might.
    static func contains(_ list: [Value], _ element: Value) -> Outcome {
        var sawUnknown = false
        for candidate in list {
            switch equal(candidate, element) {
            case .true: return .true
            case .unknown: sawUnknown = true
            default: break
            }
        }
        return sawUnknown ? .unknown : .false
    }
}
