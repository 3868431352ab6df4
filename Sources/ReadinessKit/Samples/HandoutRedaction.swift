import Foundation

/// `--redact` for workshop material: every value of a schema field marked as identifying a suspect
/// or victim, and the name of every victim witness, is replaced wherever it occurs in the text by
/// a stable pseudonym ("Suspect 1", "Victim 1"), numbered by sorted record id.
///
/// Victims' names and dates of birth are never shown in a handout, redacted or not; this covers the
/// suspect's details and any victim detail that turns up in free text.
struct HandoutRedaction {
    /// Original text and its replacement, longest original first so overlapping values redact whole.
    let replacements: [(original: String, pseudonym: String)]

    /// No redaction.
    static let none = HandoutRedaction(replacements: [])

    /// One compiled pattern per replacement, in the same order.
    private let patterns: [(expression: NSRegularExpression, template: String)]

    init(replacements: [(original: String, pseudonym: String)]) {
        self.replacements = replacements
        patterns = replacements.compactMap { original, pseudonym in
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: original) + "(?![\\p{L}\\p{N}])"
            guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
            return (expression, NSRegularExpression.escapedTemplate(for: pseudonym))
        }
    }

    /// What each identifying field's values are called after the person's pseudonym.
    static let nouns = [
        "name": "", "aliases": " alias", "emails": " e-mail", "accounts": " account", "address": " address",
        "date_of_birth": " date of birth", "user_accounts": " account", "account_identifier": " account",
        "reported_account": " account", "reported_email": " e-mail", "premises": " address",
    ]

    init(bundle: CaseBundle) {
        var table: [String: String] = [:]
        func add(_ value: Value, as person: String, field: String) {
            let pseudonym = person + (Self.nouns[field] ?? " detail")
            switch value {
            case .string(let text) where text.count >= 3 && table[text.lowercased()] == nil: table[text.lowercased()] = pseudonym
            case .date(let day) where table[day.description] == nil: table[day.description] = pseudonym
            case .list(let values): values.forEach { add($0, as: person, field: field) }
            default: break
            }
        }
        func addSensitive(_ record: Record, as person: String) {
            for field in record.type.fields where field.sensitivity != nil { add(record[field.name] ?? .null, as: person, field: field.name) }
        }
        let suspects = bundle.records(in: "suspects").sorted { ($0.id ?? "") < ($1.id ?? "") }
        let victims = bundle.records(in: "victims").sorted { ($0.id ?? "") < ($1.id ?? "") }
        var victimNames: [String: String] = [:]
        for (index, suspect) in suspects.enumerated() { addSensitive(suspect, as: "Suspect \(index + 1)") }
        for (index, victim) in victims.enumerated() {
            victimNames[victim.id ?? ""] = "Victim \(index + 1)"
            addSensitive(victim, as: "Victim \(index + 1)")
        }
        for witness in bundle.records(in: "witnesses") {
            guard let victim = witness["victim"]?.stringValue else { continue }
            add(witness["name"] ?? .null, as: victimNames[victim] ?? "Victim witness", field: "name")
        }
        // Identifying values held elsewhere (accounts, premises) belong to the first suspect.
        let owner = suspects.isEmpty ? "Suspect" : "Suspect 1"
        func collect(_ record: Record) {
            for (slot, field) in record.type.fields.enumerated() {
                let value = record.fields[slot]
                if field.sensitivity == .suspect, record.type.name != "Suspect" { add(value, as: owner, field: field.name) }
                if case .record(let nested) = value { collect(nested) }
                if case .list(let values) = value { values.compactMap(\.recordValue).forEach(collect) }
            }
        }
        collect(bundle.root)
        self.init(replacements: table.map { ($0.key, $0.value) }
            .sorted { ($1.original.count, $0.original) < ($0.original.count, $1.original) })
    }

    /// `text` with every identifying value replaced, matched without regard to case and only where
    /// it does not run on into a letter or digit (so a user name "alex" leaves "Alexander" alone).
    func callAsFunction(_ text: String) -> String {
        guard !patterns.isEmpty, !text.isEmpty else { return text }
        var output = text
        for (expression, template) in patterns {
            output = expression.stringByReplacingMatches(in: output, range: NSRange(output.startIndex..., in: output), withTemplate: template)
        }
        return output
    }
}
