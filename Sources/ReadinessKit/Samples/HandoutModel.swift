/// The case file as tables for a trainee handout: charges, devices, evidence, CyberTips, legal
/// process, witnesses, victims (pseudonymous ids only), indicators and documents. Facts only: no
/// findings, no attestations, no waivers. Every value passes through the redaction.
///
/// Absent facts print as "not recorded", never as "no": telling the two apart is part of the
/// exercise.
struct HandoutModel {
    let bundle: CaseBundle
    let redact: HandoutRedaction
    /// Evidence rows shown before "and N more" (large samples hold thousands).
    static let evidenceLimit = 200

    /// The template context for the tables.
    func tables() -> [String: Any] {
        let evidence = bundle.records(in: "evidence")
        let shown = evidence.prefix(Self.evidenceLimit).map(evidenceRow)
        return [
            "charges": bundle.records(in: "charges").map(chargeRow),
            "devices": bundle.records(in: "devices").map(deviceRow),
            "evidence": Array(shown),
            "hasEvidence": !evidence.isEmpty,
            "evidenceTotal": evidence.count,
            "evidenceMore": evidence.count > shown.count,
            "evidenceHidden": evidence.count - shown.count,
            "cybertips": bundle.records(in: "cybertips").map(cybertipRow),
            "hasCybertips": !bundle.records(in: "cybertips").isEmpty,
            "process": bundle.records(in: "legal_process").map(processRow),
            "hasProcess": !bundle.records(in: "legal_process").isEmpty,
            "witnesses": bundle.records(in: "witnesses").map(witnessRow),
            "victims": bundle.records(in: "victims").map(victimRow),
            "hasVictims": !bundle.records(in: "victims").isEmpty,
            "indicators": bundle.records(in: "indicators").map(indicatorRow),
            "hasIndicators": !bundle.records(in: "indicators").isEmpty,
            "documents": bundle.records(in: "documents").map(documentRow),
            "hasDocuments": !bundle.records(in: "documents").isEmpty,
            "dppConsent": dppConsent(),
            "hasDppConsent": bundle.caseRecord["jurisdiction"]?.stringValue == "UK-EW",
        ]
    }

    /// A fact as a trainee reads it.
    func show(_ value: Value?) -> String {
        switch value ?? .null {
        case .null: "not recorded"
        case .bool(let flag): flag ? "yes" : "no"
        case .string(let text): redact(text)
        case .list(let values): values.isEmpty ? "none" : values.map { show($0) }.joined(separator: ", ")
        case .record(let record): record.id ?? record.path
        default: redact((value ?? .null).description)
        }
    }

    func show(_ record: Record?, _ field: String) -> String { show(record?[field]) }

    private func chargeRow(_ charge: Record) -> [String: Any] {
        [
            "id": show(charge, "id"), "statute": show(charge, "statute"), "offence": words(charge, "offence"),
            "theory": words(charge, "theory"), "from": show(charge, "offence_from"), "to": show(charge, "offence_to"),
            "items": count(charge["evidence"]), "imageCount": show(charge, "image_count"), "description": show(charge, "description"),
        ]
    }

    private func deviceRow(_ device: Record) -> [String: Any] {
        let acquisition = device["acquisition"]?.recordValue
        let attribution = device["attribution"]?.recordValue
        let custody = device["custody"]?.listValue?.compactMap(\.recordValue) ?? []
        let attributionFacts = ["exclusive_use", "shared_household", "password_protected", "admission"].map { field in
            "\(field.replacingOccurrences(of: "_", with: " ")): \(show(attribution, field))"
        }
        return [
            "id": show(device, "id"), "kind": words(device, "kind"), "description": show(device, "description"),
            "exhibit": show(device, "exhibit_ref"), "seizedAt": show(device, "seized_at"), "seizedFrom": show(device, "seized_from"),
            "seizedUnder": show(device, "seized_under"), "tool": "\(show(acquisition, "tool")) \(show(acquisition, "tool_version"))",
            "writeBlocked": show(acquisition, "write_blocked"), "acquisitionHash": hash(acquisition?["acquisition_hash"]),
            "verificationHash": hash(acquisition?["verification_hash"]), "verifiedAt": show(acquisition, "verified_at"),
            "custody": custody.map { event in
                ["at": show(event, "at"), "from": show(event, "from"), "to": show(event, "to"), "purpose": show(event, "purpose"), "seal": show(event, "seal")]
            },
            "hasCustody": !custody.isEmpty,
            "attribution": attributionFacts.joined(separator: "; "),
            "userAccounts": show(attribution, "user_accounts"), "personalArtifacts": show(attribution, "personal_artifacts"),
        ]
    }

    private func evidenceRow(_ item: Record) -> [String: Any] {
        let grading = item["grading"]?.recordValue
        var grade: [String] = []
        if let category = grading?["uk_category"]?.stringValue { grade.append("category \(category)") }
        if let prepubescent = grading?["us_prepubescent"]?.boolValue { grade.append(prepubescent ? "prepubescent" : "not prepubescent") }
        if grading?["us_sadistic"]?.boolValue == true { grade.append("sadistic") }
        if let method = grading?["method"]?.stringValue { grade.append("by \(show(grading, "grader")), \(method.replacingOccurrences(of: "_", with: " "))") }
        return [
            "id": show(item, "id"), "exhibit": show(item, "exhibit_ref"), "device": show(item, "device"), "location": words(item, "location"),
            "path": show(item, "path"), "deleted": show(item, "deleted"), "hashVerified": show(item, "hash_verified"),
            "created": show(item, "created_at"), "userActions": words(item, "user_actions"),
            "grading": grading == nil ? "not recorded" : (grade.isEmpty ? "ungraded" : grade.joined(separator: ", ")),
            "victim": show(item, "victim"), "realChild": words(item, "real_child_evidence"),
            "synthetic": words(item, "synthetic_indicators"), "cybertipFile": show(item, "cybertip_file"),
        ]
    }

    private func cybertipRow(_ tip: Record) -> [String: Any] {
        let certification = tip["certification"]?.recordValue
        let files = tip["files"]?.listValue?.compactMap(\.recordValue) ?? []
        return [
            "id": show(tip, "id"), "provider": show(tip, "provider"), "submitted": show(tip, "submitted_at"),
            "received": show(tip, "received_at"), "preservation": show(tip, "preservation_expires_at"),
            "process": show(tip, "legal_process"), "custodian": show(tip, "custodian"), "usedToProve": show(tip, "used_to_prove"),
            "certification": certification.map {
                "\(words($0, "type")); on file: \(show($0, "on_file")); notice served: \(show($0, "notice_served_at"))"
            } ?? "not recorded",
            "files": files.map { file in
                [
                    "id": show(file, "id"), "viewedByProvider": show(file, "file_viewed_by_esp"),
                    "priorReview": show(file, "esp_prior_review_of_hash_match"), "classification": show(file, "industry_classification"),
                    "annotations": words(file, "annotations"), "openedAt": show(file, "opened_by_law_enforcement_at"),
                    "openedBy": show(file, "opened_by"), "openedUnder": show(file, "opened_under"), "openedByNcmec": show(file, "opened_by_ncmec"),
                ]
            },
        ]
    }

    private func processRow(_ process: Record) -> [String: Any] {
        let scope = process["scope"]?.recordValue
        var covers: [String] = []
        for field in ["devices", "accounts", "premises"] where !(scope?[field]?.isNull ?? true) {
            covers.append("\(field): \(show(scope, field))")
        }
        if let from = scope?["from"], !from.isNull { covers.append("from \(show(from))") }
        if let to = scope?["to"], !to.isNull { covers.append("to \(show(to))") }
        if let unallocated = scope?["unallocated_review_authorised"], !unallocated.isNull { covers.append("unallocated review: \(show(unallocated))") }
        return [
            "id": show(process, "id"), "kind": words(process, "kind"), "recipient": show(process, "recipient"),
            "issued": show(process, "issued_at"), "served": show(process, "served_at"), "executed": show(process, "executed_at"),
            "returned": show(process, "returned_at"), "expires": show(process, "expires_at"), "renewed": show(process, "renewed_at"),
            "scope": covers.isEmpty ? "not recorded" : covers.joined(separator: "; "),
            "affidavitReliesOn": show(process, "affidavit_relies_on"),
        ]
    }

    private func witnessRow(_ witness: Record) -> [String: Any] {
        let covers = witness["covers"]?.listValue?.compactMap(\.recordValue) ?? []
        let certification = witness["certification"]?.recordValue
        return [
            "id": show(witness, "id"), "name": witness["victim"]?.isNull == false ? "(victim witness)" : show(witness, "name"),
            "role": words(witness, "role"), "agency": show(witness, "agency"), "available": show(witness, "available"),
            "reason": show(witness, "unavailable_reason"), "country": show(witness, "country"),
            "subpoenaed": show(witness, "subpoenaed"),
            "certification": certification.map { "\(words($0, "type")); on file: \(show($0, "on_file"))" } ?? "none recorded",
            "covers": covers.isEmpty ? "none" : covers.map { "\(show($0, "charge")): \(show($0, "element").replacingOccurrences(of: "_", with: " "))" }
                .joined(separator: "; "),
        ]
    }

    /// Victims by pseudonymous id only: names and dates of birth are never shown.
    private func victimRow(_ victim: Record) -> [String: Any] {
        [
            "id": show(victim, "id"), "identified": show(victim, "identified"), "age": show(victim, "age_at_production"),
            "series": show(victim, "series"), "agency": show(victim, "identifying_agency"),
            "officer": show(victim, "identifying_officer"), "notified": show(victim, "notified"),
        ]
    }

    private func indicatorRow(_ indicator: Record) -> [String: Any] {
        [
            "id": show(indicator, "id"), "kind": words(indicator, "kind"), "device": show(indicator, "device"),
            "evidence": show(indicator, "evidence"), "description": show(indicator, "description"),
        ]
    }

    private func documentRow(_ document: Record) -> [String: Any] {
        [
            "id": show(document, "id"), "kind": words(document, "kind"), "title": show(document, "title"),
            "author": show(document, "author"), "dated": show(document, "dated"), "complete": show(document, "complete"),
        ]
    }

    private func dppConsent() -> String {
        guard let consent = bundle.caseRecord["dpp_consent"]?.recordValue else { return "not recorded" }
        return "recorded: \(show(consent, "recorded")); by: \(show(consent, "by")); on: \(show(consent, "at")); charges covered: \(show(consent, "offences"))"
    }

    /// A word-list fact with underscores as spaces.
    private func words(_ record: Record, _ field: String) -> String {
        show(record[field]).replacingOccurrences(of: "_", with: " ")
    }

    private func count(_ value: Value?) -> String {
        guard let list = value?.listValue else { return "not recorded" }
        return list.isEmpty ? "none" : list.map { show($0) }.joined(separator: ", ")
    }

    private func hash(_ value: Value?) -> String {
        guard let hash = value?.recordValue else { return "not recorded" }
        return "\(show(hash, "algorithm")) \(show(hash, "value"))"
    }
}
