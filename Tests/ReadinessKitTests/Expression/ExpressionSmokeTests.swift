import Testing
@testable import ReadinessKit

@Suite struct ExpressionSmokeTests {
    @Test func evaluatesThePredicateFromTheBenchmark() {
        let text = "item.location == 'unallocated' and not has(item.user_actions)"
        #expect(ExpressionFixture.evaluate(text, in: ExpressionFixture.context(item: "E-0002")) == .value(.bool(true)))
        #expect(ExpressionFixture.evaluate(text) == .value(.bool(false)))
    }
}
