/// List and map literals, and calls of built-in functions.
extension Nodes {
    static func list(_ elements: [Node]) -> Node {
        Node { context in
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            var blocked: Outcome?
            for element in elements {
                switch element.run(&context) {
                case .value(let value): values.append(value)
                case .error(let message): if blocked?.isError != true { blocked = .error(message) }
                case .unknown: if blocked == nil { blocked = .unknown }
                case let other: return .error("a list cannot hold \(other.result)")
                }
            }
            return blocked ?? .value(.list(values))
        }
    }

    static func map(_ entries: [(key: Node, value: Node)]) -> Node {
        Node { context in
            var values: [String: Value] = [:]
            var blocked: Outcome?
            for entry in entries {
                let key = entry.key.run(&context)
                let value = entry.value.run(&context)
                if let stop = Outcome.blocking(key, value) {
                    if blocked?.isError != true { blocked = stop }
                    continue
                }
                guard case .value(.string(let name)) = key, case .value(let stored) = value else {
                    return .error("a map needs string keys and plain values")
                }
                values[name] = stored
            }
            return blocked ?? .map(values)
        }
    }

    static func call(_ implementation: Implementation, _ arguments: [Node]) -> Node {
        switch implementation {
        case .constant(let outcome):
            return .constant(outcome)
        case .unary(let body):
            let argument = arguments[0]
            return Node { context in
                let outcome = argument.run(&context)
                return outcome.isUnknownOrError ? outcome : body(outcome)
            }
        case .binary(let body):
            let first = arguments[0], second = arguments[1]
            return Node { context in
                let a = first.run(&context)
                let b = second.run(&context)
                if let blocked = Outcome.blocking(a, b) { return blocked }
                return body(a, b)
            }
        }
    }
}

extension Outcome {
    /// Whether this is an error.
    var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
