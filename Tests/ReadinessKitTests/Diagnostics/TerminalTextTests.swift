import Testing
@testable import ReadinessKit

/// `TerminalText.sanitized` looks at bytes first and at scalars only where a byte could begin an
/// unsafe one; the answer must be the one a walk over every scalar gives.
@Suite struct TerminalTextTests {
    /// The rule written out scalar by scalar, as the oracle.
    private func expected(_ text: String, singleLine: Bool) -> String {
        text.unicodeScalars.map { scalar in
            TerminalText.isUnsafe(scalar) || (singleLine && scalar == "\n")
                ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
    }

    @Test func agreesWithAScalarWalkOnRandomText() {
        var random = SeededGenerator(seed: 0x7465_726D)
        // Safe neighbours of every unsafe range: § (C2 A7), U+0085 (C2 85), U+061B/U+061C (D8 9B/9C),
        // U+2010, U+200E, U+202E, U+2066, U+2070, U+20AC; controls, DEL, tab and newline.
        let alphabet: [Unicode.Scalar] = ["a", " ", "\t", "\n", "\u{1B}", "\u{0}", "\u{7F}", "\u{A7}", "\u{85}", "\u{9F}", "\u{A0}",
                                          "\u{61B}", "\u{61C}", "\u{2010}", "\u{200E}", "\u{202E}", "\u{2066}", "\u{2070}", "\u{20AC}", "é"]
        for _ in 0..<2_000 {
            let scalars = (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" }
            let text = String(String.UnicodeScalarView(scalars))
            for singleLine in [false, true] {
                #expect(TerminalText.sanitized(text, singleLine: singleLine) == expected(text, singleLine: singleLine), "\(text.debugDescription)")
            }
        }
    }

    @Test func leavesPlainTextAlone() {
        let memo = "DECISION: READY\n\tUnited States v. Flyer, 633 F.3d 911 § 2256(8)(B) — café €\n"
        #expect(TerminalText.sanitized(memo) == memo)
        #expect(TerminalText.sanitized(memo, singleLine: true) == memo.replacingOccurrences(of: "\n", with: "\\u{A}"))
    }
}
