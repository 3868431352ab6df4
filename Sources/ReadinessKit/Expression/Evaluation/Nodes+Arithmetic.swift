/// `+ - * / %` and unary `-`. Whole-number overflow and division by zero give error values.
extension Nodes {
    static func arithmetic(_ op: BinaryOperator, _ left: Node, _ right: Node) -> Node {
        Node { context in
            let first = left.run(&context)
            let second = right.run(&context)
            if let blocked = Outcome.blocking(first, second) { return blocked }
            return Arithmetic.apply(op, first, second)
        }
    }

    static func negate(_ operand: Node) -> Node {
        Node { context in
            switch operand.run(&context) {
            case .value(.int(let value)):
                let (result, overflow) = 0.subtractingReportingOverflow(value)
                return overflow ? .error("integer overflow in -\(value)") : .value(.int(result))
            case .value(.number(let value)): return .value(.number(-value))
            case .duration(let seconds):
                let (result, overflow) = 0.subtractingReportingOverflow(seconds)
                return overflow ? .error("duration overflow") : .duration(result)
            case let other: return other.isUnknownOrError ? other : .error("cannot negate \(other.result)")
            }
        }
    }
}

/// The arithmetic of known operands.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Outcome, _ right: Outcome) -> Outcome {
        switch (left, right) {
        case (.value(.int(let a)), .value(.int(let b))): integers(op, a, b)
        case (.value(.int(let a)), .value(.number(let b))): decimals(op, Double(a), b)
        case (.value(.number(let a)), .value(.int(let b))): decimals(op, a, Double(b))
        case (.value(.number(let a)), .value(.number(let b))): decimals(op, a, b)
        case (.value(.string(let a)), .value(.string(let b))) where op == .add: .value(.string(a + b))
        case (.value(.list(let a)), .value(.list(let b))) where op == .add: .value(.list(a + b))
        case (.value(let time), .duration(let seconds)) where op == .add: TimeSemantics.shift(time, by: seconds)
        case (.duration(let seconds), .value(let time)) where op == .add: TimeSemantics.shift(time, by: seconds)
        case (.value(let time), .duration(let seconds)) where op == .subtract:
            seconds == Int.min ? .error("duration overflow") : TimeSemantics.shift(time, by: -seconds)
        case (.value(let later), .value(let earlier)) where op == .subtract: TimeSemantics.difference(later, earlier)
        case (.duration(let a), .duration(let b)) where op == .add || op == .subtract:
            durations(op, a, b)
        default: .error("cannot compute \(left.result) \(op.rawValue) \(right.result)")
        }
    }

    private static func integers(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Outcome {
        let (result, overflow): (Int, Bool)
        switch op {
        case .add: (result, overflow) = a.addingReportingOverflow(b)
        case .subtract: (result, overflow) = a.subtractingReportingOverflow(b)
        case .multiply: (result, overflow) = a.multipliedReportingOverflow(by: b)
        case .divide:
            guard b != 0 else { return .error("division by zero") }
            (result, overflow) = a.dividedReportingOverflow(by: b)
        default:
            guard b != 0 else { return .error("division by zero") }
            (result, overflow) = a.remainderReportingOverflow(dividingBy: b)
        }
        return overflow ? .error("integer overflow in \(a) \(op.rawValue) \(b)") : .value(.int(result))
    }

    private static func decimals(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Outcome {
        let result: Double
        switch op {
        case .add: result = a + b
        case .subtract: result = a - b
        case .multiply: result = a * b
        case .divide:
            guard b != 0 else { return .error("division by zero") }
            result = a / b
        default:
            guard b != 0 else { return .error("division by zero") }
            result = a.truncatingRemainder(dividingBy: b)
        }
        return result.isFinite ? .value(.number(result)) : .error("number out of range in \(a.formatted()) \(op.rawValue) \(b.formatted())")
    }

    private static func durations(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Outcome {
        let (result, overflow) = op == .add ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
        return overflow ? .error("duration overflow") : .duration(result)
    }
}
