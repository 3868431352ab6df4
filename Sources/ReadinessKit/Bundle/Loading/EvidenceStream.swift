import Crypto
import Foundation

/// A bundle's evidence listing (`evidence.csv`) read row by row instead of all at once, so a check
/// of a million items holds only the items it must keep.
///
/// The loader hands this out when asked to stream; reading it validates every row exactly as a
/// full load does, including duplicate ids and references into the listing from other sections.
public struct EvidenceStream: Sendable {
    let path: String
    let schema: BundleSchema
    let knownIDs: [String: Set<String>]
    /// References from other sections into the evidence listing, checked once it has been read.
    let references: [PendingReference]
    /// Rows per block (tests make it small to cross block boundaries).
    var blockSize = 16_384

    /// Evidence ids that other sections of the bundle refer to (e.g. the items a charge rests on).
    public var referencedIDs: Set<String> { Set(references.map(\.id)) }

    /// What reading the listing found.
    public struct Summary: Sendable {
        public var count: Int
        public var source: CaseBundle.SourceFile
    }

    /// Reads every item in file order, calling `body` with each.
    ///
    /// - Throws: `DiagnosticError` with every problem in the listing, after the last row.
    public func forEachItem(_ body: (Record) -> Void) throws(DiagnosticError) -> Summary {
        try forEachBlock { block in
            for row in 0..<block.count { body(block.record(at: row)) }
        }
    }

    /// Reads the listing in blocks of rows held column by column, in file order.
    ///
    /// - Throws: `DiagnosticError` with every problem in the listing, after the last row.
    public func forEachBlock(_ body: (ColumnBlock) -> Void) throws(DiagnosticError) -> Summary {
        var reader = TabularEvidenceReader(schema: schema, reader: CSVReader(file: path, path: path), knownIDs: knownIDs)
        reader.blockSize = blockSize
        var hasher = SHA256()
        var firstLine: [String: Int32] = [:]
        var duplicates: [Diagnostic] = []
        var count = 0
        var bytesRead = 0
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        try reader.forEachBlock(chunk: { hasher.update(data: $0); bytesRead += $0.count }) { block in
            if count == 0, let fileSize, bytesRead > 0 {
                // Sized once from the first block, so a million ids are not rehashed at every doubling.
                firstLine.reserveCapacity(min(fileSize / max(bytesRead / block.count, 1) * 11 / 10, 50_000_000))
            }
            count += block.count
            if let slot = block.type.idSlot, case .text(let ids)? = block.columns[.init(slot: slot)] {
                for row in 0..<block.count {
                    guard let id = ids.string(at: row) else { continue }
                    let line = block.lines[row]
                    if let first = firstLine.updateValue(line, forKey: id) {
                        firstLine[id] = first
                        duplicates.append(Diagnostic(
                            id: "bundle.duplicate-id", message: "duplicate id '\(id)' in evidence (first at \(path):\(first):1)",
                            at: SourceLocation(file: path, line: Int(line), column: 1), hint: "give each entry in 'evidence' its own id"))
                    }
                }
            }
            body(block)
        }
        let missing = references.filter { firstLine[$0.id] == nil }.map { reference in
            ReferenceChecker.dangling(field: reference.field, id: reference.id, collection: "evidence",
                                      known: [], at: reference.location, record: nil)
        }
        guard duplicates.isEmpty, missing.isEmpty else { throw DiagnosticError(duplicates + missing) }
        return Summary(count: count, source: .init(path: path, sha256: BundleFiles.hex(hasher.finalize())))
    }
}
