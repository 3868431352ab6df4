/// `matches`: whether text matches a regular expression, compiled once when the rule is compiled.
///
/// The pattern must be a string literal (a raw string `r'…'` saves doubling backslashes). It
/// matches anywhere in the text; anchor it with `^…$` to match the whole text.
enum RegexFunctions {
    static let all = [matches]

    static let matches = BuiltinFunction(
        name: "matches", usage: "text.matches(r'pattern')",
        summary: "Whether the text matches the regular expression anywhere (use ^…$ to match it all).",
        arity: 2...2
    ) { arguments in
        guard arguments[0].type.fits(.string), arguments[1].type.fits(.string) else { return .mismatch }
        guard case .string(let pattern)? = arguments[1].literal else {
            return .invalid(
                argument: 1, id: "expr.invalid-regex", message: "the pattern of 'matches' must be a string literal",
                hint: "write the pattern in quotes, e.g. text.matches(r'^E-[0-9]+$')")
        }
        let compiled: CompiledPattern
        do {
            compiled = CompiledPattern(try Regex(pattern))
        } catch {
            return .invalid(
                argument: 1, id: "expr.invalid-regex", message: "invalid regular expression '\(pattern)'",
                hint: "fix the pattern: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        return .resolved(.bool, .unary { text in
            guard case .value(.string(let text)) = text else { return .error("matches needs a string") }
            return Outcome(truth: compiled.matches(text))
        })
    }
}

/// A compiled regular expression, shared read-only by every evaluation.
struct CompiledPattern: @unchecked Sendable {
    // `Regex` is immutable once built; it is only read here, from any thread.
    private let regex: Regex<AnyRegexOutput>

    /// Wraps a regex and runs it once, so its lazily built matching program exists before any
    /// evaluation shares it.
    init(_ regex: Regex<AnyRegexOutput>) {
        self.regex = regex
        _ = "".contains(regex)
    }

    func matches(_ text: String) -> Bool { text.contains(regex) }
}
