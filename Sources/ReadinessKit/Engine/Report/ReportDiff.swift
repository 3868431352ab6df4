import Foundation

/// What changed between an earlier check of the same case and this one, keyed by rule id and
/// subject id: what was fixed, what is new and what is still open.
public struct ReportDiff: Codable, Sendable, Hashable {
    /// The as-of date of the earlier report.
    public var since: String
    /// The earlier decision.
    public var previousDecision: Decision.Level
    /// Open before, not open now (passed, waived, no longer applicable, or no longer checked).
    public var fixed: [Item]
    /// Open now, not open before.
    public var new: [Item]
    /// Open before and now.
    public var stillOpen: [Item]

    /// One open (or formerly open) finding.
    public struct Item: Codable, Sendable, Hashable {
        public var rule: String
        public var title: String
        /// The subject id; `nil` for a case-level rule.
        public var subject: String?
        public var severity: Severity
        /// The result now. For a fixed item that the current report does not list: `pass` when the
        /// rule is still checked (passing subjects are counted, not listed), else `not_applicable`.
        public var outcome: CheckResult
        /// The result in the earlier report, for fixed and still-open items.
        public var previousOutcome: CheckResult?
        /// The finding's message (the earlier one for a fixed item).
        public var message: String
    }

    /// Compares two reports of the same case. Items keep the order of the report they come from.
    public init(previous: ReportDigest, current: ReportDigest) {
        let before = previous.openFindings(), now = current.openFindings()
        let beforeKeys = Set(before.map(\.key)), nowKeys = Set(now.map(\.key))
        let currentOutcome = Dictionary(current.allFindings().map { ($0.key, $0.item.outcome) }, uniquingKeysWith: { a, _ in a })
        let checkedRules = Set(current.results.map(\.rule))
        let previousOutcome = Dictionary(before.map { ($0.key, $0.item.outcome) }, uniquingKeysWith: { a, _ in a })
        since = previous.asOf
        previousDecision = previous.decision.level
        fixed = before.filter { !nowKeys.contains($0.key) }.map { entry in
            var item = entry.item
            item.previousOutcome = item.outcome
            item.outcome = currentOutcome[entry.key] ?? (checkedRules.contains(item.rule) ? .pass : .notApplicable)
            return item
        }
        new = now.filter { !beforeKeys.contains($0.key) }.map(\.item)
        stillOpen = now.filter { beforeKeys.contains($0.key) }.map { entry in
            var item = entry.item
            item.previousOutcome = previousOutcome[entry.key]
            return item
        }
    }
}

/// The parts of a saved JSON report that progress needs; reads any `readiness-report/1` file.
public struct ReportDigest: Codable, Sendable {
    public var format: String
    public var asOf: String
    public var caseInfo: CaseID
    public var decision: Decision
    public var results: [RuleDigest]

    /// The case a report is about.
    public struct CaseID: Codable, Sendable {
        public var id: String
    }

    /// A rule's findings, as saved.
    public struct RuleDigest: Codable, Sendable {
        public var rule: String
        public var title: String
        public var findings: [FindingDigest]
    }

    /// A finding, as saved.
    public struct FindingDigest: Codable, Sendable {
        public var subject: Finding.Subject?
        public var outcome: CheckResult
        public var severity: Severity
        public var message: String
    }

    /// The digest of a report in memory.
    public init(_ report: Report) {
        format = report.format
        asOf = report.asOf
        caseInfo = CaseID(id: report.caseInfo.id)
        decision = report.decision
        results = report.results.map { result in
            RuleDigest(rule: result.rule, title: result.title, findings: result.findings.map {
                FindingDigest(subject: $0.subject, outcome: $0.outcome, severity: $0.severity, message: $0.message)
            })
        }
    }

    /// Reads a JSON report written by `readiness check --format json`.
    ///
    /// - Throws: `DiagnosticError` when the file cannot be read or is not a readiness report.
    public static func read(_ path: String) throws(DiagnosticError) -> ReportDigest {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DiagnosticError(Diagnostic(id: "report.unreadable", message: "cannot read '\(path)'", at: nil))
        }
        let digest: ReportDigest
        do { digest = try JSONDecoder().decode(ReportDigest.self, from: data) } catch {
            throw DiagnosticError(Diagnostic(
                id: "report.invalid", message: "'\(path)' is not a readiness JSON report", at: nil,
                hint: "write one with 'readiness check BUNDLE --format json --output FILE'"))
        }
        guard digest.format.hasPrefix("readiness-report/1") else {
            throw DiagnosticError(Diagnostic(
                id: "report.unsupported-format", message: "'\(path)' has format '\(digest.format)'", at: nil,
                hint: "this version reads readiness-report/1"))
        }
        return digest
    }

    /// Checks that `other` is a report about the same case.
    ///
    /// - Throws: `DiagnosticError` naming both cases when they differ.
    public func requireSameCase(as other: ReportDigest) throws(DiagnosticError) {
        guard caseInfo.id != other.caseInfo.id else { return }
        throw DiagnosticError(Diagnostic(
            id: "report.different-case",
            message: "the reports are about different cases ('\(caseInfo.id)' and '\(other.caseInfo.id)')", at: nil))
    }

    typealias Keyed = (key: String, item: ReportDiff.Item)

    func allFindings() -> [Keyed] {
        results.flatMap { result in
            result.findings.map { finding in
                let subject = finding.subject?.id
                return ("\(result.rule)\u{0}\(subject ?? "")", ReportDiff.Item(
                    rule: result.rule, title: result.title, subject: subject, severity: finding.severity,
                    outcome: finding.outcome, previousOutcome: nil, message: finding.message))
            }
        }
    }

    func openFindings() -> [Keyed] { allFindings().filter { $0.item.outcome.isOpen } }
}
