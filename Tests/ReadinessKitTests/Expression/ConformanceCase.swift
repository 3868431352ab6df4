import Testing
@testable import ReadinessKit

/// One row of the conformance suite: an expression, the subjects bound, and the expected result.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    var expression: String
    var expected: EvaluationResult
    /// Ids of the records bound to `item`, `f` and `charge` (see `ExpressionFixture`).
    var item = "E-0001"
    var file = "CT1-F1"
    var charge = "C1"

    var testDescription: String { "\(expression) [item \(item), f \(file), charge \(charge)] → \(expected)" }
}

let T = EvaluationResult.value(.bool(true))
let F = EvaluationResult.value(.bool(false))
let U = EvaluationResult.unknown

func error(_ message: String) -> EvaluationResult { .error(message) }

/// A case with the default bindings; `item:`, `file:` and `charge:` rebind the subjects.
func when(_ expression: String, item: String = "E-0001", file: String = "CT1-F1", charge: String = "C1", _ expected: EvaluationResult) -> ConformanceCase {
    ConformanceCase(expression: expression, expected: expected, item: item, file: file, charge: charge)
}

@Suite struct ConformanceTests {
    static let cases = ConformanceCases.arithmetic + ConformanceCases.comparisons + ConformanceCases.logic
        + ConformanceCases.records + ConformanceCases.macros + ConformanceCases.functions + ConformanceCases.dates
        + ConformanceCases.tables

    @Test func theSuiteHasAtLeast200Cases() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases)
    func evaluates(_ row: ConformanceCase) throws {
        let compiled = try ExpressionFixture.compile(row.expression)
        var context = ExpressionFixture.context(item: row.item, file: row.file, charge: row.charge)
        #expect(compiled.evaluate(&context) == row.expected)
        #expect(compiled.explain(&context).result == row.expected, "the explaining path must agree")
    }
}
