import Foundation

/// The cases of an enumeration as UTF-8 bytes, for testing listing cells against them.
///
/// A cell is compared with a case only when its length and first eight bytes match the case's,
/// so most cells are told apart in a few instructions instead of a byte comparison per case.
struct CaseSet {
    private let cases: [[UInt8]]
    /// Each case's first eight bytes (zero-padded), and its length.
    private let heads: [UInt64]
    private let lengths: [Int]

    init(_ cases: [String]) {
        self.cases = cases.map { Array($0.utf8) }
        heads = self.cases.map { $0.withUnsafeBufferPointer(Self.head) }
        lengths = self.cases.map(\.count)
    }

    /// Whether there are no cases (a free-text field).
    var isEmpty: Bool { cases.isEmpty }

    /// Whether `cell` is exactly one of the cases.
    @inline(__always)
    func contains(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = Self.head(cell)
        for index in cases.indices where lengths[index] == cell.count && heads[index] == head {
            if cell.count <= 8 { return true }
            let equal = cases[index].withUnsafeBufferPointer { word in
                memcmp(cell.baseAddress! + 8, word.baseAddress! + 8, cell.count - 8) == 0
            }
            if equal { return true }
        }
        return false
    }

    /// The first eight bytes of `bytes` as a little-endian word, zero-padded when shorter.
    @inline(__always)
    private static func head(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        if bytes.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var word: UInt64 = 0
        for index in 0..<bytes.count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
        return word
    }
}
