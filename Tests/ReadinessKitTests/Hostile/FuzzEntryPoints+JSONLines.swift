import Foundation
@testable import ReadinessKit

// Shared with the libFuzzer harness in `Fuzz/` like FuzzEntryPoints.swift (through a symbolic link).

extension FuzzEntryPoints {
    // MARK: - JSON Lines evidence listing

    /// The bytes as `evidence.jsonl`, through the evidence reader three ways: the whole buffer at
    /// once, streamed from a file in small chunks, and cut into small pieces parsed on two worker
    /// threads. All three must give the same items and the same diagnostics, every one located.
    static func jsonLines(_ data: Data) -> [String] {
        let path = scratch + "/evidence.jsonl"
        guard write(data, to: path) else { return ["cannot write the scratch listing"] }
        let known: [String: Set<String>] = ["devices": ["D1", "D2"], "victims": ["V1"], "witnesses": ["W1"], "cybertip_files": ["F1"]]
        let reader = { (listing: ListingReader) in
            var tabular = TabularEvidenceReader(schema: .v1, reader: listing, knownIDs: known)
            tabular.blockSize = 7
            return tabular
        }
        var chunked = JSONLinesReader(file: "evidence.jsonl", path: path)
        chunked.chunkSize = 1 + data.count % 7
        var parallel = ParallelListingReader(tabular: reader(.jsonLines(JSONLinesReader(file: "evidence.jsonl", path: path))), path: path)
        (parallel.chunkSize, parallel.workers) = (1 + data.count % 11, 2)
        let whole = items { (body) throws(DiagnosticError) in try reader(.jsonLines(JSONLinesReader(file: "evidence.jsonl", data: data))).forEachBlock(body) }
        let streamed = items { (body) throws(DiagnosticError) in try reader(.jsonLines(chunked)).forEachBlock(body) }
        let pieces = items { (body) throws(DiagnosticError) in try parallel.forEachBlock(chunk: { _ in }, body) }
        var problems: [String] = []
        if streamed.text != whole.text {
            problems.append("chunked read (chunk size \(chunked.chunkSize)) disagrees with the whole read:\n\(whole.text)\n---\n\(streamed.text)")
        }
        if pieces.text != whole.text {
            problems.append("pieces of \(parallel.chunkSize) bytes disagree with the whole read:\n\(whole.text)\n---\n\(pieces.text)")
        }
        problems += checkLocations(whole.diagnostics, inside: nil)
        if whole.diagnostics.count > TabularEvidenceReader.diagnosticLimit + 50 {
            problems.append("\(whole.diagnostics.count) diagnostics for one listing; the limit is \(TabularEvidenceReader.diagnosticLimit)")
        }
        return problems
    }

    /// Every item a read gives (index, line, fields) and its diagnostics, as text to compare.
    private static func items(
        _ read: ((ColumnBlock) -> Void) throws(DiagnosticError) -> Void
    ) -> (text: [String], diagnostics: [Diagnostic]) {
        var text: [String] = []
        do throws(DiagnosticError) {
            try read { block in
                for row in 0..<block.count {
                    text.append("\(block.firstIndex + row) line \(block.lines[row]): \(block.record(at: row).fields)")
                }
            }
            return (text, [])
        } catch {
            return (text.isEmpty ? error.diagnostics.map(\.description) : ["items before an error"], error.diagnostics)
        }
    }
}
