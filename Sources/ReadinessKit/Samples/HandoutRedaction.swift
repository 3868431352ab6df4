import Foundation

/// `--redact` for workshop material: every value of a schema field marked as identifying a suspect
/// or victim, and the name of every victim witness, is replaced wherever it occurs in the text by
/// a stable pseudonym ("Suspect 1", "Victim 1"), numbered by sorted record id.
///
/// Victims' names and dates of birth are never shown in a handout, redacted or not; this covers the
/// suspect's details and any victim detail that turns up in free text.
struct HandoutRedaction: Sendable {
    /// Original text and its replacement, longest original first so overlapping values redact whole.
    let replacements: [(original: String, pseudonym: String)]

    /// No redaction.
    static let none = HandoutRedaction(replacements: [])

    init(replacements: [(original: String, pseudonym: String)]) {
        self.replacements = replacements
    }

    init(bundle: CaseBundle) {
        var table: [String: String] = [:]
        func add(_ value: Value, as pseudonym: String) {
            switch value {
            case .string(let text) where text.count >= 3 && table[text] == nil: table[text] = pseudonym
            case .date(let day) where table[day.description] == nil: table[day.description] = "[date redacted]"
            case .list(let values): values.forEach { add($0, as: pseudonym) }
            default: break
            }
        }
        let suspects = bundle.records(in: "suspects").sorted { ($0.id ?? "") < ($1.id ?? "") }
        let victims = bundle.records(in: "victims").sorted { ($0.id ?? "") < ($1.id ?? "") }
        var victimNames: [String: String] = [:]
        for (index, suspect) in suspects.enumerated() {
            for field in suspect.type.fields where field.sensitivity != nil { add(suspect[field.name] ?? .null, as: "Suspect \(index + 1)") }
        }
        for (index, victim) in victims.enumerated() {
            victimNames[victim.id ?? ""] = "Victim \(index + 1)"
            for field in victim.type.fields where field.sensitivity != nil { add(victim[field.name] ?? .null, as: "Victim \(index + 1)") }
        }
        for witness in bundle.records(in: "witnesses") {
            guard let victim = witness["victim"]?.stringValue else { continue }
            add(witness["name"] ?? .null, as: victimNames[victim] ?? "Victim witness")
        }
        // Identifying values held elsewhere (accounts, premises) belong to the first suspect.
        let owner = suspects.isEmpty ? "Suspect" : "Suspect 1"
        func collect(_ record: Record) {
            for (slot, field) in record.type.fields.enumerated() {
                let value = record.fields[slot]
                if field.sensitivity == .suspect, record.type.name != "Suspect" { add(value, as: "\(owner) (\(field.name.replacingOccurrences(of: "_", with: " ")))") }
                if case .record(let nested) = value { collect(nested) }
                if case .list(let values) = value { values.compactMap(\.recordValue).forEach(collect) }
            }
        }
        collect(bundle.root)
        replacements = table.map { ($0.key, $0.value) }.sorted { ($1.original.count, $0.original) < ($0.original.count, $1.original) }
    }

    /// `text` with every identifying value replaced, matched without regard to case.
    func callAsFunction(_ text: String) -> String {
        guard !replacements.isEmpty, !text.isEmpty else { return text }
        var output = text
        for (original, pseudonym) in replacements {
            output = output.replacingOccurrences(of: original, with: pseudonym, options: .caseInsensitive)
        }
        return output
    }
}
