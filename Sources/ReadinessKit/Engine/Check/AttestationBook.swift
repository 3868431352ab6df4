/// Reviewers' attestations answering manual checks, by rule.
struct AttestationBook {
    private var byRule: [String: [Record]] = [:]

    init(bundle: CaseBundle) {
        for record in bundle.records(in: "attestations") {
            byRule[record["rule"]?.stringValue ?? "", default: []].append(record)
        }
    }

    /// The latest attestation answering `rule` for `subject` (a subject's own before a case-wide one).
    func attestation(rule: String, subject: String?) -> AttestationNote? {
        guard let records = byRule[rule] else { return nil }
        let own = records.filter { subject != nil && $0["subject"]?.stringValue == subject }
        let general = records.filter { $0["subject"]?.stringValue == nil }
        let chosen = (own.isEmpty ? general : own).max { time($0) < time($1) }
        return chosen.map { record in
            AttestationNote(id: record.id ?? "", answer: record["answer"]?.stringValue ?? "", by: record["by"]?.stringValue ?? "",
                            at: time(record), note: record["note"]?.stringValue)
        }
    }

    private func time(_ record: Record) -> String { record["at"].map(WaiverBook.text) ?? "" }
}
