import Foundation
import Yams

/// A sample's answer key (`expected.yaml`): the decision the sample must reach on a given date and
/// the findings a correct check must contain.
///
/// ```yaml
/// decision: not_ready
/// as_of: 2026-06-01
/// profile: pre-charge            # optional
/// findings:
///   - {rule: US-PS-01, subject: CT1-F1, result: fail}
///   - {rule: US-CH-03, result: needs_review}   # no subject: the rule's summary result
/// ```
///
/// A finding with a `subject` is matched against that subject's finding; without one, against the
/// rule's summary result (the worst of its subjects, or the case-level result). Reports count
/// passing subjects rather than list them, so `pass` for a subject is accepted when the report lists
/// no other result for it and the rule passed at least one subject.
public struct AnswerKey: Sendable, Equatable {
    /// One finding the check must produce.
    public struct ExpectedFinding: Sendable, Hashable, CustomStringConvertible {
        public var rule: String
        /// The subject's id; `nil` for the rule's summary result.
        public var subject: String?
        public var result: CheckResult
        /// Where the entry is written, for messages.
        public var location: SourceLocation?

        public init(rule: String, subject: String? = nil, result: CheckResult, location: SourceLocation? = nil) {
            self.rule = rule
            self.subject = subject
            self.result = result
            self.location = location
        }

        public var description: String {
            "\(rule)\(subject.map { " [\($0)]" } ?? ""): \(result.rawValue)"
        }
    }

    /// The expected decision.
    public var decision: Decision.Level
    /// The date the key holds for: the check runs with this as-of date.
    public var asOf: Day
    /// The profile to check with (`nil`: the packs' default).
    public var profile: String?
    /// Findings that must be present, in the key's order.
    public var findings: [ExpectedFinding]

    public init(decision: Decision.Level, asOf: Day, profile: String? = nil, findings: [ExpectedFinding]) {
        self.decision = decision
        self.asOf = asOf
        self.profile = profile
        self.findings = findings
    }

    /// The file name of an answer key inside a sample folder.
    public static let fileName = "expected.yaml"

    /// Reads and checks the answer key at `path`, reporting every problem with its line and column.
    public static func load(_ path: String) throws(DiagnosticError) -> AnswerKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DiagnosticError(Diagnostic(id: "samples.no-answer-key", message: "cannot read answer key '\(path)'", at: nil,
                                             hint: "each sample folder needs an \(fileName) with decision, as_of and findings"))
        }
        return try parse(text, file: path)
    }

    /// Parses answer-key YAML; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> AnswerKey {
        let document = try YAMLDocument(text: text, file: file)
        var reader = KeyReader(document: document)
        guard let root = document.root, let fields = reader.mapping(root, "the answer key", allowed: ["decision", "as_of", "profile", "findings"],
                                                                    required: ["decision", "as_of", "findings"])
        else {
            if document.root == nil { reader.report("the answer key is empty", at: nil, hint: "write decision:, as_of: and findings:") }
            throw DiagnosticError(reader.diagnostics)
        }
        let decision = reader.word(fields["decision"], "decision", Decision.Level.self)
        let asOf = reader.day(fields["as_of"])
        let profile = fields["profile"].flatMap { reader.scalar($0, "profile") }
        var findings: [ExpectedFinding] = []
        if let list = fields["findings"] {
            if case .sequence(let entries) = list {
                findings = entries.compactMap { reader.finding($0) }
            } else if !(list.scalar?.string.isEmpty ?? false) {
                reader.report("'findings' must be a list of {rule, subject, result}", at: list)
            }
        }
        guard reader.diagnostics.isEmpty, let decision, let asOf else { throw DiagnosticError(reader.diagnostics) }
        return AnswerKey(decision: decision, asOf: asOf, profile: profile, findings: findings)
    }
}

/// Located, typed access to an answer key's nodes, collecting every problem.
private struct KeyReader {
    let document: YAMLDocument
    var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument) { self.document = document }

    mutating func report(_ message: String, at node: Yams.Node?, hint: String? = nil) {
        let location = node.map(document.location(of:)) ?? SourceLocation(file: document.file, line: 1, column: 1)
        diagnostics.append(Diagnostic(id: "samples.answer-key", message: message, at: location, hint: hint))
    }

    mutating func mapping(_ node: Yams.Node, _ context: String, allowed: [String], required: [String]) -> [String: Yams.Node]? {
        guard case .mapping(let mapping) = node else {
            report("\(context) must be a mapping (key: value lines)", at: node)
            return nil
        }
        var fields: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                report("unknown key '\(name)' in \(context)", at: key,
                       hint: Suggestion.didYouMean(name, in: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            fields[name] = value
        }
        for name in required where fields[name] == nil {
            report("missing required key '\(name)' in \(context)", at: node, hint: "add '\(name): …'")
        }
        return fields
    }

    mutating func scalar(_ node: Yams.Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report("'\(key)' must be a single word or value", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func word<Word: RawRepresentable & CaseIterable>(_ node: Yams.Node?, _ key: String, _ type: Word.Type) -> Word?
    where Word.RawValue == String {
        guard let node, let text = scalar(node, key) else { return nil }
        if let word = Word(rawValue: text) { return word }
        let words = Word.allCases.map(\.rawValue)
        report("'\(text)' is not a valid \(key)", at: node,
               hint: Suggestion.didYouMean(text, in: words) ?? "use one of: \(words.joined(separator: ", "))")
        return nil
    }

    mutating func day(_ node: Yams.Node?) -> Day? {
        guard let node, let text = scalar(node, "as_of") else { return nil }
        guard case .date(let day) = TemporalParser.parse(text) else {
            report("'as_of' must be a date written YYYY-MM-DD, found '\(text)'", at: node)
            return nil
        }
        return day
    }

    mutating func finding(_ node: Yams.Node) -> AnswerKey.ExpectedFinding? {
        guard let fields = mapping(node, "a finding", allowed: ["rule", "subject", "result"], required: ["rule", "result"]),
              let ruleNode = fields["rule"], let rule = scalar(ruleNode, "rule"),
              let result = word(fields["result"], "result", CheckResult.self)
        else { return nil }
        let subject = fields["subject"].flatMap { scalar($0, "subject") }
        return AnswerKey.ExpectedFinding(rule: rule, subject: subject, result: result, location: document.location(of: node))
    }
}

extension Decision.Level: CaseIterable {
    public static let allCases: [Decision.Level] = [.ready, .readyWithConditions, .notReady]
}
