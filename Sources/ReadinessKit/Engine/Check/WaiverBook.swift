/// The bundle's waivers, resolved against the rules and the as-of date.
struct WaiverBook {
    private var waivers: [String: [WaiverEntry]] = [:]
    /// Waivers that cannot apply, with why (expired, unknown rule, not waivable, …).
    private(set) var refused: [WaiverNote] = []

    struct WaiverEntry {
        var note: WaiverNote
        var subject: String?
    }

    init(bundle: CaseBundle, rules: [CompiledRule], asOf: Day) {
        let byID = Dictionary(rules.map { ($0.rule.id, $0.rule) }, uniquingKeysWith: { first, _ in first })
        for record in bundle.records(in: "waivers") {
            let ruleID = record["rule"]?.stringValue ?? ""
            let subject = record["subject"]?.stringValue
            var note = WaiverNote(
                id: record.id ?? "", rule: ruleID, subject: subject, justification: record["justification"]?.stringValue ?? "",
                approvedBy: record["approved_by"]?.stringValue ?? "", expires: record["expires"].map(Self.text) ?? "",
                status: "applied")
            if let rule = byID[ruleID] {
                if !rule.waivable {
                    note.status = "not_waivable"
                } else if case .date(let expiry) = record["expires"], expiry < asOf {
                    note.status = "expired"
                } else if record["approved_at"]?.isDated(after: asOf) ?? false {
                    note.status = "not_yet_approved"
                }
            } else {
                note.status = "unknown_rule"
            }
            if note.status == "applied" {
                waivers[ruleID, default: []].append(WaiverEntry(note: note, subject: subject))
            } else {
                refused.append(note)
            }
        }
    }

    /// The waiver covering `rule` for `subject` (a subject waiver before a rule-wide one).
    mutating func waiver(rule: String, subject: String?) -> WaiverNote? {
        guard let entries = waivers[rule] else { return nil }
        if let subject, let match = entries.first(where: { $0.subject == subject }) { return match.note }
        return entries.first { $0.subject == nil }?.note
    }

    /// The subjects named by waivers of `rule`, which a rule run must watch for.
    func waivedSubjects(rule: String) -> Set<String> {
        Set(waivers[rule]?.compactMap(\.subject) ?? [])
    }

    /// Waivers naming subjects the rule never checked; call after the rule has run.
    mutating func unmatchedSubjects(rule: String, checked: Set<String>) {
        guard let entries = waivers[rule] else { return }
        for entry in entries {
            if let subject = entry.subject, !checked.contains(subject) {
                var note = entry.note
                note.status = "unknown_subject"
                refused.append(note)
            }
        }
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .date(let day): day.description
        case .timestamp(let instant): instant.description
        case .string(let text): text
        default: value.description
        }
    }
}
