/// The documented ways a case falls apart that the generator can plant, each at a chosen rate.
public enum GapPattern: String, CaseIterable, Sendable {
    /// Items only in unallocated space with no user-action artefacts.
    case unallocatedOnly = "unallocated-only"
    /// Items in browser or thumbnail caches with no user-action artefacts.
    case cacheOnly = "cache-only"
    /// Items whose hash the examiner has not verified (left absent).
    case unverifiedHash = "unverified-hash"
    /// Items carrying generative-AI indicators.
    case synthetic
    /// Items with a malformed SHA-256.
    case malformedHash = "malformed-hash"
    /// Items created after the arrest.
    case afterArrest = "after-arrest"

    /// The rate used when the user names the pattern without a rate.
    public static let defaultRate = 0.02

    /// What the pattern plants, for `--help`.
    public var summary: String {
        switch self {
        case .unallocatedOnly: "items only in unallocated space, no knowledge artefacts"
        case .cacheOnly: "items only in browser or thumbnail caches, no knowledge artefacts"
        case .unverifiedHash: "items whose hash verification is not recorded"
        case .synthetic: "items with generative-AI indicators"
        case .malformedHash: "items with a malformed SHA-256"
        case .afterArrest: "items created after the arrest"
        }
    }
}
