// The report's long arrays, written as their synthesized `Encodable` conformances write them
// (keys sorted, `nil` left out); see `JSONTextWritable`.

extension Finding: JSONTextWritable {
    func writeJSON(level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        if let attestation {
            object.key("attestation", &output)
            attestation.writeJSON(level: object.valueLevel, to: &output)
        }
        object.string("deadline", ifPresent: deadline, &output)
        object.string("message", message, &output)
        object.strings("missingFacts", missingFacts, &output)
        object.key("observedFacts", &output)
        JSONObjectText.array(observedFacts, level: object.valueLevel, &output) { fact, level, output in
            var member = JSONObjectText(output, level: level)
            member.string("path", fact.path, &output)
            member.string("value", fact.value, &output)
            member.end(&output)
        }
        object.string("outcome", outcome.rawValue, &output)
        object.string("reason", ifPresent: reason, &output)
        object.string("remediation", remediation, &output)
        object.string("rule", rule, &output)
        object.string("severity", severity.rawValue, &output)
        if let subject {
            object.key("subject", &output)
            var member = JSONObjectText(output, level: object.valueLevel)
            member.string("collection", subject.collection, &output)
            member.string("id", subject.id, &output)
            member.string("path", subject.path, &output)
            member.end(&output)
        }
        object.string("waivedOutcome", ifPresent: waivedOutcome?.rawValue, &output)
        if let waiver {
            object.key("waiver", &output)
            waiver.writeJSON(level: object.valueLevel, to: &output)
        }
        object.end(&output)
    }
}

extension WaiverNote {
    func writeJSON(level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        object.string("approvedBy", approvedBy, &output)
        object.string("expires", expires, &output)
        object.string("id", id, &output)
        object.string("justification", justification, &output)
        object.string("rule", rule, &output)
        object.string("status", status, &output)
        object.string("subject", ifPresent: subject, &output)
        object.end(&output)
    }
}

extension AttestationNote {
    func writeJSON(level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        object.string("answer", answer, &output)
        object.string("at", at, &output)
        object.string("by", by, &output)
        object.string("id", id, &output)
        object.string("note", ifPresent: note, &output)
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
