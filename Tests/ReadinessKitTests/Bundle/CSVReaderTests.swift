import Foundation
import Testing
@testable import ReadinessKit

/// The streaming CSV reader gives the same records and positions whatever the chunk size.
@Suite struct CSVReaderTests {
    static let text = "\u{FEFF}id,path,note\r\nE1,\"a, \"\"b\"\"\nc\",x\r\nE2,plain,\n\nE3,\"é\",\"last\"\n"

    func rows(chunkSize: Int) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path))
        var reader = CSVReader(file: "t.csv", path: path)
        reader.chunkSize = chunkSize
        var rows: [String] = []
        try reader.forEachRow { row in
            rows.append("\(row.number)@\(row.location(ofField: row.fields.count - 1)):" + row.fields.joined(separator: "|"))
        }
        return rows
    }

    @Test(arguments: [1, 2, 3, 5, 7, 11, 64, 4096])
    func chunkBoundariesDoNotChangeRecords(chunkSize: Int) throws {
        #expect(try rows(chunkSize: chunkSize) == [
            "0@t.csv:1:9:id|path|note",
            "1@t.csv:3:4:E1|a, \"b\"\nc|x",
            "2@t.csv:4:10:E2|plain|",
            "3@t.csv:6:8:E3|é|last",
        ])
    }

    /// Random fields of every length (plain runs are scanned eight bytes at a time), some quoted
    /// with commas, quotes and line breaks inside, come back as written.
    @Test func randomFieldsComeBackAsWritten() throws {
        var random = SeededGenerator(seed: 0x6373_76)
        let awkward: [Character] = [",", "\"", "\n", "\r"]
        var expected: [[String]] = []
        var text = ""
        for _ in 0..<300 {
            let fields = (0..<4).map { _ -> String in
                let quoted = Int.random(in: 0..<4, using: &random) == 0
                let length = Int.random(in: 0...40, using: &random)
                let alphabet = (quoted ? awkward : []) + ["a", "b", "c", "0", "9", "-", "_", "/", ".", " ", ";", "é", "€"]
                return String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            }
            expected.append(fields)
            text += fields.map { $0.utf8.contains(where: { Array(",\"\n\r".utf8).contains($0) }) || $0.isEmpty
                ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }.joined(separator: ",")
            text += Bool.random(using: &random) ? "\r\n" : "\n"
        }
        var rows: [[String]] = []
        try CSVReader(file: "t.csv", data: Data(text.utf8)).forEachRow { rows.append($0.fields) }
        #expect(rows == expected)
        // Read from a file in small chunks too, so plain runs cross chunk ends.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for chunkSize in [13, 64] {
            var reader = CSVReader(file: "t.csv", path: path)
            reader.chunkSize = chunkSize
            var chunked: [[String]] = []
            try reader.forEachRow { chunked.append($0.fields) }
            #expect(chunked == expected)
        }
    }

    @Test(arguments: [3, 4096])
    func unbalancedQuoteAtEndOfFileIsReported(chunkSize: Int) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try Data("id,location\nE1,\"allocated\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = CSVReader(file: "t.csv", path: path)
        reader.chunkSize = chunkSize
        #expect {
            try reader.forEachRow { _ in }
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "t.csv:2:4: error: quoted field is never closed (close the field with a double quote, and write a quote inside a field as \"\") [bundle.csv.unbalanced-quote]"
        }
    }
}
