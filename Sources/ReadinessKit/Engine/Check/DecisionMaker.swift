/// Turns rule results into the readiness decision and a one-paragraph rationale.
///
/// `not_ready` when any rule of a `not_ready` severity (default: blocker) fails, needs information,
/// awaits review or errors; `ready_with_conditions` when a `conditions` severity (default: major)
/// does; otherwise `ready`.
struct DecisionMaker {
    let profile: Profile

    func decide(_ results: [RuleResult]) -> Decision {
        let open = results.filter(\.outcome.isOpen)
        let blocking = open.filter { profile.notReady.contains($0.severity) }
        let conditional = open.filter { profile.conditions.contains($0.severity) && !profile.notReady.contains($0.severity) }
        let level: Decision.Level = !blocking.isEmpty ? .notReady : !conditional.isEmpty ? .readyWithConditions : .ready
        var sentences: [String] = []
        switch level {
        case .notReady:
            sentences.append("The file is not ready for a charging decision: \(describe(blocking)).")
        case .readyWithConditions:
            sentences.append("The file can go forward only if these are resolved first: \(describe(conditional)).")
        case .ready:
            sentences.append("No blocking or major issue is open.")
        }
        if level == .notReady, !conditional.isEmpty {
            sentences.append("Also open: \(describe(conditional)).")
        }
        let applicable = results.filter { $0.outcome != .notApplicable }
        let passing = applicable.filter { $0.outcome == .pass }.count
        let waived = results.filter { $0.outcome == .waived }.count
        var tally = "\(passing) of \(applicable.count) applicable rules pass"
        if waived > 0 { tally += "; \(waived) \(waived == 1 ? "is" : "are") waived" }
        sentences.append(tally + ".")
        return Decision(level: level, rationale: sentences.joined(separator: " "))
    }

    /// "2 blocker rules fail (US-PS-01, US-HS-02) and 1 needs information (US-WT-01)".
    private func describe(_ results: [RuleResult]) -> String {
        let phrases: [(CheckResult, String, String)] = [
            (.fail, "fails", "fail"), (.unknown, "needs information", "need information"),
            (.needsReview, "awaits review", "await review"), (.error, "could not be evaluated", "could not be evaluated"),
        ]
        var parts: [String] = []
        for (outcome, singular, plural) in phrases {
            let matching = results.filter { $0.outcome == outcome }
            guard !matching.isEmpty else { continue }
            let severities = Set(matching.map(\.severity)).sorted().map(\.rawValue).joined(separator: "/")
            let ids = matching.map(\.rule).joined(separator: ", ")
            let noun = matching.count == 1 ? "rule" : "rules"
            parts.append("\(matching.count) \(severities) \(noun) \(matching.count == 1 ? singular : plural) (\(ids))")
        }
        return parts.joined(separator: "; ")
    }
}
