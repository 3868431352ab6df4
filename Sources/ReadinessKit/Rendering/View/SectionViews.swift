/// One charge in the proof matrix.
struct ChargeView: Codable, Sendable {
    var charge: String
    var hasCount: Bool
    var count: Int
    var statute: String
    var hasOffence: Bool
    var offence: String
    var hasDescription: Bool
    var description: String
    var evidence: [String]
    var elements: [ElementView]
    var gaps: Int
    var atRisk: Int
    var unmatched: [String]
}

/// One element of a charge: who proves it and whether that is enough.
struct ElementView: Codable, Sendable {
    var number: Int
    var id: String
    var title: String
    var witnesses: [String]
    var usuallyProvedBy: String
    /// "Covered", "At risk" or "Gap".
    var status: String
    /// A short explanation of the status.
    var statusNote: String
    /// A text mark for the status (✓, !, ✗), so status never relies on colour.
    var mark: String
    var isCovered: Bool
    var isAtRisk: Bool
    var isGap: Bool
}

/// One witness.
struct WitnessView: Codable, Sendable {
    var id: String
    var hasName: Bool
    var name: String
    var role: String
    var hasAgency: Bool
    var agency: String
    var isVictim: Bool
    var availability: String
    var isAvailable: Bool
    var isUnavailable: Bool
    var subpoena: String
    var proves: [String]
}

/// The evidence summary.
struct EvidenceView: Codable, Sendable {
    var items: Int
    var byLocation: [CountView]
    var byMediaType: [CountView]
    var byDevice: [CountView]
    var hasImageEquivalents: Bool
    var imageEquivalents: ImageEquivalentsView
}

/// Image-equivalent counts from a pack's `image_equivalents` table.
struct ImageEquivalentsView: Codable, Sendable {
    var row: String
    var perVideo: Int
    var images: Int
    var videos: Int
    var hasUnknownType: Bool
    var unknownType: Int
    var total: Int
}

/// Waivers applied and not applied.
struct WaiversView: Codable, Sendable {
    var applied: [WaiverView]
    var notApplied: [WaiverView]
}

/// One waiver.
struct WaiverView: Codable, Sendable {
    var id: String
    var rule: String
    var hasSubject: Bool
    var subject: String
    var justification: String
    var approvedBy: String
    var expires: String
    /// For a waiver not applied: why ("expired", "not waivable", …).
    var status: String
}

/// Progress since an earlier report.
struct ProgressView: Codable, Sendable {
    var since: String
    var previousDecision: String
    var fixedCount: Int
    var newCount: Int
    var stillOpenCount: Int
    var fixed: [ProgressItemView]
    var new: [ProgressItemView]
    var stillOpen: [ProgressItemView]
}

/// One item that changed (or did not).
struct ProgressItemView: Codable, Sendable {
    var rule: String
    var title: String
    var hasSubject: Bool
    var subject: String
    var severity: String
    var result: String
    var hasPrevious: Bool
    var previous: String
    var message: String
}

/// What `readiness diff` prints.
struct DiffView: Codable, Sendable {
    var caseID: String
    var before: String
    var after: String
    var decision: String
    var progress: ProgressView
    var toolVersion: String
}
