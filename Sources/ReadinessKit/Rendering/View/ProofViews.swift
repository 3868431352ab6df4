/// Views of the proof matrix, witness matrix and evidence summary.
enum ProofViews {
    static func charge(_ proof: ChargeProof) -> ChargeView {
        let elements = proof.elements.enumerated().map { index, element in
            ElementView(
                number: index + 1, id: element.id, title: element.title, witnesses: element.witnesses.map(witnessLine),
                usuallyProvedBy: element.usuallyProvedBy.map(MemoViewBuilder.words).joined(separator: ", "),
                status: statusLabel(element.status), statusNote: statusNote(element.status), mark: mark(element.status),
                isCovered: element.status == .covered, isAtRisk: element.status == .atRisk, isGap: element.status == .gap)
        }
        return ChargeView(
            charge: proof.charge, hasCount: proof.count != nil, count: proof.count ?? 0, statute: proof.statute,
            hasOffence: proof.offenceTitle != nil, offence: proof.offenceTitle ?? "",
            hasDescription: proof.description != nil, description: proof.description ?? "",
            evidence: proof.evidence.map { item in item.exhibitRef.map { "\(item.id) (exhibit \($0))" } ?? item.id },
            elements: elements, gaps: proof.elements.filter { $0.status == .gap }.count,
            atRisk: proof.elements.filter { $0.status == .atRisk }.count, unmatched: proof.unmatchedCoverage)
    }

    /// "W1 Jane Roe, forensic examiner (available)".
    static func witnessLine(_ witness: WitnessReference) -> String {
        let availability = switch witness.available {
        case true: "available"
        case false: "unavailable"
        case nil: "availability not established"
        }
        let name = witness.name.map { " \($0)," } ?? ","
        return "\(witness.id)\(name) \(MemoViewBuilder.words(witness.role)) (\(availability))"
    }

    static func statusLabel(_ status: ElementProof.Status) -> String {
        switch status {
        case .covered: "Covered"
        case .atRisk: "At risk"
        case .gap: "Gap"
        }
    }

    static func statusNote(_ status: ElementProof.Status) -> String {
        switch status {
        case .covered: "an available witness proves it"
        case .atRisk: "no witness who proves it is confirmed available"
        case .gap: "no witness is named to prove it"
        }
    }

    static func mark(_ status: ElementProof.Status) -> String {
        switch status {
        case .covered: "✓"
        case .atRisk: "!"
        case .gap: "✗"
        }
    }

    static func witness(_ entry: WitnessEntry) -> WitnessView {
        let availability = switch entry.availability {
        case .available: "Available"
        case .unavailable: "Unavailable" + (entry.unavailableReason.map { ": \($0)" } ?? "")
        case .unknown: "Not established"
        }
        let subpoena = switch entry.subpoena {
        case .served: "Served" + (entry.servedAt.map { " on \($0)" } ?? "")
        case .issued: "Issued, service not recorded"
        case .notIssued: "Not issued"
        case .unknown: "Not established"
        }
        return WitnessView(
            id: entry.id, hasName: entry.name != nil, name: entry.name ?? "", role: MemoViewBuilder.words(entry.role),
            hasAgency: entry.agency != nil, agency: entry.agency ?? "", isVictim: entry.victim != nil,
            availability: availability, isAvailable: entry.availability == .available,
            isUnavailable: entry.availability == .unavailable, subpoena: subpoena,
            proves: entry.proves.map { coverage in
                "\(coverage.charge): \(coverage.elementTitle ?? "element '\(coverage.element)' (not in the offence)")"
            })
    }

    static func evidence(_ summary: EvidenceSummary) -> EvidenceView {
        func rows(_ tallies: [EvidenceSummary.Tally]) -> [CountView] {
            tallies.map { CountView(label: MemoViewBuilder.words($0.key), count: $0.count) }
        }
        let equivalents = summary.imageEquivalents
        return EvidenceView(
            items: summary.items, byLocation: rows(summary.byLocation), byMediaType: rows(summary.byMediaType),
            byDevice: summary.byDevice.map { CountView(label: $0.key, count: $0.count) },
            hasImageEquivalents: equivalents != nil,
            imageEquivalents: ImageEquivalentsView(
                row: equivalents?.row ?? "", perVideo: equivalents?.perVideo ?? 0, images: equivalents?.images ?? 0,
                videos: equivalents?.videos ?? 0, hasUnknownType: (equivalents?.unknownType ?? 0) > 0,
                unknownType: equivalents?.unknownType ?? 0, total: equivalents?.total ?? 0))
    }
}

/// Why a theme's open issues matter, in one sentence for the memo.
enum ThemeGuide {
    static func why(_ theme: Theme) -> String {
        switch theme {
        case .hearsay:
            "Records offered without a qualifying witness or certification risk exclusion as hearsay or for want of authentication."
        case .privateSearch:
            "A government search that went beyond what the provider itself viewed risks suppression of the files and of what was derived from them."
        case .realVsSynthetic:
            "Whether the material depicts a real child goes to an element of the offence; doubt here can defeat the count."
        case .mensRea:
            "Knowledge and possession must be proved; without attribution evidence the defence can say someone else, or the system, put the files there."
        case .witnesses:
            "Every element needs a witness who can be called; an unnamed or unavailable witness leaves the element unproved."
        case .custody:
            "Gaps in the chain of custody or in hash verification invite challenges to the integrity and authenticity of the evidence."
        case .legalProcess:
            "Defective or out-of-scope process risks suppression of what it produced, and a missed statutory clock risks dismissal of the charge."
        case .preservation:
            "Data not preserved in time may be lost for good; providers keep reported content only for a limited period."
        case .charging:
            "A defect in the charge itself, such as its statute, particulars, time limit or a required consent, can defeat the count."
        case .sentencing:
            "Errors here affect the sentence rather than guilt, but must be put right before plea or sentencing."
        case .fileQuality:
            "An incomplete file delays the charging decision and can hide weaknesses from the reviewing lawyer."
        }
    }
}
