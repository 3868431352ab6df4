import Testing

@testable import ReadinessKit

/// The byte matcher against Swift's `Regex` on random patterns of its subset and random plain text.
@Suite struct ByteMatcherTests {
    @Test func agreesWithRegexOnRandomPatterns() throws {
        var random = SeededGenerator(seed: 0x7265_6765_78)
        let atoms = ["a", "b", "E", "-", "0", "9", ".", "\\d", "\\w", "\\s", "\\D", "\\.", "[0-9a-f]", "[^a]", "[a-c_]", "[^,\\-]", "x", " ", "/"]
        let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,}", "{3,}"]
        let alphabet: [UInt8] = Array("ab E-09x_/,.f".utf8) + [0x0A, 0x09, 0x0B, 0x0C]
        var accepted = 0
        for _ in 0..<400 {
            var pattern = Bool.random(using: &random) ? "^" : ""
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                pattern += (atoms.randomElement(using: &random) ?? "a") + (quantifiers.randomElement(using: &random) ?? "")
            }
            if Bool.random(using: &random) { pattern += "$" }
            let matcher = try #require(ByteMatcher(pattern), "\(pattern) is in the subset")
            let regex = try Regex(pattern)
            accepted += 1
            for _ in 0..<40 {
                let subject = (0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0x61 }
                let expected = String(decoding: subject, as: UTF8.self).contains(regex)
                let actual = subject.withUnsafeBufferPointer { matcher.matches($0) }
                #expect(actual == expected, "\(pattern) on \(String(decoding: subject, as: UTF8.self).debugDescription)")
            }
        }
        #expect(accepted == 400)
    }

    /// Patterns anchored at both ends whose atoms are each taken once take a faster path.
    @Test func agreesWithRegexOnFixedLengthPatterns() throws {
        var random = SeededGenerator(seed: 0x6669_7865_64)
        let atoms = ["a", "E", "-", "0", ".", "\\d", "\\w", "\\s", "\\D", "[0-9a-f]", "[^a]", "[a-c_]"]
        let alphabet: [UInt8] = Array("abcE-09x_/,.f".utf8) + [0x0A, 0x09]
        for _ in 0..<300 {
            var pattern = "^"
            var length = 0
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let count = Int.random(in: 1...3, using: &random)
                pattern += (atoms.randomElement(using: &random) ?? "a") + (count == 1 ? "" : "{\(count)}")
                length += count
            }
            pattern += "$"
            let matcher = try #require(ByteMatcher(pattern))
            let regex = try Regex(pattern)
            for _ in 0..<60 {
                let size = max(0, length + Int.random(in: -1...1, using: &random))
                let subject = (0..<size).map { _ in alphabet.randomElement(using: &random) ?? 0x61 }
                let expected = String(decoding: subject, as: UTF8.self).contains(regex)
                #expect(subject.withUnsafeBufferPointer { matcher.matches($0) } == expected, "\(pattern)")
            }
        }
    }

    @Test func matchesAHexDigest() throws {
        let matcher = try #require(ByteMatcher("^[0-9a-f]{64}$"))
        let digest = Array(String(repeating: "0a", count: 32).utf8)
        #expect(digest.withUnsafeBufferPointer { matcher.matches($0) })
        #expect(!Array(digest.dropLast()).withUnsafeBufferPointer { matcher.matches($0) })
        #expect(!(digest + [0x0A]).withUnsafeBufferPointer { matcher.matches($0) })
    }

    @Test(arguments: ["(a|b)", "a|b", "a++", "a*?", "[[:alpha:]]", "[a&&b]", "\\bword", "é", "a{2", "[]a]", "x^", "\\p{L}", "[a-Z]"])
    func leavesOtherPatternsToRegex(_ pattern: String) {
        #expect(ByteMatcher(pattern) == nil)
    }
}
