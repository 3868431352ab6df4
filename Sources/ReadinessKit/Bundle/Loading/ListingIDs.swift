import Foundation

/// The ids of an evidence listing, gathered row by row and searched for duplicates once the
/// listing is read.
///
/// A million ids in a hash table cost a cache miss per row, and a `String` and dictionary entry
/// each; here a row costs a hash and a few appends to flat arrays. Once the listing is read, the
/// hashes are sorted (by bucket, so each sort runs in cache) to find the few that repeat, and one
/// pass over the rows compares the bytes of just those rows and of ids referred to elsewhere.
///
/// Ids are matched as Swift matches strings, by canonical equivalence: each is kept in Unicode
/// normalization form C (ASCII ids, almost all, already are), so `café` typed precomposed and
/// decomposed is one id, and so is `E-1;` written with U+037E GREEK QUESTION MARK. Hashes are
/// Swift's seeded `Hasher`, so crafted ids cannot force collisions.
struct ListingIDs {
    /// A row whose id an earlier row already has.
    struct Duplicate: Equatable {
        let id: String
        let line: Int32
        let firstLine: Int32
    }

    /// Hashes ids' bytes; tests give a weak one to make ids collide.
    typealias Hash = @Sendable (UnsafeBufferPointer<UInt8>) -> UInt64

    private var hashes: [UInt64] = []
    private var lines: [Int32] = []
    /// The normalized bytes of every id, one after another; id `n` ends at `ends[n]`.
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    /// Ids not already in normal form, as the rows wrote them, by row ordinal (for messages).
    private var written: [Int: String] = [:]
    private let hash: Hash

    init(capacity: Int = 0, hash: @escaping Hash = ListingIDs.seededHash) {
        self.hash = hash
        hashes.reserveCapacity(capacity)
        lines.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
    }

    /// Adds the id of the next row, found on `line`; returns its hash.
    @discardableResult
    mutating func append(_ id: UnsafeBufferPointer<UInt8>, line: Int32) -> UInt64 {
        if id.allSatisfy({ $0 < 0x80 }) {
            arena.append(contentsOf: id)
        } else {
            let text = String(decoding: id, as: UTF8.self), normal = text.precomposedStringWithCanonicalMapping
            arena.append(contentsOf: normal.utf8)
            if !normal.utf8.elementsEqual(id) { written[ends.count] = text }
        }
        let start = ends.last ?? 0
        let idHash = arena.withUnsafeBufferPointer { hash(UnsafeBufferPointer(rebasing: $0[start...])) }
        hashes.append(idHash)
        ends.append(arena.count)
        lines.append(line)
        return idHash
    }

    /// The bytes `id` is kept and hashed as: its normalization form C.
    static func key(_ id: String) -> [UInt8] {
        Array(id.allSatisfy(\.isASCII) ? id.utf8 : id.precomposedStringWithCanonicalMapping.utf8)
    }

    /// The hash of a `key`, as `append` gives it.
    func hash(ofKey key: [UInt8]) -> UInt64 {
        key.withUnsafeBufferPointer(hash)
    }

    /// Whether the id of the last row appended is `key`.
    func lastID(is key: [UInt8]) -> Bool {
        guard let last = ends.indices.last else { return false }
        return bytes(of: last).elementsEqual(key)
    }

    /// Every row whose id an earlier row has, in the order of the rows, and whether each of
    /// `wanted` is the id of some row.
    func search(_ wanted: [String]) -> (duplicates: [Duplicate], found: [Bool]) {
        let keys = wanted.map(Self.key)
        let wantedHashes = Dictionary(grouping: keys.indices) { hash(ofKey: keys[$0]) }
        let repeated = repeatedHashes()
        var found = [Bool](repeating: false, count: wanted.count)
        var seen: [UInt64: [Int]] = [:]  // ordinals of the distinct ids with a repeated hash
        var duplicates: [Duplicate] = []
        guard !repeated.isEmpty || !wantedHashes.isEmpty else { return ([], found) }
        let filter = HashFilter(repeated.union(wantedHashes.keys))
        for (ordinal, hash) in hashes.enumerated() where filter.mayContain(hash) {
            if let indices = wantedHashes[hash] {
                for index in indices where bytes(of: ordinal).elementsEqual(keys[index]) { found[index] = true }
            }
            guard repeated.contains(hash) else { continue }
            if let first = seen[hash, default: []].first(where: { bytes(of: $0).elementsEqual(bytes(of: ordinal)) }) {
                duplicates.append(Duplicate(id: id(ordinal), line: lines[ordinal], firstLine: lines[first]))
            } else {
                seen[hash, default: []].append(ordinal)
            }
        }
        return (duplicates, found)
    }

    /// The number of ids.
    var count: Int { ends.count }

    /// Every id as written; for suggesting an id in place of a missing one.
    func all() -> Set<String> {
        Set(ends.indices.map(id))
    }

    /// Row `ordinal`'s id as the row wrote it.
    private func id(_ ordinal: Int) -> String {
        written[ordinal] ?? String(decoding: bytes(of: ordinal), as: UTF8.self)
    }

    private func bytes(of ordinal: Int) -> ArraySlice<UInt8> {
        arena[(ordinal == 0 ? 0 : ends[ordinal - 1])..<ends[ordinal]]
    }

    /// The hashes more than one row has: the hashes sorted by one counting pass into buckets by
    /// their top bits, then a sort within each bucket (a few hashes, in cache), then a scan.
    private func repeatedHashes() -> Set<UInt64> {
        let bucketBits = max(1, min(24, (hashes.count / 8).bitWidth - (hashes.count / 8).leadingZeroBitCount))
        let shift = UInt64(64 - bucketBits)
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for hash in hashes { starts[Int(hash >> shift) + 1] += 1 }
        for bucket in 0..<(1 << bucketBits) { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var sorted = [UInt64](repeating: 0, count: hashes.count)
        for hash in hashes {
            sorted[next[Int(hash >> shift)]] = hash
            next[Int(hash >> shift)] += 1
        }
        var repeated: Set<UInt64> = []
        for bucket in 0..<(1 << bucketBits) where starts[bucket + 1] - starts[bucket] > 1 {
            sorted[starts[bucket]..<starts[bucket + 1]].sort()
            for index in starts[bucket] + 1..<starts[bucket + 1] where sorted[index] == sorted[index - 1] {
                repeated.insert(sorted[index])
            }
        }
        return repeated
    }

    /// The bytes hashed with Swift's `Hasher`, whose seed differs from run to run.
    static func seededHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }
}

/// One bit per value of a hash's low 16 bits, set for a few hashes looked for: it rules out almost
/// every other hash before a dictionary lookup.
struct HashFilter {
    private var bits = [UInt64](repeating: 0, count: 1 << 10)

    init(_ hashes: some Sequence<UInt64>) {
        for hash in hashes { bits[Int(hash & 0xFFFF) >> 6] |= 1 << (hash & 63) }
    }

    /// Whether `hash` may be one of the hashes (it is not, when this says no).
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        bits[Int(hash & 0xFFFF) >> 6] & (1 << (hash & 63)) != 0
    }
}
