/// One way a report departs from a sample's answer key.
public struct KeyMismatch: Sendable, Hashable, CustomStringConvertible {
    /// The sample's folder name.
    public var sample: String
    /// The rule concerned; `nil` for the decision.
    public var rule: String?
    public var subject: String?
    /// What the key says.
    public var expected: String
    /// What the check found.
    public var found: String
    /// Where the key entry is written.
    public var location: SourceLocation?

    /// E.g. `sample 'us-warrantless-view-9th': rule US-PS-01, subject CT1-F1: expected fail, found pass (expected.yaml:4:5)`.
    public var description: String {
        var text = "sample '\(sample)': "
        if let rule {
            text += "rule \(rule)"
            text += subject.map { ", subject \($0)" } ?? " (summary result)"
        } else {
            text += "decision"
        }
        text += ": expected \(expected), found \(found)"
        if let location { text += " (\(location))" }
        return text
    }
}

/// Compares a report with an answer key.
public enum AnswerKeyChecker {
    /// Every departure of `report` from `key`, in the key's order (the decision first). Empty when
    /// the report agrees with the key.
    ///
    /// - Parameter subjects: For a rule id, the ids of the records the rule checks one by one (its
    ///   `for_each` collection in the bundle), or `nil` when unknown. Reports list passing subjects
    ///   only as counts, so this is how a `pass` for a subject that the rule never checks is caught.
    public static func compare(_ report: Report, with key: AnswerKey, sample: String,
                               subjects: (String) -> Set<String>? = { _ in nil }) -> [KeyMismatch] {
        var mismatches: [KeyMismatch] = []
        if report.decision.level != key.decision {
            mismatches.append(KeyMismatch(sample: sample, expected: key.decision.rawValue,
                                          found: "\(report.decision.level.rawValue) (\(report.decision.rationale))"))
        }
        if report.asOf != key.asOf.description {
            mismatches.append(KeyMismatch(sample: sample, rule: "as_of", expected: key.asOf.description, found: report.asOf))
        }
        for expected in key.findings {
            if let found = mismatch(expected, in: report, subjects: subjects(expected.rule)) {
                mismatches.append(KeyMismatch(sample: sample, rule: expected.rule, subject: expected.subject,
                                              expected: expected.result.rawValue, found: found, location: expected.location))
            }
        }
        return mismatches
    }

    /// What was found instead of `expected`, or `nil` when it was found.
    static func mismatch(_ expected: AnswerKey.ExpectedFinding, in report: Report, subjects: Set<String>? = nil) -> String? {
        guard let result = report.results.first(where: { $0.rule == expected.rule }) else {
            return "no such rule in the report (is it in a loaded pack, and spelt as there?)"
        }
        guard let subject = expected.subject else {
            return result.outcome == expected.result ? nil : "\(result.outcome.rawValue) (\(describe(result)))"
        }
        if let finding = result.findings.first(where: { $0.subject?.id == subject }) {
            return finding.outcome == expected.result ? nil : "\(finding.outcome.rawValue) (\(describe(result)))"
        }
        // Passing subjects are counted, not listed.
        if let subjects, !subjects.contains(subject) {
            return "no finding: the rule does not check '\(subject)' (it checks \(subjects.sorted().prefix(6).joined(separator: ", ")))"
        }
        if expected.result == .pass, result.counts[CheckResult.pass.rawValue, default: 0] > 0 { return nil }
        return "no finding for that subject (\(describe(result)))"
    }

    /// The rule's findings in a few words, to help whoever updates the sample or the key.
    static func describe(_ result: RuleResult) -> String {
        let listed = result.findings.map { finding in
            "\(finding.subject?.id ?? "case") \(finding.outcome.rawValue)"
        }
        let passes = result.counts[CheckResult.pass.rawValue, default: 0]
        var parts = listed.isEmpty ? [] : ["listed: " + listed.prefix(8).joined(separator: ", ") + (listed.count > 8 ? ", …" : "")]
        if passes > 0 { parts.append("\(passes) passing") }
        return "rule \(result.outcome.rawValue); " + (parts.isEmpty ? "no subjects" : parts.joined(separator: "; "))
    }
}
