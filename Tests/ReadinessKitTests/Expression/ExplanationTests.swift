import Testing
@testable import ReadinessKit

@Suite struct ExplanationTests {
    static func explain(_ text: String, item: String = "E-0001", file: String = "CT1-F1", charge: String = "C1") throws -> Explanation {
        let compiled = try ExpressionFixture.compile(text)
        var context = ExpressionFixture.context(item: item, file: file, charge: charge)
        return compiled.explain(&context)
    }

    @Test func listsTheFactsReadWithTheMissingOnes() throws {
        let explanation = try Self.explain("item.location == 'unallocated' and not has(item.user_actions)", item: "E-0002")
        #expect(explanation.result == T)
        #expect(explanation.facts == [
            Fact(path: "evidence[E-0002].location", value: "unallocated"),
            Fact(path: "evidence[E-0002].user_actions", value: .null),
        ])
        #expect(explanation.missing.map(\.path) == ["evidence[E-0002].user_actions"])
    }

    @Test func presenceTestsAreMarkedSoTheyAreNotReportedAsMissingForUnknown() throws {
        let explanation = try Self.explain("has(item.user_actions) or item.hash_verified == true", item: "E-0002")
        #expect(explanation.presenceTested == ["evidence[E-0002].user_actions"])
        let valueRead = try Self.explain("has(item.user_actions) and size(item.user_actions) > 0", item: "E-0002")
        #expect(valueRead.presenceTested == ["evidence[E-0002].user_actions"], "absent, so size() never read it")
    }

    @Test func followsReferencesIntoOtherCollections() throws {
        let explanation = try Self.explain(
            "f.file_viewed_by_esp == true or (has(f.opened_under) and f.opened_under.issued_at <= f.opened_by_law_enforcement_at)")
        #expect(explanation.result == U)
        #expect(explanation.facts == [
            Fact(path: "cybertips[900000001].files[CT1-F1].file_viewed_by_esp", value: false),
            Fact(path: "cybertips[900000001].files[CT1-F1].opened_under", value: "W1"),
            Fact(path: "legal_process[W1].issued_at", value: ExpressionFixture.timestamp("2026-01-04T15:00:00Z")),
            Fact(path: "cybertips[900000001].files[CT1-F1].opened_by_law_enforcement_at", value: ExpressionFixture.date("2026-01-05")),
        ])
        #expect(explanation.missing.isEmpty)
    }

    @Test func namesTheElementWhoseFactIsMissingInAMacro() throws {
        let explanation = try Self.explain("charge.evidence.all(e, e.hash_verified)")
        #expect(explanation.result == U)
        #expect(explanation.missing == [Fact(path: "evidence[E-0002].hash_verified", value: .null)])
        #expect(explanation.facts.contains(Fact(path: "evidence[E-0001].hash_verified", value: true)))
    }

    @Test func reportsAnAbsentList() throws {
        let explanation = try Self.explain("size(item.known_hash_sources) > 0", item: "E-0002")
        #expect(explanation.result == U)
        #expect(explanation.missing == [Fact(path: "evidence[E-0002].known_hash_sources", value: .null)])
    }

    @Test func recordsEachFactOnceAndLeavesTheFastPathClean() throws {
        let compiled = try ExpressionFixture.compile("item.size_bytes > 10 and item.size_bytes < 5000")
        var context = ExpressionFixture.context()
        #expect(compiled.explain(&context).facts == [Fact(path: "evidence[E-0001].size_bytes", value: 2048)])
        #expect(context.facts == nil)
        #expect(compiled.evaluate(&context) == T)
    }
}

@Suite struct BudgetTests {
    @Test func nestedMacrosStopAtTheStepBudget() throws {
        let compiled = try ExpressionFixture.compile("evidence.all(x, evidence.all(y, evidence.all(z, true)))")
        var context = ExpressionFixture.context()
        #expect(compiled.evaluate(&context) == T)
        context.stepLimit = 10
        #expect(compiled.evaluate(&context) == .error("evaluation stopped after 10 steps (the step budget); the lists are too large for this rule"))
        #expect(compiled.explain(&context).result.errorMessage?.hasPrefix("evaluation stopped after 10 steps") == true)
    }

    @Test func theBudgetIsPerEvaluation() throws {
        let compiled = try ExpressionFixture.compile("evidence.all(x, true)")
        var context = ExpressionFixture.context()
        context.stepLimit = 3
        for _ in 0..<5 { #expect(compiled.evaluate(&context) == T) }
    }

    @Test func aLargeListStopsInsteadOfHanging() throws {
        var environment = ExpressionFixture.environment
        environment.declareVariable("big", type: .list(.int))
        let source = ExpressionFixture.source("big.all(x, big.all(y, big.exists(z, z == x + y)))")
        let compiled = try ExpressionCompiler.compile(source, in: environment)
        var context = EvaluationContext(bundle: ExpressionFixture.bundle, asOf: ExpressionFixture.asOf, environment: environment)
        context.variables[context.variables.count - 1] = .list((0..<10_000).map(Value.int))
        #expect(compiled.evaluate(&context) == .error("evaluation stopped after 1000000 steps (the step budget); the lists are too large for this rule"))
    }
}
