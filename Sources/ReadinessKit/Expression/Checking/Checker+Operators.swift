/// Type rules for operators, conditionals and list and map literals.
extension Checker {
    mutating func unary(_ op: UnaryOperator, _ operandExpr: Expr, at offset: Int) -> Checked {
        let operand = check(operandExpr)
        switch op {
        case .not:
            requireBool(operand, for: "not", at: offset)
            return Checked(type: .bool, node: Nodes.not(operand.node), kernel: .not(operand.batch))
        case .negate:
            switch (operand.type, operand.constant) {
            case (.int, .value(.int(let value))?) where value != Int.min: return .literal(.int(-value), .int)
            case (.number, .value(.number(let value))?): return .literal(.number(-value), .number)
            case (.int, _), (.number, _), (.duration, _), (.any, _), (.null, _):
                return Checked(type: operand.type == .null ? .any : operand.type, node: Nodes.negate(operand.node))
            default:
                report("expr.type-mismatch", "cannot negate \(operand.type)", hint: "'-' applies to numbers and durations", at: offset)
                return .invalid
            }
        }
    }

    private mutating func requireBool(_ operand: Checked, for op: String, at offset: Int) {
        guard !operand.type.fits(.bool) else { return }
        report(
            "expr.type-mismatch", "'\(op)' needs true or false, not \(operand.type)",
            hint: "compare the value to get true or false, e.g. x > 0 or has(x)", at: offset)
    }

    mutating func binary(_ op: BinaryOperator, _ leftExpr: Expr, _ rightExpr: Expr, at offset: Int) -> Checked {
        let left = check(leftExpr)
        let right = check(rightExpr)
        switch op {
        case .and, .or:
            requireBool(left, for: op.rawValue, at: offset)
            requireBool(right, for: op.rawValue, at: offset)
            return Checked(
                type: .bool, node: op == .and ? Nodes.and(left.node, right.node) : Nodes.or(left.node, right.node),
                kernel: op == .and ? .and(left.batch, right.batch) : .or(left.batch, right.batch))
        case .equal, .notEqual:
            return equality(op, left, right, leftExpr, rightExpr, at: offset)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard left.type.isOrderable(with: right.type) || left.type == .null || right.type == .null else {
                return mismatch("cannot compare \(left.type) \(op.rawValue) \(right.type)", left.type, right.type, at: offset)
            }
            return Checked(type: .bool, node: Nodes.order(op, left.node, right.node), kernel: .order(op, left.batch, right.batch))
        case .in:
            return membership(left, right, leftExpr, rightExpr, at: offset)
        default:
            return arithmetic(op, left, right, at: offset)
        }
    }

    private mutating func mismatch(_ message: String, _ left: ExpressionType, _ right: ExpressionType, at offset: Int) -> Checked {
        let hint: String
        switch (left, right) {
        case (.time, .string), (.string, .time):
            hint = "write a date as date('YYYY-MM-DD') or a moment as timestamp('YYYY-MM-DDTHH:MM:SSZ')"
        case (.time, .int), (.int, .time):
            hint = "write a length of time as days(n)"
        default:
            hint = "both sides must be of comparable types (numbers, text, times, durations)"
        }
        report("expr.type-mismatch", message, hint: hint, at: offset)
        return .invalid
    }

    private mutating func equality(
        _ op: BinaryOperator, _ left: Checked, _ right: Checked, _ leftExpr: Expr, _ rightExpr: Expr, at offset: Int
    ) -> Checked {
        if left.type == .null || right.type == .null {
            report(
                "expr.type-mismatch", "comparing with 'null' is always unknown",
                hint: "use has(…) to test whether a fact is present", at: offset)
            return .invalid
        }
        guard left.type.isComparable(with: right.type) else {
            return mismatch("cannot compare \(left.type) \(op.rawValue) \(right.type)", left.type, right.type, at: offset)
        }
        checkEnumLiteral(rightExpr, against: left.type)
        checkEnumLiteral(leftExpr, against: right.type)
        let negated = op == .notEqual
        let kernel = Kernel.Form.equal(left.batch, right.batch, negated: negated)
        for (subject, literal) in [(left, rightExpr), (right, leftExpr)] {
            if case .literal(.bool(let flag)) = literal.kind, subject.type == .bool {
                return Checked(type: .bool, node: Nodes.truth(of: subject.node, is: flag != negated), kernel: .truth(subject.batch, flag != negated))
            }
            guard let text = literal.stringLiteral else { continue }
            if case .field(_, let variable?, let slot, let type, let name) = subject.form {
                let node = Nodes.field(variable: variable, slot: slot, type: type, name: name, isOneOf: [text], negated: negated)
                return Checked(type: .bool, node: node, kernel: kernel)
            }
            return Checked(type: .bool, node: Nodes.equal(subject.node, text: text, negated: negated), kernel: kernel)
        }
        return Checked(type: .bool, node: Nodes.equal(left.node, right.node, negated: negated), kernel: kernel)
    }

    private mutating func membership(
        _ left: Checked, _ right: Checked, _ leftExpr: Expr, _ rightExpr: Expr, at offset: Int
    ) -> Checked {
        let kernel = Kernel.Form.membership(left.batch, right.batch)
        switch right.type {
        case .list(let element) where left.type.isComparable(with: element) && left.type != .null:
            checkEnumLiteral(leftExpr, against: element)
            if case .list(let elements) = rightExpr.kind {
                for element in elements { checkEnumLiteral(element, against: left.type) }
            }
            if left.type.isStringLike, case .value(.list(let values))? = right.constant {
                let texts = values.compactMap(\.stringValue)
                if texts.count == values.count {
                    if case .field(_, let variable?, let slot, let type, let name) = left.form {
                        let node = Nodes.field(variable: variable, slot: slot, type: type, name: name, isOneOf: texts, negated: false)
                        return Checked(type: .bool, node: node, kernel: kernel)
                    }
                    return Checked(type: .bool, node: Nodes.isOneOf(left.node, texts), kernel: kernel)
                }
            }
            return Checked(type: .bool, node: Nodes.membership(left.node, right.node, table: nil), kernel: kernel)
        case .map where left.type.fits(.string), .any where left.type.fits(.string):
            return Checked(type: .bool, node: Nodes.membership(left.node, right.node, table: nil))
        case .table where left.type.fits(.string):
            guard case .table(let table) = right.form else { return undeclared(right.type, at: offset) }
            return Checked(type: .bool, node: Nodes.membership(left.node, right.node, table: table))
        default:
            report(
                "expr.type-mismatch", "cannot test whether \(left.type) is in \(right.type)",
                hint: "'in' tests membership of a list, or a key of a map or table", at: offset)
            return .invalid
        }
    }

    /// Reports a string literal compared with an enumeration that is not one of its cases.
    mutating func checkEnumLiteral(_ expr: Expr, against type: ExpressionType) {
        guard case .enumeration(let enumeration) = type, let text = expr.stringLiteral,
            !enumeration.cases.contains(text)
        else { return }
        report(
            "expr.unknown-enum-case", "unknown \(enumeration.name) '\(text)'",
            hint: Suggestion.didYouMean(text, in: enumeration.cases)
                ?? "\(enumeration.name) is one of \(enumeration.cases.map { "'\($0)'" }.joined(separator: ", "))",
            at: expr.start)
    }

    private mutating func arithmetic(_ op: BinaryOperator, _ left: Checked, _ right: Checked, at offset: Int) -> Checked {
        guard let type = Checker.arithmeticType(op, left.type, right.type) else {
            report(
                "expr.type-mismatch", "cannot compute \(left.type) \(op.rawValue) \(right.type)",
                hint: "arithmetic works on numbers; times take durations, e.g. as_of - days(30)", at: offset)
            return .invalid
        }
        return Checked(type: type, node: Nodes.arithmetic(op, left.node, right.node))
    }

    /// The type of `left op right`, or `nil` when the operator does not apply.
    static func arithmeticType(_ op: BinaryOperator, _ left: ExpressionType, _ right: ExpressionType) -> ExpressionType? {
        switch (op, left, right) {
        case (_, .any, _), (_, _, .any), (_, .null, _), (_, _, .null): .any
        case (_, .int, .int): .int
        case (_, let a, let b) where a.isNumeric && b.isNumeric: .number
        case (.add, let a, let b) where a.isStringLike && b.isStringLike: .string
        case (.add, .list(let a), .list(let b)) where a.isComparable(with: b): .list(a == .any ? b : a)
        case (.add, .time, .duration), (.add, .duration, .time), (.subtract, .time, .duration): .time
        case (.subtract, .time, .time), (.add, .duration, .duration), (.subtract, .duration, .duration): .duration
        default: nil
        }
    }

    mutating func conditional(_ conditionExpr: Expr, _ thenExpr: Expr, _ otherwiseExpr: Expr, at offset: Int) -> Checked {
        let condition = check(conditionExpr)
        requireBool(condition, for: "?", at: offset)
        let then = check(thenExpr)
        let otherwise = check(otherwiseExpr)
        guard let type = Checker.unify(then.type, otherwise.type) else {
            report(
                "expr.type-mismatch", "the branches of '? :' give different types, \(then.type) and \(otherwise.type)",
                hint: "make both branches give the same type", at: offset)
            return .invalid
        }
        return Checked(type: type, node: Nodes.conditional(condition.node, then.node, otherwise.node))
    }

    /// A type both types fit, or `nil`.
    static func unify(_ a: ExpressionType, _ b: ExpressionType) -> ExpressionType? {
        switch (a, b) {
        case _ where a == b: a
        case (.null, _), (.any, _): b
        case (_, .null), (_, .any): a
        case _ where a.isNumeric && b.isNumeric: .number
        case _ where a.isStringLike && b.isStringLike: .string
        case (.list(let x), .list(let y)): unify(x, y).map(ExpressionType.list)
        default: nil
        }
    }

    /// Whether values of the type can be stored in a list or map.
    static func isStorable(_ type: ExpressionType) -> Bool {
        switch type {
        case .duration, .map, .table, .tableRow: false
        case .list(let element): isStorable(element)
        default: true
        }
    }

    mutating func list(_ elementExprs: [Expr], at offset: Int) -> Checked {
        var type: ExpressionType = .any
        var nodes: [Node] = []
        var constants: [Value] = []
        for (position, expr) in elementExprs.enumerated() {
            let element = check(expr)
            nodes.append(element.node)
            if let value = element.literalValue { constants.append(value) }
            guard Checker.isStorable(element.type) else {
                report("expr.type-mismatch", "a list cannot hold \(element.type)", hint: "list plain values such as text, numbers and dates", at: expr.start)
                return .invalid
            }
            guard let unified = position == 0 ? element.type : Checker.unify(type, element.type) else {
                report("expr.type-mismatch", "a list cannot mix \(type) and \(element.type)", hint: "give every element the same type", at: expr.start)
                return .invalid
            }
            type = unified
        }
        let listType = ExpressionType.list(type == .null ? .any : type)
        if constants.count == nodes.count { return .literal(.list(constants), listType) }
        return Checked(type: listType, node: Nodes.list(nodes))
    }

    mutating func map(_ entries: [Expr.MapEntry], at offset: Int) -> Checked {
        var type: ExpressionType = .any
        var nodes: [(key: Node, value: Node)] = []
        for (position, entry) in entries.enumerated() {
            let key = check(entry.key)
            let value = check(entry.value)
            guard key.type.fits(.string), key.type != .null else {
                report("expr.type-mismatch", "map keys must be strings, not \(key.type)", hint: "quote the key, e.g. {'9th': 1}", at: entry.key.start)
                return .invalid
            }
            guard Checker.isStorable(value.type), let unified = position == 0 ? value.type : Checker.unify(type, value.type) else {
                report("expr.type-mismatch", "a map cannot hold \(value.type) here", hint: "give every value the same plain type", at: entry.value.start)
                return .invalid
            }
            type = unified
            nodes.append((key.node, value.node))
        }
        return Checked(type: .map(type == .null ? .any : type), node: Nodes.map(nodes))
    }
}
