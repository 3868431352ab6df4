import Foundation
import Testing
@testable import ReadinessKit

/// Findings and action items write their own JSON text when a long array of them is split into
/// chunks (`Report+JSONText.swift`): the text is `JSONEncoder`'s, byte for byte, whatever fields
/// are present and whatever the strings hold.
@Suite struct ReportJSONTextTests {
    /// Splits arrays of four or more elements into three chunks.
    static let small = JSONArrayConcurrency(threshold: 4, chunks: 3)

    /// Strings that need escaping, terminal-unsafe scalars, non-ASCII text, and the empty string.
    static let texts = [
        "", "E-0000029 is only in unallocated space.", "quote \" backslash \\ slash / tab \t newline \n",
        "control \u{01}\u{1F} DEL \u{7F} C1 \u{85} bidi \u{202E}", "Zoë’s “case” — 日本語 🙂", "evidence[E-1].grading.uk_category",
    ]

    func text(_ random: inout SeededGenerator) -> String { Self.texts[random.next(Self.texts.count)] }

    func maybe(_ random: inout SeededGenerator) -> String? { random.next(3) == 0 ? nil : text(&random) }

    func finding(_ random: inout SeededGenerator) -> Finding {
        Finding(
            rule: text(&random),
            subject: random.next(4) == 0 ? nil : .init(collection: text(&random), id: text(&random), path: text(&random)),
            outcome: CheckResult.allCases[random.next(CheckResult.allCases.count)],
            waivedOutcome: random.next(2) == 0 ? nil : CheckResult.allCases[random.next(CheckResult.allCases.count)],
            severity: Severity.allCases[random.next(Severity.allCases.count)], message: text(&random), remediation: text(&random),
            deadline: maybe(&random), missingFacts: (0..<random.next(3)).map { _ in text(&random) },
            observedFacts: (0..<random.next(3)).map { _ in .init(path: text(&random), value: text(&random)) },
            reason: maybe(&random),
            waiver: random.next(3) == 0
                ? WaiverNote(id: text(&random), rule: text(&random), subject: maybe(&random), justification: text(&random),
                             approvedBy: text(&random), expires: text(&random), status: text(&random))
                : nil,
            attestation: random.next(3) == 0
                ? AttestationNote(id: text(&random), answer: text(&random), by: text(&random), at: text(&random), note: maybe(&random))
                : nil)
    }

    func actionItem(_ random: inout SeededGenerator) -> ActionItem {
        ActionItem(
            number: "A\(random.next(1000))", owner: Owner.allCases[random.next(Owner.allCases.count)], deadline: maybe(&random),
            rule: text(&random), title: text(&random), subject: maybe(&random), action: text(&random),
            legalBasis: (0..<random.next(3)).map { _ in text(&random) }, severity: Severity.allCases[random.next(Severity.allCases.count)],
            outcome: CheckResult.allCases[random.next(CheckResult.allCases.count)])
    }

    @Test("findings written as text are JSONEncoder's", arguments: [1, 2, 3])
    func findings(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let findings = (0..<60).map { _ in finding(&random) }
        #expect(Finding.text(of: findings[...], level: 1) != nil, "findings take the text path")
        #expect(try expectSameJSON(findings, concurrency: Self.small) == 3)
        #expect(try expectSameJSON(["a": ["findings": findings]], concurrency: Self.small) == 3)
    }

    @Test("action items written as text are JSONEncoder's", arguments: [1, 2, 3])
    func actionItems(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let items = (0..<60).map { _ in actionItem(&random) }
        #expect(ActionItem.text(of: items[...], level: 1) != nil, "action items take the text path")
        #expect(try expectSameJSON(items, concurrency: Self.small) == 3)
        #expect(try expectSameJSON([["plan": items]], concurrency: Self.small) == 3)
    }
}

extension SeededGenerator {
    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
}
