// The report's long arrays, written as their synthesized `Encodable` conformances write them
// (keys sorted, `nil` left out); see `JSONTextWritable`.

extension Finding: JSONTextWritable {
    func writeJSON(level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        if let attestation {
            object.key("attestation", &output)
            JSONObjectText.strings(
                [("answer", attestation.answer), ("at", attestation.at), ("by", attestation.by), ("id", attestation.id),
                 ("note", attestation.note)], level: object.valueLevel, to: &output)
        }
        object.string("deadline", ifPresent: deadline, &output)
        object.string("message", message, &output)
        object.strings("missingFacts", missingFacts, &output)
        object.key("observedFacts", &output)
        JSONObjectText.array(observedFacts, level: object.valueLevel, &output) { fact, level, output in
            JSONObjectText.strings([("path", fact.path), ("value", fact.value)], level: level, to: &output)
        }
        object.string("outcome", outcome.rawValue, &output)
        object.string("reason", ifPresent: reason, &output)
        object.string("remediation", remediation, &output)
        object.string("rule", rule, &output)
        object.string("severity", severity.rawValue, &output)
        if let subject {
            object.key("subject", &output)
            JSONObjectText.strings([("collection", subject.collection), ("id", subject.id), ("path", subject.path)],
                                   level: object.valueLevel, to: &output)
        }
        object.string("waivedOutcome", ifPresent: waivedOutcome?.rawValue, &output)
        if let waiver {
            object.key("waiver", &output)
            JSONObjectText.strings(
                [("approvedBy", waiver.approvedBy), ("expires", waiver.expires), ("id", waiver.id), ("justification", waiver.justification),
                 ("rule", waiver.rule), ("status", waiver.status), ("subject", waiver.subject)], level: object.valueLevel, to: &output)
        }
        object.end(&output)
    }
}

extension ActionItem: JSONTextWritable {
    func writeJSON(level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        object.string("action", action, &output)
        object.string("deadline", ifPresent: deadline, &output)
        object.strings("legalBasis", legalBasis, &output)
        object.string("number", number, &output)
        object.string("outcome", outcome.rawValue, &output)
        object.string("owner", owner.rawValue, &output)
        object.string("rule", rule, &output)
        object.string("severity", severity.rawValue, &output)
        object.string("subject", ifPresent: subject, &output)
        object.string("title", title, &output)
        object.end(&output)
    }
}
