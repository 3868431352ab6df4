import Foundation
import Testing
@testable import ReadinessKit

/// The streaming CSV reader: RFC 4180 details, chunk boundaries, positions and errors.
@Suite struct ChunkedCSVReaderTests {
    private func records(_ text: String, chunkSize: Int = 1 << 20, delimiter: UInt8 = 0x2C) throws -> [ChunkedCSVReader.Record] {
        let scratch = try ImportScratch(["in.csv": text])
        var reader = try ChunkedCSVReader(path: scratch.path("in.csv"), delimiter: delimiter, chunkSize: chunkSize)
        defer { reader.close() }
        var result: [ChunkedCSVReader.Record] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    private let tricky = "\u{FEFF}a,b,c\r\n\"x, \"\"y\"\"\",\"multi\nline é\",\r\n\n3,,\"\"\r\nlast,\"é\",z"

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func sameRecordsWhateverTheChunkSize(chunkSize: Int) throws {
        let found = try records(tricky, chunkSize: chunkSize)
        #expect(found.map(\.fields) == [
            ["a", "b", "c"], ["x, \"y\"", "multi\nline é", ""], ["3", "", ""], ["last", "é", "z"],
        ])
        #expect(found.map(\.index) == [0, 1, 2, 3])
        #expect(found[1].positions.map { "\($0.line):\($0.column)" } == ["2:1", "2:12", "3:9"])
        #expect(found[3].positions.map { "\($0.line):\($0.column)" } == ["6:1", "6:6", "6:10"])
    }

    @Test func otherDelimiters() throws {
        #expect(try records("a;b\n1;\"2;3\"\n", delimiter: 0x3B).map(\.fields) == [["a", "b"], ["1", "2;3"]])
        #expect(try records("a\tb\n1\t2\n", delimiter: 0x09).map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test(arguments: [
        ("a,b\n1,\"2\n", "S/in.csv:2:3: error: quoted field is never closed (close the field with a double quote, and write a quote inside a field as \"\") [import.csv.unbalanced-quote]"),
        ("a,b\n1,2\"x\n", "S/in.csv:2:4: error: a double quote inside an unquoted field (quote the whole field and double the inner quote: \"a \"\"b\"\"\") [import.csv.stray-quote]"),
        ("a,b\n\"1\"x,2\n", "S/in.csv:2:4: error: unexpected text after a closing quote (put the delimiter straight after the closing quote) [import.csv.stray-quote]"),
    ])
    func syntaxErrorsHavePositions(text: String, expected: String) throws {
        let scratch = try ImportScratch(["in.csv": text])
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            var reader = try ChunkedCSVReader(path: scratch.path("in.csv"), chunkSize: 2)
            while try reader.next() != nil {}
        }, scratch: scratch)
        #expect(found == [expected])
    }

    @Test func raggedRowsAreErrorsOnceTheWidthIsKnown() throws {
        let scratch = try ImportScratch(["in.csv": "a,b\n1,2,3\n"])
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            var reader = try ChunkedCSVReader(path: scratch.path("in.csv"))
            reader.expectedWidth = 2
            while try reader.next() != nil {}
        }, scratch: scratch)
        #expect(found == ["S/in.csv:2:1: error: record has 3 fields but the header has 2 (every row needs one value per header column) [import.csv.ragged-row]"])
    }

    @Test func invalidUTF8IsAnError() throws {
        let scratch = try ImportScratch()
        try Data([0x61, 0x0A, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: scratch.path("in.csv")))
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            var reader = try ChunkedCSVReader(path: scratch.path("in.csv"))
            while try reader.next() != nil {}
        }, scratch: scratch)
        #expect(found == ["S/in.csv:2:1: error: field is not valid UTF-8 (export the listing as UTF-8) [import.csv.invalid-utf8]"])
    }

    @Test func writerQuotesOnlyWhatNeedsIt() throws {
        let scratch = try ImportScratch(["out.csv": ""])
        var writer = try CSVWriter(path: scratch.path("out.csv"))
        try writer.write(["plain", "a,b", "say \"hi\"", "two\nlines", " padded", "é"])
        try writer.close()
        #expect(scratch.read("out.csv") == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",é\n")
        #expect(try records(scratch.read("out.csv")).first?.fields == ["plain", "a,b", "say \"hi\"", "two\nlines", " padded", "é"])
    }
}
