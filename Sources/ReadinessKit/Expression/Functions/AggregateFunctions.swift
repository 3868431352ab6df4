/// `sum`, `min` and `max` over a list of numbers (or, for `min` and `max`, of times or strings).
enum AggregateFunctions {
    static let all = [sum, min, max]

    static let sum = BuiltinFunction(
        name: "sum", usage: "sum(list)", summary: "The total of a list of numbers; 0 for an empty list.", arity: 1...1
    ) { arguments in
        switch arguments[0].type {
        case .list(.int): .resolved(.int, .unary(total))
        case .list(.number), .list(.any), .any, .null: .resolved(.number, .unary(total))
        default: .mismatch
        }
    }

    static let min = extremum("min", keeping: .less, summary: "The smallest element of a list; an error for an empty list.")
    static let max = extremum("max", keeping: .greater, summary: "The largest element of a list; an error for an empty list.")

    private static func extremum(_ name: String, keeping wanted: Ordering, summary: String) -> BuiltinFunction {
        BuiltinFunction(name: name, usage: "\(name)(list)", summary: summary, arity: 1...1) { arguments in
            switch arguments[0].type {
            case .list(let element) where element.isNumeric || element == .time || element == .string || element == .any:
                .resolved(element, .unary { pick($0, keeping: wanted, name: name) })
            case .any, .null: .resolved(.any, .unary { pick($0, keeping: wanted, name: name) })
            default: .mismatch
            }
        }
    }

    @Sendable static func total(_ argument: Outcome) -> Outcome {
        guard case .value(.list(let elements)) = argument else { return .error("sum needs a list") }
        var integer = 0
        var decimal = 0.0
        var isDecimal = false
        for element in elements {
            switch element {
            case .int(let value):
                let (result, overflow) = integer.addingReportingOverflow(value)
                guard !overflow else { return .error("integer overflow in sum") }
                integer = result
            case .number(let value):
                decimal += value
                isDecimal = true
            case .null: return .unknown
            default: return .error("sum needs numbers, found \(element)")
            }
        }
        return isDecimal ? .value(.number(decimal + Double(integer))) : .value(.int(integer))
    }

    private static func pick(_ argument: Outcome, keeping wanted: Ordering, name: String) -> Outcome {
        guard case .value(.list(let elements)) = argument else { return .error("\(name) needs a list") }
        guard var best = elements.first else { return .error("\(name) of an empty list") }
        for element in elements {
            if element.isNull || best.isNull { return .unknown }
            switch Comparison.order(element, best) {
            case wanted: best = element
            case .unknown: return .unknown
            case nil: return .error("\(name) cannot compare \(element) with \(best)")
            default: break
            }
        }
        return .value(best)
    }
}
