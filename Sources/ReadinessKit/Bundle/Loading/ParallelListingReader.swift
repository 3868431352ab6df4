import Crypto
import Foundation

/// Reads an evidence listing on every core: `ListingSplitter` cuts the file into pieces at record
/// boundaries, worker threads parse the pieces, and the calling thread takes them in file order,
/// so `chunk` and `body` see what a read from start to end gives them, in the same order.
///
/// A worker parses a piece without knowing how many records and lines come before it; its blocks
/// are renumbered when they are taken. A piece with any problem is read again on the calling
/// thread from the numbers before it, so every diagnostic, and the limit on how many are kept, is
/// exactly that of a read from start to end.
struct ParallelListingReader {
    let tabular: TabularEvidenceReader
    let path: String
    /// Bytes read at a time (tests make it small to cut a listing into many pieces).
    var chunkSize = 4 << 20
    /// Threads parsing pieces.
    var workers = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body` with each block of rows in file order; `chunk` sees the file's bytes in order.
    /// Returns the file's SHA-256.
    ///
    /// - Throws: `DiagnosticError` with every problem in the listing, after the last row, or the
    ///   first syntax error, as `TabularEvidenceReader.forEachBlock` does.
    @discardableResult
    func forEachBlock(chunk: (Data) -> Void, _ body: (ColumnBlock) -> Void) throws(DiagnosticError) -> SHA256.Digest {
        let file = tabular.reader.file
        // A listing of one piece is read on this thread: starting workers would cost more than it saves.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size <= chunkSize {
            return try readInOnePass(chunk: chunk, body)
        }
        guard var splitter = ListingSplitter(path: path, format: tabular.reader.format, chunkSize: chunkSize) else {
            throw DiagnosticError(Diagnostic(id: "bundle.not-found", message: "cannot read '\(file)'", at: nil))
        }
        // The header is read here, for the column plan every worker needs; blank lines may come first.
        var builder: BlockBuilder?
        var state = ListingScanState()
        while builder == nil {
            var piece = splitter.header(limit: chunkSize)
            if piece == nil, splitter.readError == nil, !state.started {
                // No line feed near the start (carriage returns end the lines): read in one pass.
                splitter.close()
                return try readInOnePass(chunk: chunk, body)
            }
            if piece == nil { piece = splitter.rest() }
            if let error = splitter.readError {
                splitter.close()
                throw readFailure(error)
            }
            guard let piece else { break }
            chunk(piece)
            state = try tabular.readRows(tabular.reader.over(piece), from: state, builder: &builder, body)
            if piece.isEmpty { break }
        }
        guard var template = builder else {
            splitter.close()
            return splitter.hash.finalize()
        }
        if let block = template.finish() { body(block) }
        return try readPieces(splitter, template: template, after: state, chunk: chunk, body)
    }

    /// The listing read from start to end on the calling thread; returns the file's SHA-256.
    private func readInOnePass(chunk: (Data) -> Void, _ body: (ColumnBlock) -> Void) throws(DiagnosticError) -> SHA256.Digest {
        var hash = SHA256()
        try tabular.forEachBlock(chunk: { bytes in
            hash.update(data: bytes)
            chunk(bytes)
        }, body)
        return hash.finalize()
    }

    /// Parses the pieces after the header on the worker threads and takes them in order; returns
    /// the file's SHA-256.
    private func readPieces(
        _ splitter: ListingSplitter, template: BlockBuilder, after header: ListingScanState,
        chunk: (Data) -> Void, _ body: (ColumnBlock) -> Void
    ) throws(DiagnosticError) -> SHA256.Digest {
        let queue = PieceQueue(splitter: splitter, inFlight: 2 * max(workers, 1))
        let relative = ListingScanState(number: 1, width: header.width, line: 1, started: true)
        let fresh = template.resumed(at: 0, after: [])
        let stopped = DispatchGroup()
        for _ in 0..<max(workers, 1) {
            stopped.enter()
            Thread.detachNewThread { [tabular] in
                // One builder per thread, reused from piece to piece, keeps its column buffers.
                var builder: BlockBuilder? = fresh
                while let (sequence, bytes) = queue.next() {
                    queue.deposit(Self.parse(bytes, tabular: tabular, builder: &builder, fresh: fresh, from: relative), at: sequence)
                }
                stopped.leave()
            }
        }
        defer {
            queue.cancel()
            stopped.wait()
            queue.close()
        }
        var state = header
        var index = template.count
        var diagnostics = template.diagnostics
        var sequence = 0
        while let piece = queue.take(sequence) {
            chunk(piece.bytes)
            if piece.isClean {
                // Past the diagnostic limit a read from start to end adds no more items (BlockBuilder.add).
                if diagnostics.count < TabularEvidenceReader.diagnosticLimit {
                    for block in piece.blocks { body(block.moved(byItems: index, lines: state.line - 1)) }
                    index += piece.records
                }
                state.number += piece.records
                state.line += piece.lines
            } else {
                var builder: BlockBuilder? = template.resumed(at: index, after: diagnostics)
                state = try tabular.readRows(tabular.reader.over(piece.bytes), from: state, builder: &builder, body)
                if let block = builder?.finish() { body(block) }
                index = builder?.count ?? index
                diagnostics = builder?.diagnostics ?? diagnostics
            }
            sequence += 1
        }
        if let error = queue.readError { throw readFailure(error) }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        return queue.hash.finalize()
    }

    /// The error for a read of the listing that failed with `error` (an `errno`).
    private func readFailure(_ error: Int32) -> DiagnosticError {
        ListingSource.readFailure(file: tabular.reader.file, reason: String(cString: strerror(error)))
    }

    /// Parses one piece, numbering its records and lines from `relative`, with `builder`, which is
    /// left ready for the next piece (`fresh` replaces it after a syntax error).
    private static func parse(
        _ bytes: Data, tabular: TabularEvidenceReader, builder: inout BlockBuilder?, fresh: BlockBuilder, from relative: ListingScanState
    ) -> ParsedPiece {
        var blocks: [ColumnBlock] = []
        do throws(DiagnosticError) {
            let end = try tabular.readRows(tabular.reader.over(bytes), from: relative, builder: &builder) {
                blocks.append($0)
            }
            if let block = builder?.finish() { blocks.append(block) }
            let piece = ParsedPiece(bytes: bytes, blocks: blocks, records: end.number - relative.number, lines: end.line - relative.line,
                                    isClean: builder?.diagnostics.isEmpty ?? true)
            builder = builder?.resumed(at: 0, after: [])
            return piece
        } catch {
            builder = fresh
            return ParsedPiece(bytes: bytes, blocks: [], records: 0, lines: 0, isClean: false)
        }
    }
}

/// A piece of a listing as a worker parsed it, numbered as if it began the file.
struct ParsedPiece: Sendable {
    var bytes: Data
    var blocks: [ColumnBlock]
    /// The records and lines it holds.
    var records: Int
    var lines: Int
    /// Whether it parsed with no problem (a piece with one is read again, numbered in place).
    var isClean: Bool
}

/// The pieces of one listing between the splitter, the workers and the thread taking them in order;
/// at most `inFlight` pieces are read and not yet taken, so memory stays bounded.
final class PieceQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var splitter: ListingSplitter
    private let inFlight: Int
    private var handedOut = 0
    private var taken = 0
    private var parsed: [Int: ParsedPiece] = [:]
    private var exhausted = false
    private var cancelled = false

    init(splitter: ListingSplitter, inFlight: Int) {
        self.splitter = splitter
        self.inFlight = inFlight
    }

    /// The next piece to parse and its sequence number; `nil` when there are no more or reading stopped.
    func next() -> (Int, Data)? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, !exhausted, handedOut - taken >= inFlight { condition.wait() }
        guard !cancelled, !exhausted else { return nil }
        guard let bytes = splitter.next() else {
            exhausted = true
            condition.broadcast()
            return nil
        }
        handedOut += 1
        return (handedOut - 1, bytes)
    }

    /// Hands in the parsed piece number `sequence`.
    func deposit(_ piece: ParsedPiece, at sequence: Int) {
        condition.lock()
        parsed[sequence] = piece
        condition.broadcast()
        condition.unlock()
    }

    /// Piece number `sequence`, once parsed; `nil` when the listing has no such piece.
    func take(_ sequence: Int) -> ParsedPiece? {
        condition.lock()
        defer { condition.unlock() }
        while parsed[sequence] == nil, !(exhausted && sequence >= handedOut) { condition.wait() }
        taken = sequence + 1
        condition.broadcast()
        return parsed.removeValue(forKey: sequence)
    }

    /// Stops handing out pieces (reading ended, or failed).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The SHA-256 of the bytes read so far.
    var hash: SHA256 {
        condition.lock()
        defer { condition.unlock() }
        return splitter.hash
    }

    /// The error that stopped reading the file, if one did.
    var readError: Int32? {
        condition.lock()
        defer { condition.unlock() }
        return splitter.readError
    }

    /// Closes the file, once no worker reads it.
    func close() {
        condition.lock()
        splitter.close()
        condition.unlock()
    }
}
