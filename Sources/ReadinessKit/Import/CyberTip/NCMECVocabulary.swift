/// The CyberTipline XML vocabulary the importer knows, and how its words map to bundle words.
///
/// Element names follow NCMEC's Reporting API documentation (see `docs/import.md` and
/// `shared/reference/legal.md` §9). Elements known here but without a bundle field are kept in the
/// report's `notes`; elements not known here are kept too, and reported as warnings.
enum NCMECVocabulary {
    /// Root element of the documented container that holds several reports.
    static let container = "cybertipReports"
    static let report = "report"

    /// `incidentType` texts (normalised: lowercase, single spaces) → `incident_type` words.
    static let incidentTypes: [String: String] = [
        "child pornography (possession, manufacture, and distribution)": "child_pornography",
        "child pornography": "child_pornography",
        "child sex trafficking": "child_sex_trafficking",
        "child sex tourism": "child_sex_tourism",
        "child sexual molestation": "child_sexual_molestation",
        "misleading domain name": "misleading_domain_name",
        "misleading words or digital images on the internet": "misleading_words_or_digital_images",
        "online enticement of children for sexual acts": "online_enticement",
        "online enticement of children for sexual act": "online_enticement",
        "unsolicited obscene material sent to a child": "unsolicited_obscene_material",
    ]

    /// `reportAnnotations` child elements → `report_annotation` words.
    static let reportAnnotations: [String: String] = [
        "sextortion": "sextortion",
        "csamSolicitation": "csam_solicitation",
        "minorToMinorInteraction": "minor_to_minor_interaction",
        "spam": "spam",
        "sadisticOnlineExploitation": "sadistic_online_exploitation",
    ]

    /// `fileAnnotations` child elements → `file_annotation` words.
    static let fileAnnotations: [String: String] = [
        "animeDrawingVirtualHentai": "anime_drawing_virtual_hentai",
        "potentialMeme": "potential_meme",
        "viral": "viral",
        "possibleSelfProduction": "possible_self_production",
        "physicalHarm": "physical_harm",
        "violenceGore": "violence_gore",
        "bestiality": "bestiality",
        "liveStreaming": "live_streaming",
        "infant": "infant",
        "generativeAi": "generative_ai",
    ]

    /// `fileRelevance` texts (lowercased) → `file_relevance` words.
    static let fileRelevance: [String: String] = [
        "reported": "reported",
        "supplemental reported": "supplemental_reported",
    ]

    /// Documented `report` children with no bundle field: copied whole into the report's notes.
    static let reportChildrenKeptAsNotes: Set<String> = ["internetDetails", "lawEnforcement", "reporter", "additionalInfo"]

    /// Documented `report` children that identify victims or recipients: never copied into the bundle,
    /// which holds victims by pseudonymous id only.
    static let reportChildrenNeverImported: Set<String> = ["victim", "intendedRecipient"]

    /// Documented `incidentSummary` children with no bundle field, kept in notes.
    static let incidentChildrenKeptAsNotes: Set<String> = ["platform", "escalateToHighPriority", "incidentDateTimeDescription"]

    /// Documented `personOrUserReported` children; the mapped ones are handled separately.
    static let reportedPersonChildren: Set<String> = [
        "personOrUserReportedPerson", "vehicleDescription", "espIdentifier", "espService", "compromisedAccount",
        "screenName", "displayName", "profileUrl", "profileBio", "ipCaptureEvent", "deviceId",
        "thirdPartyUserReported", "priorCTReports", "groupIdentifier", "accountTemporarilyDisabled",
        "accountPermanentlyDisabled", "estimatedLocation", "allEmailsReported", "associatedAccount", "additionalInfo",
    ]

    /// Documented `fileDetails` children with no `CyberTipFile` field, kept in the report's notes.
    static let fileChildrenKeptAsNotes: Set<String> = ["locationOfFile", "ipCaptureEvent", "deviceId", "details", "additionalInfo"]

    /// The normalised form of an `incidentType` text, for lookup.
    static func normalizedIncidentType(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            .joined(separator: " ")
    }
}
