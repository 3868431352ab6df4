import Crypto
import Foundation
import Testing
@testable import ReadinessKit

/// Reading a listing in pieces on several threads gives exactly what one read from start to end
/// gives: the same bytes in order, the same rows with the same numbers, the same diagnostics.
@Suite struct ParallelListingReaderTests {
    /// What a read gave, as comparable text: each row with its item index and line, then the
    /// problems, or whether the bytes seen were the file's (what is hashed; a failed read is not).
    private func read(_ csv: String, name: String, parallel: (chunkSize: Int, workers: Int)?, blockSize: Int = 5) throws -> [String] {
        let folder = try TemporaryBundle([name: csv])
        let path = folder.path + "/" + name
        var tabular = TabularEvidenceReader(schema: .v1, reader: ListingReader(file: name, path: path), knownIDs: ["devices": ["D1", "D2"]])
        tabular.blockSize = blockSize
        var seen = Data()
        var lines: [String] = []
        let body: (ColumnBlock) -> Void = { block in
            for row in 0..<block.count {
                let fields = block.record(at: row).fields.map { "\($0)" }.joined(separator: "|")
                lines.append("\(block.firstIndex + row) line \(block.lines[row]): \(fields)")
            }
        }
        do throws(DiagnosticError) {
            var hash = SHA256.hash(data: Data())
            if let (chunkSize, workers) = parallel {
                var reader = ParallelListingReader(tabular: tabular, path: path)
                reader.chunkSize = chunkSize
                reader.workers = workers
                hash = try reader.forEachBlock(chunk: { seen.append($0) }, body)
            } else {
                try tabular.forEachBlock(chunk: { seen.append($0) }, body)
                hash = SHA256.hash(data: seen)
            }
            lines.append("bytes seen in order: \(seen == Data(csv.utf8))")
            lines.append("SHA-256 of the file: \(hash == SHA256.hash(data: Data(csv.utf8)))")
        } catch {
            lines += error.diagnostics.map(\.description)
        }
        return lines
    }

    /// Reads `csv` (a listing named `name`) in one pass and in pieces of several sizes on one to three threads.
    private func expectSameInPieces(
        _ csv: String, name: String = "evidence.csv", sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let whole = try read(csv, name: name, parallel: nil)
        for chunkSize in [1, 7, 40, 1 << 20] {
            for workers in [1, 2, 3] {
                let pieces = try read(csv, name: name, parallel: (chunkSize, workers))
                #expect(pieces == whole, "chunks of \(chunkSize) bytes, \(workers) workers", sourceLocation: sourceLocation)
            }
        }
    }

    static let header = "id,device,location,hash_verified,created_at,user_actions,path\n"

    static func rows(_ count: Int) -> String {
        (1...count).map { "E\($0),D\($0 % 2 + 1),allocated,\($0 % 3 == 0),2025-01-0\($0 % 9 + 1)T10:00:00Z,lnk_file;jump_list,/p/\($0).jpg\n" }
            .joined()
    }

    @Test func cleanListingsReadTheSame() throws {
        try expectSameInPieces(Self.header + Self.rows(60))
        try expectSameInPieces("\u{FEFF}" + Self.header + Self.rows(12).replacingOccurrences(of: "\n", with: "\r\n"))
        try expectSameInPieces(Self.header + Self.rows(9) + "E99,D1,allocated,true,,,/no/newline/at/end")
        try expectSameInPieces(Self.header)
        try expectSameInPieces("")
    }

    @Test func quotedLineBreaksBlankLinesAndQuotesAcrossPieces() throws {
        let quoted = (1...30).map { "E\($0),D1,allocated,true,,lnk_file,\"/a \"\"b\"\"\nc,\r\n\($0)\"\n" }.joined()
        try expectSameInPieces(Self.header + quoted)
        try expectSameInPieces("\n\n" + Self.header + "\n" + Self.rows(10) + "\n\n" + Self.rows(3))
        try expectSameInPieces("\"id\",\"device\n\",location\n" + "E1,D1,allocated\n")
    }

    @Test func problemsInLaterPiecesAreNumberedAsInOneRead() throws {
        var rows = Self.rows(50).split(separator: "\n").map(String.init)
        rows[10] = "E11,D9,allocated,true,,,/dangling/device"
        rows[22] = "E23,D1,alocated,maybe,2025-13-01,,/bad/cells"
        rows[37] = "E38,D1,allocated,,,,"
        try expectSameInPieces(Self.header + rows.joined(separator: "\n") + "\n")
        // Past the limit on problems, later rows are not reported.
        let bad = (1...260).map { "E\($0),D7,allocated,true,,,/x\n" }.joined()
        try expectSameInPieces(Self.header + bad)
    }

    @Test func syntaxErrorsInLaterPiecesAreReportedAsInOneRead() throws {
        try expectSameInPieces(Self.header + Self.rows(20) + "E21,D1,all\"ocated,true,,,/stray\n" + Self.rows(5))
        try expectSameInPieces(Self.header + Self.rows(20) + "E21,D1,allocated\n" + Self.rows(5))
        try expectSameInPieces(Self.header + Self.rows(20) + "E21,D1,\"allocated\"x,true,,,/after-quote\n" + Self.rows(5))
        try expectSameInPieces(Self.header + Self.rows(20) + "E21,D1,allocated,true,,,\"/never/closed\n" + Self.rows(5))
    }

    static func jsonLines(_ count: Int) -> String {
        (1...count).map {
            #"{"id": "E\#($0)", "device": "D\#($0 % 2 + 1)", "location": "allocated", "hash_verified": \#($0 % 3 == 0), "#
                + #""user_actions": ["lnk_file", "jump_list"], "path": "/p/\"\#($0)\".jpg"}"# + "\n"
        }.joined()
    }

    /// In JSON Lines every line feed ends a record, whatever the quotes before it (`\"` is not a
    /// closing quote); each bad line is reported and the rest still read.
    @Test func jsonLinesReadTheSameInPieces() throws {
        let name = "evidence.jsonl"
        try expectSameInPieces(Self.jsonLines(60), name: name)
        try expectSameInPieces("\u{FEFF}" + Self.jsonLines(12).replacingOccurrences(of: "\n", with: "\r\n"), name: name)
        try expectSameInPieces("\n\n" + Self.jsonLines(9) + "\n \n" + #"{"id": "E99", "location": "allocated"}"#, name: name)
        try expectSameInPieces("", name: name)
        var lines = Self.jsonLines(50).split(separator: "\n").map(String.init)
        lines[10] = #"{"id": "E11", "device": "D9", "location": "allocated"}"#
        lines[22] = #"{"id": "E23", "location": "alocated", "hash_verified": "maybe", "created_at": "2025-13-01"}"#
        lines[30] = #"{"id": "E31", "location": "allocated", "path": "unclosed}"#
        lines[37] = #"{"location": "allocated",}"#
        try expectSameInPieces(lines.joined(separator: "\n") + "\n", name: name)
        let bad = (1...260).map { #"{"id": "E\#($0)", "device": "D7", "location": "allocated"}"# + "\n" }.joined()
        try expectSameInPieces(bad, name: name)
        try expectSameInPieces(Self.jsonLines(15).replacingOccurrences(of: "\n", with: "\r"), name: name)
    }

    @Test func carriageReturnLineEndsAreReadInOnePass() throws {
        try expectSameInPieces((Self.header + Self.rows(15)).replacingOccurrences(of: "\n", with: "\r"))
        try expectSameInPieces("\n" + (Self.header + Self.rows(15)).replacingOccurrences(of: "\n", with: "\r"))
    }

    @Test func aListingThatCannotBeReadIsAnErrorNotAShorterListing() throws {
        // Reading a directory fails (EISDIR) as a failing disk would, after it has been opened.
        let folder = try TemporaryBundle(["evidence.csv/unreadable": ""])
        let path = folder.path + "/evidence.csv"
        let tabular = TabularEvidenceReader(schema: .v1, reader: .csv(CSVReader(file: "evidence.csv", path: path)), knownIDs: [:])
        var problems: [[String]] = []
        do throws(DiagnosticError) {
            try tabular.forEachBlock { _ in }
        } catch {
            problems.append(error.diagnostics.map(\.description))
        }
        do throws(DiagnosticError) {
            try ParallelListingReader(tabular: tabular, path: path).forEachBlock(chunk: { _ in }) { _ in }
        } catch {
            problems.append(error.diagnostics.map(\.description))
        }
        #expect(problems.count == 2)
        for problem in problems {
            #expect(problem.count == 1)
            #expect(problem.first?.hasPrefix("error: cannot read 'evidence.csv': ") == true)
            #expect(problem.first?.hasSuffix("[bundle.read-error]") == true)
        }
    }

    @Test func piecesEndAtRecordBoundaries() {
        #expect(ListingSplitter.lastBoundary(in: Data("a\nb\"c\nd\"\ne".utf8), quoted: true) == 9)
        #expect(ListingSplitter.lastBoundary(in: Data("a\nb\"c\nd".utf8), quoted: true) == 2)
        #expect(ListingSplitter.lastBoundary(in: Data("\"a\nb".utf8), quoted: true) == nil)
        #expect(ListingSplitter.firstBoundary(in: Data("\"a\nb\"\nc\n".utf8), from: 0, quoted: true) == 6)
        let dense = String(repeating: "\"\"", count: 3000) + "\n" + String(repeating: "x\"", count: 1) + "\n"
        #expect(ListingSplitter.lastBoundary(in: Data(dense.utf8), quoted: true) == 6001)
        #expect(ListingSplitter.lastBoundary(in: Data("a\nb\"c\nd".utf8), quoted: false) == 6)
        #expect(ListingSplitter.firstBoundary(in: Data("\"a\nb\"\nc\n".utf8), from: 0, quoted: false) == 3)
    }
}
