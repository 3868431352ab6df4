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

    /// The byte tests that stand in for `TerminalText.isUnsafe` (the terminal guard's shortcut and
    /// the JSON writer's escaping, which lets the CLI write JSON unguarded) agree with it on every
    /// scalar.
    @Test func byteTestsAgreeWithIsUnsafeOnEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            let unsafe = TerminalText.isUnsafe(scalar) && scalar != "\n" && scalar != "\t"
            if unsafe && TerminalText.sanitized(text) == text { disagreements.append(value) }
            if value >= 0x7F {
                var utf8 = Array(String(scalar).utf8)
                let escaped = utf8.withUnsafeMutableBufferPointer { JSONByteBuffer.unsafeScalar(in: UnsafeBufferPointer($0), at: 0) != nil }
                if escaped != TerminalText.isUnsafe(scalar) { disagreements.append(value) }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }
}
