/// `size` and `count`: how many elements a list (or map) has, or how many characters a string has.
enum SizeFunctions {
    static let all = [size, count]

    static let size = BuiltinFunction(
        name: "size", usage: "size(list)", summary: "The number of elements of a list or map, or of characters in a string.",
        arity: 1...1
    ) { arguments in
        switch arguments[0].type {
        case .list, .map, .any, .null: .resolved(.int, .unary(length))
        case let type where type.isStringLike: .resolved(.int, .unary(length))
        default: .mismatch
        }
    }

    static let count = BuiltinFunction(
        name: "count", usage: "count(list)",
        summary: "The number of elements of a list; `list.count(x, condition)` counts those meeting a condition.",
        arity: 1...1
    ) { arguments in
        switch arguments[0].type {
        case .list, .any, .null: .resolved(.int, .unary(length))
        default: .mismatch
        }
    }

    @Sendable static func length(_ argument: Outcome) -> Outcome {
        switch argument {
        case .value(.list(let elements)): .value(.int(elements.count))
        case .value(.string(let text)): .value(.int(text.unicodeScalars.count))
        case .map(let entries): .value(.int(entries.count))
        default: .error("size needs a list, map or string, not \(argument.result)")
        }
    }
}
