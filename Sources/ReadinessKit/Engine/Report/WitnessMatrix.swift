/// One witness the case relies on: role, availability, subpoena and what they prove.
public struct WitnessEntry: Codable, Sendable, Hashable {
    public var id: String
    /// The name; for a victim witness it is replaced by the victim's pseudonym when redacting.
    public var name: String?
    public var role: String
    public var agency: String?
    /// For a victim witness, the victim's id.
    public var victim: String?
    public var availability: Availability
    public var unavailableReason: String?
    public var subpoena: Subpoena
    /// When the subpoena or summons was served.
    public var servedAt: String?
    /// The charge elements the witness covers, in the order the bundle lists them.
    public var proves: [Coverage]

    /// Whether the witness can be called.
    public enum Availability: String, Codable, Sendable, Hashable {
        case available, unavailable, unknown
    }

    /// Where the subpoena (or witness summons) stands.
    public enum Subpoena: String, Codable, Sendable, Hashable {
        /// Issued and served (`served_at` is set).
        case served
        /// Issued, service not recorded.
        case issued
        case notIssued = "not_issued"
        /// Not established.
        case unknown
    }

    /// A charge element a witness covers.
    public struct Coverage: Codable, Sendable, Hashable {
        public var charge: String
        public var element: String
        /// The element's title, when the charge's offence defines the element.
        public var elementTitle: String?
    }
}

enum WitnessMatrixBuilder {
    /// Every witness in bundle order, with element titles taken from the proof matrix.
    static func build(_ bundle: CaseBundle, proof: [ChargeProof]) -> [WitnessEntry] {
        var titles: [String: String] = [:]
        for charge in proof {
            for element in charge.elements { titles["\(charge.charge)\u{0}\(element.id)"] = element.title }
        }
        return bundle.records(in: "witnesses").map { witness in
            let available = witness["available"]?.boolValue
            let subpoenaed = witness["subpoenaed"]?.boolValue
            let servedAt = witness["served_at"].flatMap { $0.isNull ? nil : MessageTemplate.display($0) }
            let subpoena: WitnessEntry.Subpoena = switch (subpoenaed, servedAt) {
            case (_, .some): .served
            case (true, nil): .issued
            case (false, nil): .notIssued
            case (nil, nil): .unknown
            }
            let proves = (witness["covers"]?.listValue ?? []).compactMap(\.recordValue).map { entry in
                let charge = entry["charge"]?.stringValue ?? "", element = entry["element"]?.stringValue ?? ""
                return WitnessEntry.Coverage(charge: charge, element: element, elementTitle: titles["\(charge)\u{0}\(element)"])
            }
            return WitnessEntry(
                id: witness.id ?? "", name: witness["name"]?.stringValue, role: witness["role"]?.stringValue ?? "",
                agency: witness["agency"]?.stringValue, victim: witness["victim"]?.stringValue,
                availability: available.map { $0 ? .available : .unavailable } ?? .unknown,
                unavailableReason: witness["unavailable_reason"]?.stringValue, subpoena: subpoena, servedAt: servedAt,
                proves: proves)
        }
    }
}
