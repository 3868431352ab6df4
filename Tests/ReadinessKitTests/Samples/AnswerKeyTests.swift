import Testing
@testable import ReadinessKit

/// Reading `expected.yaml`: the fields, and a located diagnostic for each mistake.
@Suite struct AnswerKeyTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try AnswerKey.parse(text, file: "expected.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsDecisionDateProfileAndFindings() throws {
        let key = try AnswerKey.parse("""
            decision: ready_with_conditions
            as_of: 2026-04-15
            profile: plea
            findings:
              - {rule: US-HS-02, subject: "900000501", result: fail}
              - {rule: US-CH-03, result: needs_review}
            """, file: "expected.yaml")
        #expect(key.decision == .readyWithConditions)
        #expect(key.asOf == Day(year: 2026, month: 4, day: 15))
        #expect(key.profile == "plea")
        #expect(key.findings.map(\.description) == ["US-HS-02 [900000501]: fail", "US-CH-03: needs_review"])
        #expect(key.findings[0].location == SourceLocation(file: "expected.yaml", line: 5, column: 5))
    }

    @Test func anEmptyFindingsListIsAllowed() throws {
        let key = try AnswerKey.parse("decision: ready\nas_of: 2026-01-01\nfindings: []\n", file: "k")
        #expect(key.findings.isEmpty)
    }

    @Test func misspeltResultSuggestsTheWord() {
        let found = problems("decision: not_ready\nas_of: 2026-04-15\nfindings:\n  - {rule: US-PS-01, subject: F1, result: faill}\n")
        #expect(found == ["expected.yaml:4:43: error: 'faill' is not a valid result (did you mean 'fail'?) [samples.answer-key]"])
    }

    @Test func everyMistakeIsReportedWithItsPlace() {
        let found = problems("""
            decision: maybe
            as_of: 15/04/2026
            finding: []
            findings:
              - {rule: US-PS-01, subjet: F1, result: fail}
              - {subject: F1, result: pass}
            """)
        #expect(found == [
            "expected.yaml:1:11: error: 'maybe' is not a valid decision (use one of: ready, ready_with_conditions, not_ready) [samples.answer-key]",
            "expected.yaml:2:8: error: 'as_of' must be a date written YYYY-MM-DD, found '15/04/2026' [samples.answer-key]",
            "expected.yaml:3:1: error: unknown key 'finding' in the answer key (did you mean 'findings'?) [samples.answer-key]",
            "expected.yaml:5:22: error: unknown key 'subjet' in a finding (did you mean 'subject'?) [samples.answer-key]",
            "expected.yaml:6:5: error: missing required key 'rule' in a finding (add 'rule: …') [samples.answer-key]",
        ])
    }

    @Test func missingKeyFileIsNamed() {
        do {
            _ = try AnswerKey.load("/nonexistent/expected.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.id == "samples.no-answer-key")
        }
    }
}
