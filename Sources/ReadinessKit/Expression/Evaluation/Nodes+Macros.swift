/// The list macros `all`, `exists`, `exists_one`, `count`, `filter` and `map`.
///
/// Each element is bound to the macro's variable slot in turn, and each counts one step of the
/// evaluation budget. `all` is false as soon as one element is false and `exists` true as soon as
/// one is true, whatever the others are; otherwise errors win over unknown, and unknown over a
/// definite answer. `exists_one` is false once two elements are true.
extension Nodes {
    /// Which macro a node runs.
    enum Macro: String, Sendable {
        case all, exists, existsOne = "exists_one", count, filter, map
    }

    static func macro(_ macro: Macro, over list: Node, slot: Int, body: Node) -> Node {
        Node { context in
            let outcome = list.run(&context)
            guard case .value(.list(let elements)) = outcome else {
                return outcome.isUnknownOrError ? outcome : .error("'\(macro.rawValue)' needs a list, not \(outcome.result)")
            }
            while context.variables.count <= slot { context.variables.append(.null) }
            var tally = Tally()
            for element in elements {
                if let stop = context.step() { return stop }
                context.variables[slot] = element
                let result = body.run(&context)
                if let decided = tally.add(result, element: element, for: macro) { return decided }
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

        /// Adds one element's result; returns the macro's outcome if it is already decided.
        mutating func add(_ result: Outcome, element: Value, for macro: Macro) -> Outcome? {
            switch result {
            case .unknown: sawUnknown = true
            case .error: if error == nil { error = result }
            case .value(.bool(let flag)) where macro != .map:
                if flag { trues += 1 }
                switch macro {
                case .all where !flag: return .false
                case .exists where flag: return .true
                case .existsOne where trues > 1: return .false
                case .filter where flag: kept.append(element)
                default: break
                }
            case .value(let value) where macro == .map: kept.append(value)
            default:
                if error == nil {
                    error = .error(macro == .map ? "'map' can only collect plain values, not \(result.result)" : "the condition of '\(macro.rawValue)' must be true or false, not \(result.result)")
                }
            }
            return nil
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
