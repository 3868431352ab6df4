/// A matcher for the common subset of regular expressions, run on the bytes of plain text (see
/// `PlainText`) with the answer Swift's `Regex` gives for `text.contains(regex)`.
///
/// The subset: `^` first and `$` last; literal characters and escaped punctuation; `.` (any
/// character but `\n`, `\v`, `\f`, `\r`); `\d`, `\w`, `\s` and their negations; classes such as
/// `[0-9a-f]` or `[^,]` of letters, digits, ranges, escapes and simple punctuation; each atom
/// optionally followed by `?`, `*`, `+`, `{n}`, `{n,}` or `{n,m}`. No groups, alternation or
/// lazy or possessive quantifiers. The pattern becomes a DFA over ASCII bytes when it is compiled.
struct ByteMatcher: Sendable {
    /// The next state for each state and byte, `state * 128 + byte`.
    private let transitions: [Int32]
    /// Whether each state has matched.
    private let accepting: [Bool]
    /// The state with no way to match, when the pattern is anchored at the start.
    private let dead: Int32?
    /// Whether a match must end at the end of the text.
    private let anchoredEnd: Bool
    /// For a pattern anchored at both ends whose atoms are each taken once (`^[0-9a-f]{64}$`):
    /// the bytes atom `i` takes, `i * 128 + byte`. Testing each byte against its own atom needs
    /// no chain of state lookups, so it runs several times faster than the DFA.
    private let fixedAtoms: [Bool]?

    /// The longest expanded pattern, in atoms, and the most DFA states built.
    static let atomLimit = 255
    static let stateLimit = 1_024

    /// `nil` when the pattern is outside the subset or its DFA would be too large.
    init?(_ pattern: String) {
        guard let parsed = Pattern(pattern) else { return nil }
        var automaton = Automaton(parsed)
        guard let (transitions, accepting) = automaton.build() else { return nil }
        self.transitions = transitions
        self.accepting = accepting
        self.dead = automaton.deadState
        self.anchoredEnd = parsed.anchoredEnd
        let fixed = parsed.anchoredStart && parsed.anchoredEnd && parsed.atoms.allSatisfy { $0.count == .one }
        self.fixedAtoms = fixed ? parsed.atoms.flatMap(\.bytes) : nil
    }

    /// Whether the pattern matches somewhere in `bytes`, which must be plain.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let fixedAtoms {
            guard bytes.count * 128 == fixedAtoms.count else { return false }
            return fixedAtoms.withUnsafeBufferPointer { atoms in
                var row = 0
                for byte in bytes {
                    guard atoms[row &+ Int(byte & 0x7F)] else { return false }
                    row &+= 128
                }
                return true
            }
        }
        let dead = dead ?? -1
        return transitions.withUnsafeBufferPointer { transitions in
            accepting.withUnsafeBufferPointer { accepting in
                var state: Int32 = 0
                if anchoredEnd {
                    // Only the state after the last byte counts.
                    for byte in bytes {
                        state = transitions[Int(state) &* 128 &+ Int(byte & 0x7F)]
                        if state == dead { return false }
                    }
                    return accepting[Int(state)]
                }
                if accepting[0] { return true }
                for byte in bytes {
                    state = transitions[Int(state) &* 128 &+ Int(byte & 0x7F)]
                    if state == dead { return false }
                    if accepting[Int(state)] { return true }
                }
                return false
            }
        }
    }
}

extension ByteMatcher {
    /// One atom of the expanded pattern: the bytes it takes, and how often.
    struct Atom {
        enum Count { case one, optional, any }
        var bytes: [Bool]
        var count: Count
    }

    /// A pattern of the subset, with its quantifiers expanded into atoms taken once, at most once or any number of times.
    struct Pattern {
        var atoms: [Atom] = []
        var anchoredStart = false
        var anchoredEnd = false

        init?(_ pattern: String) {
            var scalars = Array(pattern.unicodeScalars)[...]
            guard scalars.allSatisfy(\.isASCII) else { return nil }
            if scalars.first == "^" {
                anchoredStart = true
                scalars.removeFirst()
            }
            if scalars.last == "$", scalars.dropLast().reversed().prefix(while: { $0 == "\\" }).count % 2 == 0 {
                anchoredEnd = true
                scalars.removeLast()
            }
            while !scalars.isEmpty {
                guard let bytes = Self.atom(&scalars), let (minimum, maximum) = Self.quantifier(&scalars) else { return nil }
                atoms += repeatElement(Atom(bytes: bytes, count: .one), count: minimum)
                if let maximum {
                    atoms += repeatElement(Atom(bytes: bytes, count: .optional), count: maximum - minimum)
                } else {
                    atoms.append(Atom(bytes: bytes, count: .any))
                }
                guard atoms.count <= ByteMatcher.atomLimit else { return nil }
            }
        }

        private static let punctuation = Set("!\"#%&',-./:;<=>@_`~ ".unicodeScalars)
        private static let metacharacters = Set("\\^$.|?*+()[]{}".unicodeScalars)

        /// The bytes the next atom takes.
        private static func atom(_ scalars: inout ArraySlice<Unicode.Scalar>) -> [Bool]? {
            let first = scalars.removeFirst()
            switch first {
            case ".": return set { $0 != 0x0A && $0 != 0x0B && $0 != 0x0C && $0 != 0x0D }
            case "[": return characterClass(&scalars)
            case "\\": return escape(&scalars)
            default:
                guard first.properties.isAlphabetic || ("0"..."9").contains(first) || punctuation.contains(first) else { return nil }
                return set { $0 == UInt8(first.value) }
            }
        }

        /// `\d`, `\w`, `\s`, their negations, or escaped punctuation.
        private static func escape(_ scalars: inout ArraySlice<Unicode.Scalar>) -> [Bool]? {
            guard let code = scalars.popFirst() else { return nil }
            let digit: (UInt8) -> Bool = { (0x30...0x39).contains($0) }
            let word: (UInt8) -> Bool = { digit($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x5F }
            let space: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
            switch code {
            case "d": return set(digit)
            case "D": return set { !digit($0) }
            case "w": return set(word)
            case "W": return set { !word($0) }
            case "s": return set(space)
            case "S": return set { !space($0) }
            default:
                guard metacharacters.contains(code) || code == "-" || code == "/" else { return nil }
                return set { $0 == UInt8(code.value) }
            }
        }

        /// A class after its `[`: letters, digits, ranges between two of the same kind, escaped
        /// punctuation and plain punctuation, optionally negated.
        private static func characterClass(_ scalars: inout ArraySlice<Unicode.Scalar>) -> [Bool]? {
            var members = [Bool](repeating: false, count: 128)
            let negated = scalars.first == "^"
            if negated { scalars.removeFirst() }
            var empty = true
            while let next = scalars.popFirst() {
                if next == "]", !empty { return negated ? members.map { !$0 } : members }
                empty = false
                if next == "\\" {
                    guard let code = scalars.popFirst(), metacharacters.contains(code) || code == "-" else { return nil }
                    members[Int(code.value)] = true
                    continue
                }
                guard let kind = kind(next) else {
                    guard punctuation.contains(next), next != "&", next != "~", next != "-" else { return nil }
                    members[Int(next.value)] = true
                    continue
                }
                if scalars.first == "-", let upper = scalars.dropFirst().first, upper != "]" {
                    guard self.kind(upper) == kind, next.value <= upper.value else { return nil }
                    scalars.removeFirst(2)
                    for value in next.value...upper.value { members[Int(value)] = true }
                } else {
                    members[Int(next.value)] = true
                }
            }
            return nil
        }

        /// Digits, lower-case and upper-case letters: the kinds a range may span.
        private static func kind(_ scalar: Unicode.Scalar) -> Int? {
            switch scalar {
            case "0"..."9": 0
            case "a"..."z": 1
            case "A"..."Z": 2
            default: nil
            }
        }

        /// The quantifier after an atom, as (minimum, maximum or `nil` for unbounded); (1, 1) when there is none.
        private static func quantifier(_ scalars: inout ArraySlice<Unicode.Scalar>) -> (Int, Int?)? {
            let bounds: (Int, Int?)
            switch scalars.first {
            case "?": bounds = (0, 1)
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "{":
                guard let close = scalars.firstIndex(of: "}") else { return nil }
                let parts = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                    .split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
                guard let minimum = Int(parts[0]), minimum <= ByteMatcher.atomLimit, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
                if parts.count == 1 {
                    bounds = (minimum, minimum)
                } else if parts[1].isEmpty {
                    bounds = (minimum, nil)
                } else {
                    guard let maximum = Int(parts[1]), parts[1].allSatisfy(\.isASCIIDigit), maximum >= minimum,
                        maximum <= ByteMatcher.atomLimit
                    else { return nil }
                    bounds = (minimum, maximum)
                }
                scalars = scalars[close...]
            default: return (1, 1)
            }
            scalars.removeFirst()
            if let next = scalars.first, "?+*{".unicodeScalars.contains(next) { return nil }
            return bounds
        }

        /// The ASCII bytes for which `test` holds.
        private static func set(_ test: (UInt8) -> Bool) -> [Bool] {
            (0..<128).map { test(UInt8($0)) }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
