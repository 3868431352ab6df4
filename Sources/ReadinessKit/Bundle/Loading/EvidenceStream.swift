import Crypto
import Foundation

/// A bundle's evidence listing (`evidence.csv` or `evidence.jsonl`) read row by row instead of all at once, so a check
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
    /// Bytes per piece of the listing parsed on its own thread (tests make it small).
    var pieceSize = 4 << 20

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
        var check = makeCheck()
        let hash = try readBlocks(chunk: { check.read($0) }) { block in
            check.add(block)
            body(block)
        }
        try check.verify()
        return check.summary(sha256: hash)
    }

    /// Parses the listing into blocks, without the checks across rows (`ListingCheck` does
    /// those), with the parsing spread over every core (see `ParallelListingReader`); `chunk` and
    /// `body` are called on the calling thread, in file order, `chunk` with the file's bytes.
    /// Returns the file's SHA-256.
    ///
    /// - Throws: `DiagnosticError` with every problem in the rows, after the last row.
    func readBlocks(chunk: (Data) -> Void, _ body: (ColumnBlock) -> Void) throws(DiagnosticError) -> SHA256.Digest {
        var tabular = TabularEvidenceReader(schema: schema, reader: ListingReader(file: path, path: path), knownIDs: knownIDs)
        tabular.blockSize = blockSize
        var reader = ParallelListingReader(tabular: tabular, path: path)
        reader.chunkSize = pieceSize
        return try reader.forEachBlock(chunk: chunk, body)
    }

    /// A check across the listing's rows, fed the blocks and bytes `readBlocks` gives.
    func makeCheck() -> ListingCheck {
        ListingCheck(path: path, references: references,
                     fileSize: (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil)
    }
}

/// The checks across an evidence listing's rows: duplicate ids, and references into it from other
/// sections.
struct ListingCheck {
    let path: String
    let references: [PendingReference]
    let fileSize: Int?
    private var ids = ListingIDs()
    private var count = 0
    private var bytesRead = 0
    /// The ids `references` name, by hash, to spot their rows as they are read.
    private let referenced: [UInt64: [[UInt8]]]
    private let referencedHashes: HashFilter

    init(path: String, references: [PendingReference], fileSize: Int?) {
        self.path = path
        self.references = references
        self.fileSize = fileSize
        let ids = self.ids
        referenced = Dictionary(grouping: Set(references.map { ListingIDs.key($0.id) })) { ids.hash(ofKey: $0) }
        referencedHashes = HashFilter(referenced.keys)
    }

    /// Counts bytes of the file, in order (they size the id arrays).
    mutating func read(_ chunk: Data) {
        bytesRead += chunk.count
    }

    /// Adds a block of rows, in order; returns the rows whose ids other sections refer to.
    @discardableResult
    mutating func add(_ block: ColumnBlock) -> [Int] {
        if count == 0, let fileSize, bytesRead > 0 {
            // Sized once, from the bytes read for the first block (at most twice as many as it
            // holds), so a million ids are not copied at every doubling.
            ids = ListingIDs(capacity: min(2 * fileSize / max(bytesRead / max(block.count, 1), 1), 50_000_000))
        }
        count += block.count
        guard let slot = block.type.idSlot, case .text(let column)? = block.columns[.init(slot: slot)] else { return [] }
        var referencedRows: [Int] = []
        for row in 0..<block.count where column.present[row] {
            let hash = column.withCell(row) { ids.append($0, line: block.lines[row]) }
            if referencedHashes.mayContain(hash), let keys = referenced[hash], keys.contains(where: ids.lastID) {
                referencedRows.append(row)
            }
        }
        return referencedRows
    }

    /// What the listing holds, once every block is added: its number of items, and its file's
    /// path and SHA-256 (`sha256`, which the reader computes).
    func summary(sha256: SHA256.Digest) -> EvidenceStream.Summary {
        .init(count: count, source: .init(path: path, sha256: BundleFiles.hex(sha256)))
    }

    /// Checks the ids across the listing, once every block is added.
    ///
    /// - Throws: `DiagnosticError` with every duplicate id and dangling reference into the listing.
    func verify() throws(DiagnosticError) {
        let (duplicates, found) = ids.search(references.map(\.id))
        let repeated = duplicates.map { duplicate in
            ReferenceChecker.duplicate(id: duplicate.id, collection: "evidence",
                                       at: SourceLocation(file: path, line: Int(duplicate.line), column: 1),
                                       first: SourceLocation(file: path, line: Int(duplicate.firstLine), column: 1))
        }
        let unresolved = zip(references, found).filter { !$1 }.map(\.0)
        // Ids are only listed when the suggestion search will use them (see `suggestionLimit`).
        let known = unresolved.isEmpty || ids.count > ReferenceChecker.suggestionLimit ? [] : ids.all()
        let missing = unresolved.map { reference in
            ReferenceChecker.dangling(field: reference.field, id: reference.id, collection: "evidence",
                                      known: known, hasEntries: ids.count > 0, at: reference.location, record: nil)
        }
        guard repeated.isEmpty, missing.isEmpty else { throw DiagnosticError(repeated + missing) }
    }
}

/// A listing's ids being checked on another thread (`ListingCheck.verify`), so that the search
/// for duplicates in a million ids runs beside the rest of a check.
final class ListingVerification: Sendable {
    private let problems = SharedSlot<DiagnosticError>()
    private let searched = DispatchGroup()

    /// Starts checking `listing`'s ids, on a thread of its own: a check may itself run on a
    /// thread of Dispatch's pool (a docket's), which must not wait on work queued behind it.
    init(_ listing: ListingCheck) {
        searched.enter()
        Thread.detachNewThread { [problems, searched] in
            do throws(DiagnosticError) { try listing.verify() } catch { problems.value = error }
            searched.leave()
        }
    }

    /// Waits for the check.
    ///
    /// - Throws: `DiagnosticError` with every duplicate id and dangling reference into the listing.
    func wait() throws(DiagnosticError) {
        searched.wait()
        if let error = problems.value { throw error }
    }
}
