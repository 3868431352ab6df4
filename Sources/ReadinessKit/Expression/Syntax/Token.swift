/// A lexical token of the rule language, with its position as Unicode-scalar offsets in the text.
struct Token: Equatable, Sendable {
    /// What kind of token this is.
    enum Kind: Equatable, Sendable {
        case identifier(String)
        case int(Int)
        case number(Double)
        case string(String)
        /// A keyword or punctuation mark, spelt as written (`and`, `==`, `(`); `&&` and `and` stay distinct.
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Offset of the first scalar of the token.
    var start: Int
    /// Offset just past the last scalar of the token.
    var end: Int

    /// Whether this token is the given symbol or keyword.
    func isSymbol(_ text: String) -> Bool {
        if case .symbol(let symbol) = kind { return symbol == text }
        return false
    }

    /// How the token is shown in syntax errors, e.g. `')'` or `end of expression`.
    var display: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .int(let value): "'\(value)'"
        case .number(let value): "'\(value.formatted())'"
        case .string: "a string"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }
}

/// Words the lexer turns into symbols rather than identifiers.
enum Keyword {
    static let all: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
}
