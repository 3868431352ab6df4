/// Splits expression text into tokens.
///
/// Whitespace, including newlines, only separates tokens. Strings are written in single or
/// double quotes with the escapes `\\ \' \" \n \r \t \uXXXX`; `r'…'` is a raw string in which a
/// backslash is an ordinary character (handy for regular expressions).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every token of the text, ending with `.end`.
    static func tokens(of text: String) throws(ExpressionIssue) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionIssue) -> Token {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let start = position
        guard position < scalars.count else { return Token(kind: .end, start: start, end: start) }
        let scalar = scalars[position]
        if scalar == "r", position + 1 < scalars.count, scalars[position + 1] == "'" || scalars[position + 1] == "\"" {
            position += 1
            return try string(raw: true, from: start)
        }
        if isIdentifierStart(scalar) { return identifier(from: start) }
        if ("0"..."9").contains(scalar) { return try number(from: start) }
        if scalar == "'" || scalar == "\"" { return try string(raw: false, from: start) }
        return try symbol(from: start)
    }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private mutating func identifier(from start: Int) -> Token {
        while position < scalars.count,
            isIdentifierStart(scalars[position]) || ("0"..."9").contains(scalars[position])
        {
            position += 1
        }
        let name = text(from: start)
        let kind: Token.Kind = Keyword.all.contains(name) ? .symbol(name) : .identifier(name)
        return Token(kind: kind, start: start, end: position)
    }

    private mutating func number(from start: Int) throws(ExpressionIssue) -> Token {
        skipDigits()
        var isDecimal = false
        if position + 1 < scalars.count, scalars[position] == ".", ("0"..."9").contains(scalars[position + 1]) {
            isDecimal = true
            position += 1
            skipDigits()
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            isDecimal = true
            position += 1
            if position < scalars.count, scalars[position] == "+" || scalars[position] == "-" { position += 1 }
            let digitsStart = position
            skipDigits()
            if position == digitsStart {
                throw .syntax("number '\(text(from: start))' has no exponent digits", hint: "write an exponent like 1e3", at: start)
            }
        }
        if position < scalars.count, isIdentifierStart(scalars[position]) {
            throw .syntax("unexpected '\(scalars[position])' after a number", hint: "put a space or an operator after the number", at: position)
        }
        let literal = text(from: start)
        if isDecimal, let value = Double(literal), value.isFinite {
            return Token(kind: .number(value), start: start, end: position)
        }
        guard !isDecimal, let value = Int(literal) else {
            throw ExpressionIssue(
                "expr.invalid-literal", "number '\(literal)' is too large",
                hint: "whole numbers must lie between \(Int.min) and \(Int.max)", at: start)
        }
        return Token(kind: .int(value), start: start, end: position)
    }

    private mutating func skipDigits() {
        while position < scalars.count, ("0"..."9").contains(scalars[position]) { position += 1 }
    }

    private mutating func string(raw: Bool, from start: Int) throws(ExpressionIssue) -> Token {
        let quote = scalars[position]
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count, scalars[position] != quote, scalars[position] != "\n" {
            let scalar = scalars[position]
            if scalar == "\\", !raw {
                value.append(try escape())
            } else {
                value.append(scalar)
                position += 1
            }
        }
        guard position < scalars.count, scalars[position] == quote else {
            throw .syntax("unterminated string", hint: "close the string with \(quote) on the same line", at: start)
        }
        position += 1
        return Token(kind: .string(String(value)), start: start, end: position)
    }

    private mutating func escape() throws(ExpressionIssue) -> Unicode.Scalar {
        let start = position
        position += 1
        guard position < scalars.count else {
            throw .syntax("unterminated string", hint: "close the string on the same line", at: start)
        }
        let code = scalars[position]
        position += 1
        switch code {
        case "\\", "'", "\"": return code
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            guard position + 4 <= scalars.count,
                let number = UInt32(String(String.UnicodeScalarView(scalars[position..<(position + 4)])), radix: 16),
                let scalar = Unicode.Scalar(number)
            else {
                throw .syntax("invalid unicode escape", hint: "write \\u followed by four hex digits", at: start)
            }
            position += 4
            return scalar
        default:
            throw .syntax(
                "unknown escape '\\\(code)' in string",
                hint: "write \\\\ for a backslash, or use a raw string r'…' for regular expressions", at: start)
        }
    }

    private static let twoScalarSymbols: Set<String> = ["==", "!=", "<=", ">=", "&&", "||"]
    private static let oneScalarSymbols: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", ">",
    ]

    private mutating func symbol(from start: Int) throws(ExpressionIssue) -> Token {
        if position + 1 < scalars.count {
            let pair = String(String.UnicodeScalarView([scalars[position], scalars[position + 1]]))
            if Lexer.twoScalarSymbols.contains(pair) {
                position += 2
                return Token(kind: .symbol(pair), start: start, end: position)
            }
        }
        let scalar = scalars[position]
        switch scalar {
        case "=": throw .syntax("unexpected '='", hint: "use '==' to compare values", at: start)
        case "&": throw .syntax("unexpected '&'", hint: "use 'and' (or '&&') to combine conditions", at: start)
        case "|": throw .syntax("unexpected '|'", hint: "use 'or' (or '||') to combine conditions", at: start)
        default: break
        }
        guard Lexer.oneScalarSymbols.contains(scalar) else {
            let shown = scalar.properties.isWhitespace || scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : String(scalar)
            throw .syntax("unexpected character '\(shown)'", hint: "remove it or put it inside quotes", at: start)
        }
        position += 1
        return Token(kind: .symbol(String(scalar)), start: start, end: position)
    }

    private func text(from start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<position]))
    }
}
