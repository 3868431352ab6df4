import Crypto
import Foundation

/// The evidence ids in a bundle and in the listing being imported, compactly, for the duplicate
/// and collision checks over millions of rows.
///
/// Each id maps to the item's identity (id, SHA-256, device and path). Both are stored as the
/// first 128 bits of their SHA-256, 32 bytes per item against 100+ for the strings, so a million
/// items take about 64 MB. Two different texts share a key with probability about n²/2¹²⁹
/// (10⁻²⁶ for a million), far below any other failure in the import.
struct EvidenceIndex {
    /// What an imported row is, compared with what came before it.
    enum Outcome: Equatable {
        /// An id not seen before.
        case new
        /// The same item (same id and identity) is already in the bundle: a repeated import.
        case alreadyInBundle
        /// The same item appeared earlier in this listing.
        case repeatedInListing
        /// The id is already used by a different item.
        case collision
    }

    private struct Key: Hashable {
        var high: UInt64
        var low: UInt64
    }

    /// id key → identity key; the lowest bit of `identity.low` marks items from the listing.
    private var items: [Key: Key] = [:]

    /// Adds an item the bundle already holds.
    mutating func addExisting(id: String, identity: String) {
        var value = EvidenceIndex.key(identity)
        value.low &= ~1
        if items[EvidenceIndex.key(id)] == nil { items[EvidenceIndex.key(id)] = value }
    }

    /// Adds a row of the listing, unless its id is taken; says which case it is.
    mutating func add(id: String, identity: String) -> Outcome {
        let idKey = EvidenceIndex.key(id)
        var value = EvidenceIndex.key(identity)
        value.low |= 1
        guard let earlier = items[idKey] else {
            items[idKey] = value
            return .new
        }
        guard earlier.high == value.high, earlier.low | 1 == value.low else { return .collision }
        return earlier.low & 1 == 1 ? .repeatedInListing : .alreadyInBundle
    }

    var count: Int { items.count }

    /// The identity of an item: its id with the file's hash, device and path.
    static func identity(id: String, sha256: String?, device: String?, path: String?) -> String {
        [id, sha256?.lowercased() ?? "", device ?? "", path ?? ""].joined(separator: "\u{0}")
    }

    private static func key(_ text: String) -> Key {
        let digest = SHA256.hash(data: Data(text.utf8))
        return digest.withUnsafeBytes { raw in
            Key(high: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                low: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
