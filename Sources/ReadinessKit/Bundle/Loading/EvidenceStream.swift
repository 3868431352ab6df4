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
        let reader = TabularEvidenceReader(schema: schema, reader: CSVReader(file: path, path: path), knownIDs: knownIDs)
        var hasher = SHA256()
        var firstLine: [String: Int] = [:]
        var duplicates: [Diagnostic] = []
        var count = 0
        try reader.forEachItem(chunk: { hasher.update(data: $0) }) { item in
            count += 1
            if let id = item.id {
                let line = item.location?.line ?? 0
                if let first = firstLine[id] {
                    duplicates.append(Diagnostic(
                        id: "bundle.duplicate-id", message: "duplicate id '\(id)' in evidence (first at \(path):\(first):1)",
                        at: item.location, hint: "give each entry in 'evidence' its own id"))
                } else {
                    firstLine[id] = line
                }
            }
            body(item)
        }
        let missing = references.filter { firstLine[$0.id] == nil }.map { reference in
            ReferenceChecker.dangling(field: reference.field, id: reference.id, collection: "evidence",
                                      known: [], at: reference.location, record: nil)
        }
        guard duplicates.isEmpty, missing.isEmpty else { throw DiagnosticError(duplicates + missing) }
        return Summary(count: count, source: .init(path: path, sha256: BundleFiles.hex(hasher.finalize())))
    }
}
