/// The list macros `all`, `exists`, `exists_one`, `count`, `filter` and `map`.
///
/// Each element is bound to the macro's variable slot in turn, and each counts one step of the
/// evaluation budget. `all` is false as soon as one element is false and `exists` true as soon as
/// one is true, whatever the others are; otherwise errors win over unknown, and unknown over a
/// definite answer. `exists_one` is false once two elements are true. `count`, `filter` and `map`
/// are unknown if any element's condition or value is.
extension Nodes {
    /// Which macro a node runs.
    enum Macro: String, Sendable {
        case all, exists, existsOne = "exists_one", count, filter, map
    }

    static func macro(_ macro: Macro, over list: Node, slot: Int, body: Node) -> Node {
        let (condition, transform) = (body.test, body.run)
        return Node { context in
            let outcome = list.run(&context)
            guard case .value(.list(let elements)) = outcome else {
                return outcome.isUnknownOrError ? outcome : .error("'\(macro.rawValue)' needs a list, not \(outcome.result)")
            }
            while context.variables.count <= slot { context.variables.append(.null) }
            var tally = Tally()
            for element in elements {
                if let stop = context.step() { return stop }
                context.variables[slot] = element
                if macro == .map {
                    tally.collect(transform(&context))
                } else if let decided = tally.add(condition(&context), element: element, for: macro, &context) {
                    return decided
                }
            }
            return tally.finish(macro)
        }
    }

    /// What a macro has seen so far.
    private struct Tally {
        var trues = 0
        var sawUnknown = false
        var error: Outcome?
        var kept: [Value] = []

        /// Adds one element's condition; returns the macro's outcome if it is already decided.
        mutating func add(_ truth: Truth, element: Value, for macro: Macro, _ context: inout EvaluationContext) -> Outcome? {
            switch truth {
            case .unknown: sawUnknown = true
            case .error: if error == nil { error = .error(context.failure ?? "evaluation failed") }
            case .yes:
                trues += 1
                switch macro {
                case .exists: return .true
                case .existsOne where trues > 1: return .false
                case .filter: kept.append(element)
                default: break
                }
            case .no:
                if macro == .all { return .false }
            }
            return nil
        }

        /// Adds one element's value for `map`.
        mutating func collect(_ outcome: Outcome) {
            switch outcome {
            case .value(let value): kept.append(value)
            case .unknown: sawUnknown = true
            case .error: if error == nil { error = outcome }
            default: if error == nil { error = .error("'map' can only collect plain values, not \(outcome.result)") }
            }
        }

        func finish(_ macro: Macro) -> Outcome {
            if let error { return error }
            if sawUnknown { return .unknown }
            switch macro {
            case .all: return .true
            case .exists: return .false
            case .existsOne: return Outcome(truth: trues == 1)
            case .count: return .value(.int(trues))
            case .filter, .map: return .value(.list(kept))
            }
        }
    }
}
