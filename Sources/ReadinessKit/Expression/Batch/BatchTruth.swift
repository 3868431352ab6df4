/// A row's result from a batch test. `undecided` rows must be evaluated on their record.
///
/// The raw values match `Truth`'s, with `undecided` in the place of `error`: a batch test leaves
/// undecided every row it cannot answer exactly, errors included.
public enum BatchTruth: UInt8, Sendable {
    case no, yes, unknown, undecided

    /// The batch form of a truth from the record path; an error is undecided.
    @inline(__always)
    init(_ truth: Truth) { self = BatchTruth(rawValue: truth.rawValue) ?? .undecided }

    /// A known outcome's truth: `.true`, `.false` or unknown; anything else is undecided.
    @inline(__always)
    init(_ outcome: Outcome) {
        switch outcome {
        case .value(.bool(let flag)): self = flag ? .yes : .no
        case .unknown: self = .unknown
        default: self = .undecided
        }
    }

    /// Kleene's `and`, as the record path combines: no if either side is, else undecided if
    /// either side is (it may be an error), else unknown if either side is.
    @inline(__always)
    static func and(_ left: BatchTruth, _ right: BatchTruth) -> BatchTruth {
        if left == .no || right == .no { return .no }
        return BatchTruth(rawValue: max(left.rawValue, right.rawValue)) ?? .undecided
    }

    /// Kleene's `or`, the dual of `and`.
    @inline(__always)
    static func or(_ left: BatchTruth, _ right: BatchTruth) -> BatchTruth {
        if left == .yes || right == .yes { return .yes }
        return right == .no ? left : left == .no ? right : BatchTruth(rawValue: max(left.rawValue, right.rawValue)) ?? .undecided
    }

    /// `not`: swaps yes and no, keeps unknown and undecided.
    @inline(__always)
    var negated: BatchTruth {
        switch self {
        case .no: .yes
        case .yes: .no
        default: self
        }
    }
}
