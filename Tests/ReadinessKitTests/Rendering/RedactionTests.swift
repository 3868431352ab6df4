import Foundation
import Testing
@testable import ReadinessKit

/// `--redact`: identifying values become stable pseudonyms everywhere, matched as whole words
/// without regard to case.
@Suite struct RedactionTests {
    @Test func pseudonymsFollowSortedIDs() throws {
        let bundle = try TemporaryBundle(["case.yaml": caseYAML("""
            suspects:
              - {id: S2, name: Blake Second, emails: [b@example.invalid, b2@example.invalid]}
              - {id: S1, name: Alex First, aliases: [Lex], date_of_birth: 1990-01-02}
            victims:
              - {id: V1, name: Robin Child}
            witnesses:
              - {id: W1, name: Robin C., role: victim, victim: V1}
            cybertips:
              - {id: '1', reported_account: lex_99, reported_email: other@example.invalid}
            """)]).load()
        let redactor = Redactor(bundle: bundle)
        let table = Dictionary(uniqueKeysWithValues: redactor.replacements.map { ($0.original, $0.pseudonym) })
        #expect(table == [
            "Alex First": "Suspect 1", "Lex": "Suspect 1 alias 1", "1990-01-02": "Suspect 1 date of birth",
            "Blake Second": "Suspect 2", "b@example.invalid": "Suspect 2 e-mail 1", "b2@example.invalid": "Suspect 2 e-mail 2",
            "Robin Child": "Victim 1", "Robin C.": "Victim 1",
            "lex_99": "Suspect account 1", "other@example.invalid": "Suspect e-mail 1",
        ])
        #expect(Redactor(bundle: bundle).replacements.map(\.original) == redactor.replacements.map(\.original))
    }

    @Test func replacesWholeWordsIgnoringCase() throws {
        let bundle = try TemporaryBundle(["case.yaml": caseYAML("suspects: [{id: S1, name: Al, aliases: [Al Smith]}]")]).load()
        let redactor = Redactor(bundle: bundle)
        #expect(redactor.redact("AL SMITH met Al; Alan and Sal stay.") == "Suspect 1 alias 1 met Suspect 1; Alan and Sal stay.")
        #expect(redactor.redact("") == "")
    }

    @Test func reportIsMarkedAndEveryFieldRedacted() throws {
        let report = try MemoFixtures.report("not-ready")
        let redacted = Redactor(bundle: try MemoFixtures.bundle("not-ready")).redact(report)
        #expect(redacted.redacted && !report.redacted)
        let json = MemoRenderer.json(redacted)
        #expect(!json.contains("Harper Quinn") && !json.contains("Casey Sample"))
        #expect(redacted.witnesses.first { $0.id == "W2" }?.name == "Victim 1")
        #expect(redacted.proofMatrix[0].description == "Possessed images on a laptop, including some of Victim Victim 1 (fictional).")
    }
}
