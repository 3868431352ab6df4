import Testing
@testable import ReadinessKit

/// Random and mutated inputs never crash the lexer, parser or checker, and what compiles evaluates.
@Suite struct RobustnessTests {
    static let alphabet = Array(
        "abcitemlocaton_.()[]{}'\"\\,:?!-+*/%<>=&| 0123456789\n\té😀")
    static let fragments = [
        "item", ".", "location", "==", "'unallocated'", "and", "or", "not", "has(", ")", "(", "[", "]", "{", "}", ",",
        "all(", "x", "exists_one(", "evidence", "devices['D1']", "as_of", "days(", "date('2026-01-01')", "?", ":", "1", "-",
        "1.5e3", "null", "true", "circuit_policy[", "r'\\d'", "'", "\"", "in", ".size()", "map(", "count(", "f.opened_under",
    ]

    /// Compiles and, if that succeeds, evaluates and explains: none of it may trap.
    static func exercise(_ text: String) {
        guard let compiled = try? ExpressionFixture.compile(text) else { return }
        var context = ExpressionFixture.context(item: "E-0002")
        context.stepLimit = 10_000
        _ = compiled.evaluate(&context)
        _ = compiled.explain(&context)
    }

    @Test func randomCharactersNeverCrash() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            let length = Int.random(in: 0..<40, using: &random)
            let text = String((0..<length).map { _ in Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &random)] })
            Self.exercise(text)
        }
    }

    @Test func randomTokenSequencesNeverCrash() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<3_000 {
            let count = Int.random(in: 1..<14, using: &random)
            let text = (0..<count).map { _ in Self.fragments[Int.random(in: 0..<Self.fragments.count, using: &random)] }.joined(separator: " ")
            Self.exercise(text)
        }
    }

    @Test func mutatedValidExpressionsNeverCrash() {
        var random = SeededGenerator(seed: 13)
        let seeds = ConformanceTests.cases.map(\.expression)
        for _ in 0..<4_000 {
            var scalars = Array(seeds[Int.random(in: 0..<seeds.count, using: &random)].unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &random) where !scalars.isEmpty {
                let position = Int.random(in: 0..<scalars.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: scalars.remove(at: position)
                case 1: scalars.insert(Self.alphabet[Int.random(in: 0..<Self.alphabet.count, using: &random)].unicodeScalars.first ?? "x", at: position)
                case 2: scalars.insert(contentsOf: scalars[position...].prefix(5), at: position)
                default: scalars.swapAt(position, Int.random(in: 0..<scalars.count, using: &random))
                }
            }
            Self.exercise(String(String.UnicodeScalarView(scalars)))
        }
    }

    static let hostile: [String] = [
        String(repeating: "(", count: 5_000),
        String(repeating: "not ", count: 2_000) + "true",
        String(repeating: "-", count: 5_000) + "1",
        String(repeating: "!", count: 5_000) + "true",
        String(repeating: "[", count: 3_000),
        String(repeating: "{'a':", count: 1_500),
        "item" + String(repeating: ".device", count: 1_000),
        String(repeating: "size(", count: 2_000) + "1",
        String(repeating: "true ? ", count: 1_000) + "1" + String(repeating: " : 2", count: 1_000),
        String(repeating: "1 + ", count: 2_400) + "1",
        String(repeating: "true and ", count: 1_000) + "true",
        String(repeating: "a[", count: 2_000),
        "'" + String(repeating: "\\", count: 3_000),
        "evidence.all(x, evidence.all(y, evidence.all(z, true)))",
    ]

    @Test(arguments: hostile.indices)
    func hostileInputsAreRejectedOrBounded(_ index: Int) {
        Self.exercise(Self.hostile[index])
    }
}
