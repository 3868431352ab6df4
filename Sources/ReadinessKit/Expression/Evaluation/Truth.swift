/// The outcome of a condition on the fast path: no payload, so conditions combine without copying values.
///
/// An error's message travels beside it in `EvaluationContext.failure`.
enum Truth: UInt8, Sendable {
    case no, yes, unknown, error

    @inline(__always)
    init(_ flag: Bool) { self = flag ? .yes : .no }

    /// The truth of an outcome; a non-boolean value is an error.
    @inline(__always)
    init(_ outcome: Outcome, _ context: inout EvaluationContext) {
        switch outcome {
        case .value(.bool(let flag)): self = flag ? .yes : .no
        case .unknown: self = .unknown
        case .error(let message):
            context.failure = message
            self = .error
        default:
            context.failure = "expected true or false, not \(outcome.result)"
            self = .error
        }
    }

    /// The outcome form, taking an error's message from the context.
    @inline(__always)
    func outcome(_ context: inout EvaluationContext) -> Outcome {
        switch self {
        case .no: .false
        case .yes: .true
        case .unknown: .unknown
        case .error: .error(context.failure ?? "evaluation failed")
        }
    }
}
