/// Parses tokens into an `Expr` by recursive descent, one function per precedence level.
///
/// Precedence, loosest first: `? :`, `or`/`||`, `and`/`&&`, the word `not`, comparisons and
/// `in`, `+ -`, `* / %`, the prefix operators `!` and `-`, then member access, indexing and calls.
/// The word `not` binds looser than comparisons, so `not a == b` means `not (a == b)`.
struct Parser {
    /// The deepest nesting accepted, counting brackets, prefix operators and each operator of a
    /// chain such as `a or b or c`; deeper expressions get `expr.too-complex`.
    static let maxDepth = 100

    private let tokens: [Token]
    private var position = 0
    private var depth = 0

    private init(tokens: [Token]) { self.tokens = tokens }

    /// Parses the whole text as one expression.
    static func parse(_ text: String) throws(ExpressionIssue) -> Expr {
        var parser = Parser(tokens: try Lexer.tokens(of: text))
        let expression = try parser.conditional()
        guard case .end = parser.current.kind else {
            throw .syntax(
                "unexpected \(parser.current.display) after the end of the expression",
                hint: "join conditions with 'and' or 'or'", at: parser.current.start)
        }
        return expression
    }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ symbols: String...) -> Token? {
        for symbol in symbols where current.isSymbol(symbol) { return advance() }
        return nil
    }

    private mutating func expect(_ symbol: String, closing opener: Token? = nil) throws(ExpressionIssue) {
        if accept(symbol) != nil { return }
        let context = opener.map { " to close '\(symbolText($0))'" } ?? ""
        throw .syntax(
            "expected '\(symbol)'\(context), found \(current.display)",
            hint: "check that brackets and quotes are balanced", at: current.start)
    }

    private func symbolText(_ token: Token) -> String {
        if case .symbol(let text) = token.kind { return text }
        return ""
    }

    /// Deepens the nesting by one for an operator of a chain; the caller restores it.
    private mutating func deepen() throws(ExpressionIssue) {
        depth += 1
        guard depth <= Parser.maxDepth else {
            throw .tooComplex("expression nests deeper than \(Parser.maxDepth) levels", at: current.start)
        }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(ExpressionIssue) -> T) throws(ExpressionIssue) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Parser.maxDepth else {
            throw .tooComplex("expression nests deeper than \(Parser.maxDepth) levels", at: current.start)
        }
        return try body(&self)
    }

    private mutating func conditional() throws(ExpressionIssue) -> Expr {
        try nested { (parser: inout Parser) throws(ExpressionIssue) in
            let condition = try parser.or()
            guard let question = parser.accept("?") else { return condition }
            let then = try parser.conditional()
            try parser.expect(":", closing: question)
            let otherwise = try parser.conditional()
            return Expr(kind: .conditional(condition, then, otherwise), start: condition.start, offset: question.start)
        }
    }

    private mutating func or() throws(ExpressionIssue) -> Expr {
        var left = try and()
        let depthBefore = depth
        defer { depth = depthBefore }
        while let token = accept("or", "||") {
            try deepen()
            let right = try and()
            left = Expr(kind: .binary(.or, left, right), start: left.start, offset: token.start)
        }
        return left
    }

    private mutating func and() throws(ExpressionIssue) -> Expr {
        var left = try notWord()
        let depthBefore = depth
        defer { depth = depthBefore }
        while let token = accept("and", "&&") {
            try deepen()
            let right = try notWord()
            left = Expr(kind: .binary(.and, left, right), start: left.start, offset: token.start)
        }
        return left
    }

    private mutating func notWord() throws(ExpressionIssue) -> Expr {
        guard let token = accept("not") else { return try relation() }
        let operand = try nested { (parser: inout Parser) throws(ExpressionIssue) in try parser.notWord() }
        return Expr(kind: .unary(.not, operand), start: token.start, offset: token.start)
    }

    private static let relations: [String: BinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "in": .in,
    ]

    private mutating func relation() throws(ExpressionIssue) -> Expr {
        var left = try additive()
        let depthBefore = depth
        defer { depth = depthBefore }
        while case .symbol(let symbol) = current.kind, let op = Parser.relations[symbol] {
            let token = advance()
            try deepen()
            let right = try additive()
            left = Expr(kind: .binary(op, left, right), start: left.start, offset: token.start)
        }
        return left
    }

    private mutating func additive() throws(ExpressionIssue) -> Expr {
        var left = try multiplicative()
        let depthBefore = depth
        defer { depth = depthBefore }
        while let token = accept("+", "-") {
            try deepen()
            let right = try multiplicative()
            let op: BinaryOperator = token.isSymbol("+") ? .add : .subtract
            left = Expr(kind: .binary(op, left, right), start: left.start, offset: token.start)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionIssue) -> Expr {
        var left = try unary()
        let depthBefore = depth
        defer { depth = depthBefore }
        while let token = accept("*", "/", "%") {
            try deepen()
            let right = try unary()
            let op: BinaryOperator = token.isSymbol("*") ? .multiply : token.isSymbol("/") ? .divide : .remainder
            left = Expr(kind: .binary(op, left, right), start: left.start, offset: token.start)
        }
        return left
    }

    private mutating func unary() throws(ExpressionIssue) -> Expr {
        guard let token = accept("!", "-", "not") else { return try postfix() }
        let operand = try nested { (parser: inout Parser) throws(ExpressionIssue) in try parser.unary() }
        let op: UnaryOperator = token.isSymbol("-") ? .negate : .not
        return Expr(kind: .unary(op, operand), start: token.start, offset: token.start)
    }

    private mutating func postfix() throws(ExpressionIssue) -> Expr {
        var base = try primary()
        let depthBefore = depth
        defer { depth = depthBefore }
        while true {
            try deepen()
            if accept(".") != nil {
                let nameToken = advance()
                guard case .identifier(let name) = nameToken.kind else {
                    throw .syntax(
                        "expected a field or function name after '.', found \(nameToken.display)",
                        hint: "write a name such as item.id", at: nameToken.start)
                }
                if let open = accept("(") {
                    let arguments = try self.arguments(closing: open, end: ")")
                    base = Expr(kind: .call(name: name, receiver: base, arguments: arguments), start: base.start, offset: nameToken.start)
                } else {
                    base = Expr(kind: .member(base, field: name), start: base.start, offset: nameToken.start)
                }
            } else if let open = accept("[") {
                let key = try conditional()
                try expect("]", closing: open)
                base = Expr(kind: .index(base, key: key), start: base.start, offset: open.start)
            } else {
                return base
            }
        }
    }

    private mutating func arguments(closing open: Token, end: String) throws(ExpressionIssue) -> [Expr] {
        var items: [Expr] = []
        while accept(end) == nil {
            items.append(try conditional())
            if accept(",") == nil {
                try expect(end, closing: open)
                break
            }
        }
        return items
    }

    private mutating func primary() throws(ExpressionIssue) -> Expr {
        let token = advance()
        switch token.kind {
        case .int(let value): return Expr(kind: .literal(.int(value)), start: token.start, offset: token.start)
        case .number(let value): return Expr(kind: .literal(.number(value)), start: token.start, offset: token.start)
        case .string(let value): return Expr(kind: .literal(.string(value)), start: token.start, offset: token.start)
        case .identifier(let name):
            guard let open = accept("(") else { return Expr(kind: .name(name), start: token.start, offset: token.start) }
            let arguments = try self.arguments(closing: open, end: ")")
            return Expr(kind: .call(name: name, receiver: nil, arguments: arguments), start: token.start, offset: token.start)
        case .symbol("true"): return Expr(kind: .literal(.bool(true)), start: token.start, offset: token.start)
        case .symbol("false"): return Expr(kind: .literal(.bool(false)), start: token.start, offset: token.start)
        case .symbol("null"): return Expr(kind: .literal(.null), start: token.start, offset: token.start)
        case .symbol("("):
            let inner = try conditional()
            try expect(")", closing: token)
            return inner
        case .symbol("["):
            let elements = try nested { (parser: inout Parser) throws(ExpressionIssue) in
                try parser.arguments(closing: token, end: "]")
            }
            return Expr(kind: .list(elements), start: token.start, offset: token.start)
        case .symbol("{"):
            return try nested { (parser: inout Parser) throws(ExpressionIssue) in try parser.map(open: token) }
        default:
            throw .syntax("expected a value, found \(token.display)", hint: primaryHint(token), at: token.start)
        }
    }

    private func primaryHint(_ token: Token) -> String {
        if case .end = token.kind { return "complete the expression" }
        if case .symbol(let symbol) = token.kind, Keyword.all.contains(symbol) {
            return "'\(symbol)' is a keyword; put a value before and after it"
        }
        return "write a name, a literal or a parenthesised expression here"
    }

    private mutating func map(open: Token) throws(ExpressionIssue) -> Expr {
        var entries: [Expr.MapEntry] = []
        while accept("}") == nil {
            let key = try conditional()
            try expect(":", closing: open)
            entries.append(Expr.MapEntry(key: key, value: try conditional()))
            if accept(",") == nil {
                try expect("}", closing: open)
                break
            }
        }
        return Expr(kind: .map(entries), start: open.start, offset: open.start)
    }
}
