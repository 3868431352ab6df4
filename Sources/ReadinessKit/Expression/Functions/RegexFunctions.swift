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
        if let problem = nestedRepetition(in: pattern) {
            return .invalid(
                argument: 1, id: "expr.invalid-regex",
                message: "the pattern repeats a group that itself repeats ('\(problem)'); matching it can take exponential time",
                hint: "repeat the inner part only, e.g. write '(a+)+' as 'a+' or '(\\w+\\s?)+' as '[\\w\\s]+'")
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
            // Backtracking takes time polynomial in the text's length even for patterns that pass
            // the check above; a bound on the length keeps one match from running for hours.
            if text.utf8.count > textLimit, text.unicodeScalars.count > textLimit {
                return .error("matches reads at most \(textLimit) characters; this text has \(text.unicodeScalars.count)")
            }
            return Outcome(truth: compiled.matches(text))
        })
    }
}

extension RegexFunctions {
    /// The longest text `matches` reads, in Unicode scalars; a longer text gives an error value.
    static let textLimit = 10_000

    /// The first repeated group that itself holds a repetition of variable length, such as
    /// `(a+)+`, `(\w+\s?)*` or `(.*,){2,}`: the shape behind catastrophic backtracking, in which a
    /// failing match tries exponentially many ways to split the text. `nil` when the pattern has none.
    ///
    /// A scan of the pattern's text, not a parse: escapes, `\Q…\E` and character classes are
    /// skipped. Fixed counts are harmless inside a repeated group (`(\d{3}-)+` passes). It does not
    /// catch every slow pattern (overlapping alternatives such as `(a|a)+` pass), which is why
    /// `matches` also bounds the length of the text.
    static func nestedRepetition(in pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        // For each open group: where it starts and whether it holds a variable-length repetition.
        var groups: [(start: Int, variable: Bool)] = [(0, false)]
        var index = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                index = endOfEscape(scalars, at: index)
            case "[":
                index = endOfClass(scalars, at: index)
            case "(":
                groups.append((index, false))
                index += 1
            case ")":
                let group = groups.count > 1 ? groups.removeLast() : (start: index, variable: false)
                let found = quantifier(scalars, at: index + 1)
                if found.repeats && group.variable {
                    return String(String.UnicodeScalarView(scalars[group.start..<min(found.next, scalars.count)]))
                }
                if found.variable || group.variable { groups[groups.count - 1].variable = true }
                index = max(found.next, index + 1)
            default:
                let found = quantifier(scalars, at: index)
                if found.next > index {
                    if found.variable { groups[groups.count - 1].variable = true }
                    index = found.next
                } else {
                    index += 1
                }
            }
        }
        return nil
    }

    /// The quantifier starting at `index`, if any: whether it allows more than one occurrence,
    /// whether the number of occurrences may vary (`+`, `*`, `{2,}`, `{1,5}`, not `{3}` or `?`),
    /// and the index after it (`index` itself when there is none). A lazy `?` or possessive `+`
    /// after it is included.
    private static func quantifier(_ scalars: [Unicode.Scalar], at index: Int) -> (repeats: Bool, variable: Bool, next: Int) {
        guard index < scalars.count else { return (false, false, index) }
        var repeats = false, variable = false
        var next = index
        switch scalars[index] {
        case "*", "+":
            repeats = true
            variable = true
            next = index + 1
        case "?":
            next = index + 1
        case "{":
            var end = index + 1
            var bounds: [String] = [""]
            while end < scalars.count, scalars[end] != "}" {
                if scalars[end] == "," { bounds.append("") } else { bounds[bounds.count - 1].unicodeScalars.append(scalars[end]) }
                end += 1
            }
            let numbers = bounds.map { $0.filter { $0 != " " } }
            guard end < scalars.count, numbers.count <= 2, numbers.allSatisfy({ $0.isEmpty || Int($0) != nil }),
                !(numbers.first?.isEmpty ?? true) || numbers.count == 2
            else { return (false, false, index) }
            let minimum = Int(numbers[0]) ?? 0
            let maximum = numbers.count == 1 ? minimum : Int(numbers[1])
            repeats = maximum.map { $0 > 1 } ?? true
            variable = maximum.map { $0 > minimum && $0 > 1 } ?? true
            next = end + 1
        default:
            return (false, false, index)
        }
        if next < scalars.count, scalars[next] == "?" || scalars[next] == "+" { next += 1 }
        return (repeats, variable, next)
    }

    /// The index after an escape starting at `index`: `\x`, `\p{…}`-style escapes with braces, or a `\Q…\E` literal run.
    private static func endOfEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        guard index + 1 < scalars.count else { return scalars.count }
        let code = scalars[index + 1]
        if code == "Q" {
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == "\\" && scalars[end + 1] == "E") { end += 1 }
            return min(end + 2, scalars.count)
        }
        if "pPxuNkgo".unicodeScalars.contains(code), index + 2 < scalars.count, scalars[index + 2] == "{" {
            var end = index + 3
            while end < scalars.count, scalars[end] != "}" { end += 1 }
            return min(end + 1, scalars.count)
        }
        return index + 2
    }

    /// The index after a character class starting at `index`, allowing nested classes and escapes.
    private static func endOfClass(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        var depth = 0
        var end = index
        while end < scalars.count {
            switch scalars[end] {
            case "\\": end += 2
                continue
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return end + 1 }
            default: break
            }
            end += 1
        }
        return scalars.count
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
