/// Text tests and conversions: `startsWith`, `endsWith`, `contains` and `lower`.
///
/// Comparisons are exact (case-sensitive); use `lower()` first to ignore case.
enum StringFunctions {
    static let all = [startsWith, endsWith, contains, lower]

    static let startsWith = test("startsWith", argument: "prefix", "Whether the text begins with the prefix.") { $0.hasPrefix($1) }
    static let endsWith = test("endsWith", argument: "suffix", "Whether the text ends with the suffix.") { $0.hasSuffix($1) }
    static let contains = test("contains", argument: "part", "Whether the text contains the part anywhere.") {
        $1.isEmpty || $0.contains($1)
    }

    static let lower = BuiltinFunction(
        name: "lower", usage: "text.lower()", summary: "The text in lower case.", arity: 1...1
    ) { arguments in
        guard arguments[0].type.fits(.string) else { return .mismatch }
        if case .string(let text)? = arguments[0].literal { return .resolved(.string, .constant(.value(.string(text.lowercased())))) }
        return .resolved(.string, .unary { argument in
            guard case .value(.string(let text)) = argument else { return .error("lower needs a string") }
            return .value(.string(text.lowercased()))
        })
    }

    private static func test(
        _ name: String, argument: String, _ summary: String, _ body: @escaping @Sendable (String, String) -> Bool
    ) -> BuiltinFunction {
        BuiltinFunction(name: name, usage: "text.\(name)(\(argument))", summary: summary, arity: 2...2) { arguments in
            guard arguments[0].type.fits(.string), arguments[1].type.fits(.string) else { return .mismatch }
            return .resolved(.bool, .binary { text, part in
                guard case .value(.string(let text)) = text, case .value(.string(let part)) = part else {
                    return .error("\(name) needs strings")
                }
                return Outcome(truth: body(text, part))
            })
        }
    }
}
