import Crypto
import Foundation

/// A compact set of the evidence ids seen so far, for duplicate checks over millions of rows.
///
/// Each id is stored as the first 128 bits of its SHA-256 (16 bytes, against 40–80 for a
/// `String`), so a million ids take about 30 MB. Two different ids share a key with probability
/// about n²/2¹²⁹ (10⁻²⁶ for a million), far below any other failure in the import.
struct SeenKeys {
    private struct Key: Hashable {
        var high: UInt64
        var low: UInt64
    }

    private var keys: Set<Key> = []

    /// Adds `id`; returns `false` if it was already present.
    @discardableResult
    mutating func insert(_ id: String) -> Bool {
        keys.insert(SeenKeys.key(id)).inserted
    }

    /// Whether `id` has been added.
    func contains(_ id: String) -> Bool {
        keys.contains(SeenKeys.key(id))
    }

    var count: Int { keys.count }

    private static func key(_ id: String) -> Key {
        let digest = SHA256.hash(data: Data(id.utf8))
        return digest.withUnsafeBytes { raw in
            Key(high: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                low: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }
}
