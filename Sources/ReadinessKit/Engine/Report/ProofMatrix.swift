/// One proposed charge set against the elements its pack defines: the evidence the charge rests on
/// and, element by element, the witnesses who prove it.
///
/// Built once per report from the bundle's `charges` (`charge.evidence`) and `witnesses`
/// (`witness.covers`), and the offence the charge's statute resolves to
/// (`CompiledChecklist.offence(forStatute:)`).
public struct ChargeProof: Codable, Sendable, Hashable {
    /// The charge's id.
    public var charge: String
    /// The count number, when the bundle gives one.
    public var count: Int?
    public var statute: String
    /// The offence id from the pack; `nil` when no selected pack defines the statute.
    public var offence: String?
    /// The offence's title from the pack.
    public var offenceTitle: String?
    /// The particulars of the count, from the bundle.
    public var description: String?
    /// The evidence items the charge rests on, in bundle order.
    public var evidence: [EvidenceReference]
    /// The offence's elements in the pack's order (empty when the offence is not defined).
    public var elements: [ElementProof]
    /// Coverage entries naming an element the offence does not have, as `witness → element`.
    public var unmatchedCoverage: [String]

    /// An evidence item as the proof matrix cites it.
    public struct EvidenceReference: Codable, Sendable, Hashable {
        public var id: String
        public var exhibitRef: String?
    }
}

/// One element of a charge, with the witnesses who prove it and whether that is enough.
public struct ElementProof: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    /// Witness roles that usually prove the element, from the pack.
    public var usuallyProvedBy: [String]
    /// Witnesses whose `covers` name this charge and element, in bundle order.
    public var witnesses: [WitnessReference]
    public var status: Status

    /// Whether an element has a witness who can be called to prove it.
    public enum Status: String, Codable, Sendable, Hashable {
        /// At least one witness who covers the element is recorded as available.
        case covered
        /// Witnesses cover the element, but none is recorded as available.
        case atRisk = "at_risk"
        /// No witness covers the element.
        case gap
    }
}

/// A witness as another section cites them.
public struct WitnessReference: Codable, Sendable, Hashable {
    public var id: String
    public var name: String?
    public var role: String
    /// `true` available, `false` unavailable, `nil` not established.
    public var available: Bool?
}

enum ProofMatrixBuilder {
    /// The proof matrix of every charge in `bundle`, in bundle order.
    static func build(_ bundle: CaseBundle, checklist: CompiledChecklist) -> [ChargeProof] {
        let witnesses = bundle.records(in: "witnesses")
        return bundle.records(in: "charges").map { charge in
            let id = charge.id ?? ""
            let statute = charge["statute"]?.stringValue ?? ""
            let offence = checklist.offence(forStatute: statute)
            let coverage = witnesses.flatMap { witness in
                (witness["covers"]?.listValue ?? []).compactMap(\.recordValue)
                    .filter { $0["charge"]?.stringValue == id }
                    .compactMap { entry in entry["element"]?.stringValue.map { (witness: witness, element: $0) } }
            }
            let elements = (offence?.elements ?? []).map { element in
                let provers = coverage.filter { $0.element == element.id }.map { reference(to: $0.witness) }
                return ElementProof(
                    id: element.id, title: element.title, usuallyProvedBy: element.provedBy, witnesses: provers,
                    status: provers.contains { $0.available == true } ? .covered : provers.isEmpty ? .gap : .atRisk)
            }
            let known = Set(elements.map(\.id))
            let unmatched = offence == nil ? [] : coverage.filter { !known.contains($0.element) }
                .map { "\($0.witness.id ?? "?") → \($0.element)" }
            let evidence = (charge["evidence"]?.listValue ?? []).compactMap(\.stringValue).map { itemID in
                ChargeProof.EvidenceReference(
                    id: itemID, exhibitRef: bundle.record(in: "evidence", id: itemID)?["exhibit_ref"]?.stringValue)
            }
            return ChargeProof(
                charge: id, count: charge["count"].flatMap(intValue), statute: statute, offence: offence?.id,
                offenceTitle: offence?.title, description: charge["description"]?.stringValue, evidence: evidence,
                elements: elements, unmatchedCoverage: unmatched)
        }
    }

    static func reference(to witness: Record) -> WitnessReference {
        WitnessReference(
            id: witness.id ?? "", name: witness["name"]?.stringValue, role: witness["role"]?.stringValue ?? "",
            available: witness["available"]?.boolValue)
    }

    static func intValue(_ value: Value) -> Int? {
        if case .int(let number) = value { return number }
        return nil
    }
}
