import Foundation

/// Replaces victim and suspect identifying details with stable pseudonyms ("Suspect 1",
/// "Victim 1") in a report, for `--redact`.
///
/// What is replaced: every value of a schema field marked with a `sensitivity` (suspects' names,
/// aliases, e-mails, accounts, addresses, dates of birth; victims' names and dates of birth;
/// reported accounts, account identifiers, premises) and the names of victim witnesses
/// (`witness.victim`), wherever the value occurs in any text of the report, matched without
/// regard to case and only as a whole word. Numbering follows sorted record ids and bundle order,
/// never randomness, so the same bundle always gets the same pseudonyms.
public struct Redactor: Sendable {
    /// Original text and its pseudonym, longest original first.
    public let replacements: [(original: String, pseudonym: String)]

    /// Collects the identifying values of `bundle` and assigns their pseudonyms.
    public init(bundle: CaseBundle) {
        var table = PseudonymTable()
        let suspects = bundle.records(in: "suspects").sorted { ($0.id ?? "") < ($1.id ?? "") }
        for (index, suspect) in suspects.enumerated() {
            table.add(record: suspect, as: "Suspect \(index + 1)")
        }
        let victims = bundle.records(in: "victims").sorted { ($0.id ?? "") < ($1.id ?? "") }
        var victimNames: [String: String] = [:]
        for (index, victim) in victims.enumerated() {
            victimNames[victim.id ?? ""] = "Victim \(index + 1)"
            table.add(record: victim, as: "Victim \(index + 1)")
        }
        for witness in bundle.records(in: "witnesses") {
            guard let victim = witness["victim"]?.stringValue, let name = witness["name"]?.stringValue else { continue }
            table.assign(name, to: victimNames[victim] ?? "Victim witness")
        }
        table.addUnattributed(under: bundle.root)
        replacements = table.entries.sorted { ($1.original.count, $0.original) < ($0.original.count, $1.original) }
    }

    /// `report` with every identifying value replaced, marked as redacted.
    public func redact(_ report: Report) -> Report {
        // A synthesized Codable type always round-trips through JSON.
        guard var redacted = try? StringMapping.map(report, redact) else { preconditionFailure("report does not round-trip") }
        redacted.redacted = true
        return redacted
    }

    /// `text` with every identifying value replaced by its pseudonym.
    public func redact(_ text: String) -> String {
        guard !replacements.isEmpty, !text.isEmpty else { return text }
        var output = ""
        var position = text.startIndex
        scanning: while position < text.endIndex {
            let atWordStart = position == text.startIndex || !text[text.index(before: position)].isWordCharacter
            if atWordStart {
                for (original, pseudonym) in replacements {
                    guard let match = text.range(of: original, options: [.caseInsensitive, .anchored],
                                                 range: position..<text.endIndex),
                        match.upperBound == text.endIndex || !text[match.upperBound].isWordCharacter
                    else { continue }
                    output += pseudonym
                    position = match.upperBound
                    continue scanning
                }
            }
            output.append(text[position])
            position = text.index(after: position)
        }
        return output
    }
}

/// Pseudonyms collected from a bundle, first assignment winning.
private struct PseudonymTable {
    var entries: [(original: String, pseudonym: String)] = []
    private var known: Set<String> = []
    private var counters: [String: Int] = [:]

    /// What each sensitive field's values are called after the person's pseudonym.
    static let nouns = [
        "aliases": "alias", "emails": "e-mail", "accounts": "account", "address": "address",
        "date_of_birth": "date of birth", "user_accounts": "account", "account_identifier": "account",
        "reported_account": "account", "reported_email": "e-mail", "premises": "premises",
    ]

    mutating func assign(_ original: String, to pseudonym: String) {
        let trimmed = original.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, known.insert(trimmed.lowercased()).inserted else { return }
        entries.append((trimmed, pseudonym))
    }

    /// Whether `original` already has a pseudonym (blank text counts as known: it is never replaced).
    func isKnown(_ original: String) -> Bool {
        let trimmed = original.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || known.contains(trimmed.lowercased())
    }

    /// The sensitive fields of a suspect or victim record: the name becomes `pseudonym`, other
    /// fields `pseudonym` plus a noun and, for lists, a number.
    mutating func add(record: Record, as pseudonym: String) {
        for (slot, field) in record.type.fields.enumerated() where field.sensitivity != nil {
            let values = Self.texts(record.fields[slot])
            let noun = Self.nouns[field.name] ?? field.name.replacingOccurrences(of: "_", with: " ")
            for (index, value) in values.enumerated() {
                let numbered = values.count > 1 || Self.isList(record.fields[slot]) ? " \(index + 1)" : ""
                assign(value, to: field.name == "name" ? pseudonym : "\(pseudonym) \(noun)\(numbered)")
            }
        }
    }

    /// Sensitive values outside suspect and victim records, e.g. a CyberTip's reported account,
    /// numbered per noun in bundle order.
    mutating func addUnattributed(under record: Record) {
        for (slot, field) in record.type.fields.enumerated() {
            let value = record.fields[slot]
            if let sensitivity = field.sensitivity, !["Suspect", "Victim"].contains(record.type.name) {
                let noun = Self.nouns[field.name] ?? "identifier"
                let person = sensitivity == .victim ? "Victim" : "Suspect"
                for text in Self.texts(value) where !isKnown(text) {
                    counters[noun, default: 0] += 1
                    assign(text, to: "\(person) \(noun) \(counters[noun] ?? 1)")
                }
            }
            for nested in Self.records(value) { addUnattributed(under: nested) }
        }
    }

    static func texts(_ value: Value) -> [String] {
        switch value {
        case .string(let text): [text]
        case .date(let day): [day.description]
        case .list(let values): values.flatMap(texts)
        default: []
        }
    }

    static func records(_ value: Value) -> [Record] {
        switch value {
        case .record(let record): [record]
        case .list(let values): values.flatMap(records)
        default: []
        }
    }

    static func isList(_ value: Value) -> Bool { value.listValue != nil }
}

private extension Character {
    var isWordCharacter: Bool { isLetter || isNumber }
}
