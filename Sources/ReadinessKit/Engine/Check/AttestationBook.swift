/// Reviewers' attestations answering manual checks, by rule. An attestation dated after the
/// check's as-of date had not been given on that date, so it does not count.
struct AttestationBook {
    private var byRule: [String: [Record]] = [:]

    init(bundle: CaseBundle, asOf: Day) {
        for record in bundle.records(in: "attestations") where !(record["at"]?.isDated(after: asOf) ?? false) {
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

extension Value {
    /// Whether this date or timestamp falls on a day after `day` (its local day, for a timestamp).
    func isDated(after day: Day) -> Bool {
        switch self {
        case .date(let date): date > day
        case .timestamp(let instant): instant.localDay > day
        default: false
        }
    }
}
