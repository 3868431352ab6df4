import Foundation
import Testing
@testable import ReadinessKit

/// Every committed sample, checked with the shipped rule packs at its answer key's date, must reach
/// the key's decision and contain every finding the key lists. Any drift in the rules or the
/// samples fails here, naming the sample, the rule and the subject.
@Suite struct SampleAnswerKeyTests {
    @Test func thereAreEnoughSamplesAndTheRequiredOnes() {
        #expect(SampleFixtures.names.count >= 12, "the training set needs at least 12 samples, found \(SampleFixtures.names)")
        for required in ["us-ready-possession", "ew-ready-possession", "us-large-volume"] {
            #expect(SampleFixtures.names.contains(required), "sample '\(required)' is missing from samples/")
        }
    }

    @Test(arguments: SampleFixtures.names)
    func sampleAgreesWithItsAnswerKey(_ name: String) {
        let (outcome, problem) = SampleFixtures.outcome(name)
        guard let outcome else {
            Issue.record(Comment(rawValue: problem))
            return
        }
        #expect(!outcome.key.findings.isEmpty, "sample '\(name)': the answer key lists no findings")
        for mismatch in outcome.mismatches {
            Issue.record(Comment(rawValue: mismatch.description))
        }
    }

    @Test(arguments: SampleFixtures.names)
    func sampleValidatesWithoutWarnings(_ name: String) throws {
        let loaded = try BundleLoader().load(SampleFixtures.directory + "/" + name)
        #expect(loaded.warnings.isEmpty, "sample '\(name)' loads with warnings: \(loaded.warnings.map(\.description))")
    }

    /// The README's first command checks it without `--as-of`, so it must be ready today too.
    @Test func readyPossessionIsReadyToday() throws {
        let packs = try SampleFixtures.packs.get()
        var runner = SampleRunner(packs: packs)
        let bundle = try BundleLoader().load(SampleFixtures.directory + "/us-ready-possession").bundle
        let today = Day(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
        let report = try runner.check(bundle, asOf: today, profile: nil)
        #expect(report.decision.level == .ready, "us-ready-possession is not ready as of today: \(report.decision.rationale)")
        let readme = try #require(SampleFixtures.sample("us-ready-possession").readme)
        #expect(readme.preamble.contains("swift run readiness check samples/us-ready-possession\n"))
    }

    /// The clock sample's README promises the blocker once the 30-day limit has passed.
    @Test func speedyTrialLimitPassesAfterTheDeadline() throws {
        let outcome = try #require(SampleFixtures.outcome("us-preservation-lapsed-speedy-trial").0)
        var runner = SampleRunner(packs: try SampleFixtures.packs.get())
        let late = try runner.check(outcome.bundle, asOf: try #require(Day(year: 2026, month: 6, day: 6)), profile: nil)
        #expect(late.decision.level == .notReady)
        #expect(late.results.first { $0.rule == "US-LP-04" }?.outcome == .fail)
        #expect(outcome.report.results.first { $0.rule == "US-LP-04" }?.outcome == .pass)
    }

    /// The two warrantless-view samples hold the same facts; the circuit alone changes the severity.
    @Test func sameFactsDifferentCircuitsDifferentSeverity() throws {
        let ninth = try #require(SampleFixtures.outcome("us-warrantless-view-9th").0)
        let fifth = try #require(SampleFixtures.outcome("us-warrantless-view-5th").0)
        let ninthView = try #require(ninth.report.results.first { $0.rule == "US-PS-01" })
        let fifthView = try #require(fifth.report.results.first { $0.rule == "US-PS-01" })
        #expect(ninthView.outcome == .fail && fifthView.outcome == .fail)
        #expect(ninthView.severity == .blocker)
        #expect(fifthView.severity == .advisory)
        for section in ["charges", "evidence", "cybertip_files", "legal_process", "witnesses", "indicators", "documents"] {
            let left = ninth.bundle.records(in: section).map { facts($0) }
            let right = fifth.bundle.records(in: section).map { facts($0) }
            #expect(left == right, "the two warrantless-view samples differ in \(section)")
        }
    }

    @Test func aMismatchNamesTheSampleRuleAndSubject() throws {
        let outcome = try #require(SampleFixtures.outcome("us-warrantless-view-9th").0)
        var key = outcome.key
        key.findings = [
            .init(rule: "US-PS-01", subject: "CT1-F1", result: .pass),
            .init(rule: "US-PS-01", subject: "CT1-F9", result: .fail),
            .init(rule: "NO-SUCH-01", result: .fail),
        ]
        key.decision = .ready
        let mismatches = AnswerKeyChecker.compare(outcome.report, with: key, sample: "us-warrantless-view-9th")
        #expect(mismatches.count == 4)
        #expect(mismatches[0].description.hasPrefix("sample 'us-warrantless-view-9th': decision: expected ready, found not_ready"))
        #expect(mismatches[1].description.hasPrefix("sample 'us-warrantless-view-9th': rule US-PS-01, subject CT1-F1: expected pass, found fail"))
        #expect(mismatches[2].description.contains("rule US-PS-01, subject CT1-F9: expected fail, found no finding for that subject"))
        #expect(mismatches[3].description.contains("rule NO-SUCH-01 (summary result): expected fail, found no such rule"))

        // A pass is matched only for a subject the rule checks.
        key = outcome.key
        key.findings = [.init(rule: "US-PS-01", subject: "CT1-F2", result: .pass), .init(rule: "US-PS-01", subject: "E-0001", result: .pass)]
        let checked = AnswerKeyChecker.compare(outcome.report, with: key, sample: "s") { rule in
            rule == "US-PS-01" ? ["CT1-F1", "CT1-F2"] : nil
        }
        #expect(checked.map(\.description) == [
            "sample 's': rule US-PS-01, subject E-0001: expected pass, found no finding: the rule does not check 'E-0001' (it checks CT1-F1, CT1-F2)",
        ])
    }

    /// Facts of a record that do not depend on the place: dates and offsets differ between circuits.
    private func facts(_ record: Record) -> [String] {
        let placeNames: Set = ["recipient", "issued_by", "premises", "description"]
        return record.type.fields.enumerated().compactMap { slot, field in
            if placeNames.contains(field.name) { return nil }
            return switch record.fields[slot] {
            case .timestamp, .date: nil
            case .record(let nested): "\(field.name)=\(facts(nested))"
            case .list(let values): "\(field.name)=\(values.map { $0.recordValue.map(facts) ?? [$0.description] })"
            default: "\(field.name)=\(record.fields[slot])"
            }
        }
    }
}
