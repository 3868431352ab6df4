import Testing
@testable import ReadinessKit

/// Kleene's three-valued logic, checked over every assignment of true, false, unknown (and errors)
/// to `a`, `b` and `c`, and against a reference model on generated expressions.
@Suite struct KleeneLawTests {
    /// A truth value of the reference model; `error` stands for any error value.
    enum K: CaseIterable, Hashable {
        case t, f, u, e

        init(_ result: EvaluationResult) {
            switch result {
            case .value(.bool(true)): self = .t
            case .value(.bool(false)): self = .f
            case .unknown: self = .u
            default: self = .e
            }
        }

        /// How the value is written in an expression.
        var text: String {
            switch self {
            case .t: "true"
            case .f: "false"
            case .u: "null"
            case .e: "(1 / 0 == 1)"
            }
        }

        static func and(_ x: K, _ y: K) -> K {
            if x == .f || y == .f { return .f }
            if x == .e || y == .e { return .e }
            if x == .u || y == .u { return .u }
            return .t
        }

        static func or(_ x: K, _ y: K) -> K { not(and(not(x), not(y))) }

        static func not(_ x: K) -> K {
            switch x {
            case .t: .f
            case .f: .t
            default: x
            }
        }
    }

    /// Evaluates `text` with the placeholders `A`, `B`, `C` standing for the given values, by both paths.
    static func evaluate(_ text: String, _ a: K, _ b: K, _ c: K) -> K {
        let substituted = text.map { character -> String in
            switch character {
            case "A": a.text
            case "B": b.text
            case "C": c.text
            default: String(character)
            }
        }.joined()
        let fast = K(ExpressionFixture.evaluate(substituted))
        var context = ExpressionFixture.context()
        let explained = (try? ExpressionFixture.compile(substituted)).map { K($0.explain(&context).result) }
        #expect(explained == fast, "explain and evaluate disagree on \(substituted)")
        return fast
    }

    static let threeValued: [K] = [.t, .f, .u]
    static let laws: [(String, String, [K])] = [
        ("A and B", "B and A", K.allCases),
        ("A or B", "B or A", K.allCases),
        ("not (A and B)", "not A or not B", K.allCases),
        ("not (A or B)", "not A and not B", K.allCases),
        ("A and (A or B)", "A", threeValued),
        ("A or (A and B)", "A", threeValued),
        ("A and true", "A", K.allCases),
        ("A or false", "A", K.allCases),
        ("A and false", "false", K.allCases),
        ("A or true", "true", K.allCases),
        ("not not A", "A", K.allCases),
        ("!!A", "A", K.allCases),
        ("A and (B or C)", "(A and B) or (A and C)", threeValued),
        ("A or (B and C)", "(A or B) and (A or C)", threeValued),
        ("(A and B) and C", "A and (B and C)", K.allCases),
        ("(A or B) or C", "A or (B or C)", K.allCases),
    ]

    @Test(arguments: laws.indices)
    func lawHolds(_ index: Int) {
        let (left, right, domain) = Self.laws[index]
        for a in domain {
            for b in domain {
                for c in domain {
                    #expect(Self.evaluate(left, a, b, c) == Self.evaluate(right, a, b, c), "\(left) ≡ \(right) for a=\(a) b=\(b) c=\(c)")
                }
            }
        }
    }

    /// A random expression over `a`, `b`, `c` and constants, with its reference-model meaning.
    static func generate(depth: Int, _ random: inout SeededGenerator) -> (text: String, meaning: (K, K, K) -> K) {
        let pick = depth == 0 ? Int.random(in: 0..<4, using: &random) : Int.random(in: 0..<8, using: &random)
        switch pick {
        case 0: return ("A", { a, _, _ in a })
        case 1: return ("B", { _, b, _ in b })
        case 2: return ("C", { _, _, c in c })
        case 3:
            let constant = K.allCases[Int.random(in: 0..<4, using: &random)]
            return (constant.text, { _, _, _ in constant })
        case 4, 5:
            let (l, r) = (generate(depth: depth - 1, &random), generate(depth: depth - 1, &random))
            return ("(\(l.text) and \(r.text))", { K.and(l.meaning($0, $1, $2), r.meaning($0, $1, $2)) })
        case 6:
            let (l, r) = (generate(depth: depth - 1, &random), generate(depth: depth - 1, &random))
            return ("(\(l.text) or \(r.text))", { K.or(l.meaning($0, $1, $2), r.meaning($0, $1, $2)) })
        default:
            let operand = generate(depth: depth - 1, &random)
            return ("not \(operand.text)", { K.not(operand.meaning($0, $1, $2)) })
        }
    }

    @Test func generatedExpressionsMatchTheReferenceModel() {
        var random = SeededGenerator(seed: 2026)
        for _ in 0..<150 {
            let expression = Self.generate(depth: 4, &random)
            for a in K.allCases {
                for b in K.allCases {
                    let c = K.allCases[Int.random(in: 0..<4, using: &random)]
                    let expected = expression.meaning(a, b, c)
                    #expect(Self.evaluate(expression.text, a, b, c) == expected, "\(expression.text) with a=\(a) b=\(b) c=\(c)")
                }
            }
        }
    }
}
