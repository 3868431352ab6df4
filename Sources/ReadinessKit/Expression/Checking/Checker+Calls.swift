/// Calls: built-in functions from the registry, the `has` presence test and the list macros.
extension Checker {
    private static let listMacros: [String: Nodes.Macro] = [
        "all": .all, "exists": .exists, "exists_one": .existsOne, "filter": .filter, "map": .map, "count": .count,
    ]

    mutating func call(_ name: String, receiver: Expr?, arguments: [Expr], at offset: Int) -> Checked {
        if name == "has", receiver == nil {
            return presence(arguments, at: offset)
        }
        if let receiver, let macro = Checker.listMacros[name], arguments.count == 2 || macro != .count {
            return listMacro(macro, receiver, arguments, at: offset)
        }
        if FunctionRegistry.function(named: name) == nil, let usage = FunctionRegistry.macros[name] {
            report("expr.syntax", "'\(name)' cannot be called this way", hint: "write it as \(usage)", at: offset)
            return .invalid
        }
        guard let function = FunctionRegistry.function(named: name) else {
            report(
                "expr.unknown-function", "unknown function '\(name)'",
                hint: Suggestion.didYouMean(name, in: FunctionRegistry.callableNames)
                    ?? "see the functions in docs/rule-language.md", at: offset)
            return .invalid
        }
        let argumentExprs = (receiver.map { [$0] } ?? []) + arguments
        guard function.arity.contains(argumentExprs.count) else {
            let expected = function.arity.lowerBound - (receiver == nil ? 0 : 1)
            let given = arguments.count
            report(
                "expr.arity",
                "'\(name)' takes \(expected) argument\(expected == 1 ? "" : "s")\(receiver == nil ? "" : " after the dot"), got \(given)",
                hint: "use it as \(function.usage)", at: offset)
            return .invalid
        }
        let checked = argumentExprs.map { check($0) }
        if checked.contains(where: \.isInvalid) { return .invalid }
        let info = checked.map { BuiltinFunction.Argument(type: $0.type, literal: $0.literalValue) }
        switch function.resolve(info) {
        case .resolved(let type, let implementation):
            var node = Nodes.call(implementation, checked.map(\.node))
            if name == "size", checked.count == 1, case .collection(let ordinal) = checked[0].form {
                node = aggregate(CollectionAggregate(kind: .size, collection: ordinal), node)
            }
            return Checked(
                type: type, node: node,
                kernel: Kernel.call(name, checked.map(\.batch), pattern: info.last?.literal?.stringValue, implementation))
        case .mismatch:
            report(
                "expr.type-mismatch",
                "'\(name)' cannot take (\(checked.map(\.type.description).joined(separator: ", ")))",
                hint: "use it as \(function.usage)", at: offset)
        case .invalid(let argument, let id, let message, let hint):
            report(id, message, hint: hint, at: argumentExprs[argument].start)
        }
        return .invalid
    }

    /// `has(x.f)`, `has(x[k])` or `has(variable)`.
    private mutating func presence(_ arguments: [Expr], at offset: Int) -> Checked {
        guard arguments.count == 1 else {
            report("expr.arity", "'has' takes 1 argument, got \(arguments.count)", hint: "use it as has(record.field)", at: offset)
            return .invalid
        }
        let argument = arguments[0]
        switch argument.kind {
        case .member, .index, .name: break
        default:
            report(
                "expr.type-mismatch", "'has' needs a field, such as has(item.notes)",
                hint: "write the field whose presence you want to test", at: argument.start)
            return .invalid
        }
        let target = check(argument)
        switch target.form {
        case .field(let base, let variable, let slot, let type, let name):
            let node = variable.map { Nodes.hasField(ofVariable: $0, slot: slot, type: type, name: name) }
                ?? Nodes.hasField(of: base, slot: slot, type: type, name: name)
            guard case .field(let field) = target.kernel else { return Checked(type: .bool, node: node) }
            return Checked(type: .bool, node: node, kernel: .has(field))
        case .element(_, let key, let collection?, _):
            return Checked(type: .bool, node: Nodes.hasRecord(key, ordinal: collection))
        case .element(let base, let key, nil, let table):
            return Checked(type: .bool, node: Nodes.hasKey(in: base, key: key, table: table))
        default:
            return Checked(type: .bool, node: Nodes.hasValue(target.node))
        }
    }

    /// `list.all(x, condition)` and the other macros that bind a variable to each element.
    private mutating func listMacro(_ macro: Nodes.Macro, _ receiver: Expr, _ arguments: [Expr], at offset: Int) -> Checked {
        let list = check(receiver)
        let usage = FunctionRegistry.macros[macro.rawValue] ?? macro.rawValue
        guard arguments.count == 2 else {
            report("expr.arity", "'\(macro.rawValue)' takes 2 arguments, got \(arguments.count)", hint: "use it as \(usage)", at: offset)
            return .invalid
        }
        guard case .name(let variable) = arguments[0].kind else {
            report(
                "expr.syntax", "the first argument of '\(macro.rawValue)' must be a variable name",
                hint: "name each element, as in \(usage)", at: arguments[0].start)
            return .invalid
        }
        let element: ExpressionType
        switch list.type {
        case .list(let type): element = type
        case .any, .null: element = .any
        default:
            report("expr.type-mismatch", "'\(macro.rawValue)' needs a list, not \(list.type)", hint: "use it as \(usage)", at: offset)
            return .invalid
        }
        let (body, slot) = withVariable(variable, type: element) { checker, slot in (checker.check(arguments[1]), slot) }
        let type: ExpressionType
        switch macro {
        case .map:
            guard Checker.isStorable(body.type) else {
                report("expr.type-mismatch", "'map' cannot collect \(body.type)", hint: "map each element to a plain value", at: arguments[1].start)
                return .invalid
            }
            type = .list(body.type)
        case .filter:
            requirePredicate(body, macro, at: arguments[1].start)
            type = list.type == .null ? .list(.any) : list.type
        case .count:
            requirePredicate(body, macro, at: arguments[1].start)
            type = .int
        default:
            requirePredicate(body, macro, at: arguments[1].start)
            type = .bool
        }
        let kernel: Kernel.Form = macro == .all || macro == .exists ? .macro(macro, list: list.batch, slot: slot, body: body.batch) : .opaque
        var node = Nodes.macro(macro, over: list.node, slot: slot, body: body.node)
        if case .collection(let ordinal) = list.form, macro == .all || macro == .exists {
            node = aggregate(CollectionAggregate(kind: macro == .all ? .all : .exists, collection: ordinal, slot: slot, body: body.batch), node)
        }
        return Checked(type: type, node: node, kernel: kernel)
    }

    private mutating func requirePredicate(_ body: Checked, _ macro: Nodes.Macro, at offset: Int) {
        guard !body.type.fits(.bool) else { return }
        report(
            "expr.type-mismatch", "the condition of '\(macro.rawValue)' must be true or false, not \(body.type)",
            hint: "compare the element, e.g. x.size_bytes > 0", at: offset)
    }
}
