import Foundation
import Testing
@testable import ReadinessKit

/// `PrettyJSONEncoder` writes exactly what `MemoRenderer.json` wrote with `JSONEncoder` and a
/// post-pass: checked on every sample's report and on random values, through the fast writer (it
/// must not fall back to `JSONEncoder` for these).
@Suite struct PrettyJSONEncoderTests {
    @Test(arguments: SampleFixtures.names)
    func sampleReport(_ name: String) throws {
        let (outcome, problem) = SampleFixtures.outcome(name)
        let report = try #require(outcome?.report, "\(problem)")
        try expectSameJSON(report)
        try expectSameJSON(ReportDigest(report))
        var earlier = report
        earlier.results.removeLast(min(3, earlier.results.count))
        var withProgress = report
        withProgress.progress = ReportDiff(previous: ReportDigest(earlier), current: ReportDigest(report))
        try expectSameJSON(withProgress)
    }

    @Test func randomStructs() throws {
        for seed in 1...40 {
            var random = RandomCodable(seed: UInt64(seed))
            try expectSameJSON(random.node(depth: 3), "seed \(seed)")
        }
    }

    @Test func randomTrees() throws {
        var random = RandomCodable(seed: 2026)
        for round in 0..<300 {
            try expectSameJSON(random.tree(depth: 4), "round \(round)")
        }
    }

    @Test("every scalar up to U+3000, as a value and as a key")
    func everyScalar() throws {
        let texts = (0..<0x3000).compactMap(Unicode.Scalar.init).map { "x\($0)y\($0)" } + ["\u{1F600}", "\u{10FFFF}", "\u{E0001}"]
        try expectSameJSON(texts)
        try expectSameJSON(Dictionary(texts.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    @Test("each special piece at each place in a long string (strings are scanned eight bytes at a time)")
    func longStrings() throws {
        let plain = String(repeating: "abcdefgh", count: 4)
        let texts = RandomCodable.pieces.flatMap { piece in
            (0...20).map { offset in String(plain.prefix(offset)) + piece + String(plain.dropFirst(offset)) }
        }
        try expectSameJSON(texts)
    }

    @Test func scalarsAtTheTop() throws {
        try expectSameJSON("top \" \\ / \u{85}")
        try expectSameJSON(Int.min)
        try expectSameJSON(UInt64.max)
        try expectSameJSON(-0.0)
        try expectSameJSON(1e300)
        try expectSameJSON(Float(0.1))
        try expectSameJSON(true)
        try expectSameJSON(String?.none)
        try expectSameJSON(Data([0, 1, 2, 250]))
        try expectSameJSON(URL(string: "https://example.invalid/a b")!)
        try expectSameJSON(Decimal(string: "-1.250")!)
        try expectSameJSON(Date(timeIntervalSinceReferenceDate: 12.5))
        try expectSameJSON([Int]())
        try expectSameJSON([String: Int]())
        try expectSameJSON([[[Int]]]([[], [[]], [[1, 2]]]))
        try expectSameJSON(RandomCodable.Nothing())
    }

    @Test func integersOfEveryWidth() throws {
        try expectSameJSON(Widths(Int8.min, Int16.min, Int32.min, Int64.min, UInt8.min, UInt16.min, UInt32.min, UInt64.min, .min, .min))
        try expectSameJSON(Widths(Int8.max, Int16.max, Int32.max, Int64.max, UInt8.max, UInt16.max, UInt32.max, UInt64.max, .max, .max))
        try expectSameJSON(Widths(-1, -10, 99, -100_000, 9, 10, 100, 1 << 40, 0, 0))
    }

    @Test func unencodableNumbersThrow() {
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder().encode([1, Double.nan]) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder().encode(["a": Float.infinity]) }
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder().encode(-Double.infinity) }
    }

    struct Widths: Codable {
        var i8: Int8, i16: Int16, i32: Int32, i64: Int64
        var u8: UInt8, u16: UInt16, u32: UInt32, u64: UInt64
        var int: Int, uint: UInt

        init(_ i8: Int8, _ i16: Int16, _ i32: Int32, _ i64: Int64, _ u8: UInt8, _ u16: UInt16, _ u32: UInt32, _ u64: UInt64,
             _ int: Int, _ uint: UInt) {
            (self.i8, self.i16, self.i32, self.i64, self.u8, self.u16, self.u32, self.u64, self.int, self.uint) =
                (i8, i16, i32, i64, u8, u16, u32, u64, int, uint)
        }
    }
}

/// Expects the fast writer, without falling back, to give the old pipeline's text for `value`,
/// and `MemoRenderer.json` to give it too. Returns how many chunks of arrays the writer, splitting
/// arrays as `concurrency` says, encoded on other threads.
@discardableResult
func expectSameJSON<T: Encodable>(
    _ value: T, _ comment: String = "", concurrency: JSONArrayConcurrency? = JSONArrayConcurrency(),
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Int {
    let expected = try OldJSONPipeline.json(value)
    let writer = PrettyJSONWriter(concurrency: concurrency)
    try writer.encodeRoot(value)
    let chunks = writer.chunksSpliced
    #expect(!writer.isUnusable, "fell back to JSONEncoder \(comment)", sourceLocation: sourceLocation)
    let fast = String(decoding: writer.takeText(terminator: "\n"), as: UTF8.self)
    if fast != expected {
        let common = zip(fast.utf8, expected.utf8).prefix { $0 == $1 }.count
        Issue.record("differs at byte \(common) \(comment): \(String(decoding: Array(fast.utf8.dropFirst(max(0, common - 80)).prefix(160)), as: UTF8.self).debugDescription) vs \(String(decoding: Array(expected.utf8.dropFirst(max(0, common - 80)).prefix(160)), as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
    }
    #expect(MemoRenderer.json(value) == expected, "MemoRenderer.json \(comment)", sourceLocation: sourceLocation)
    return chunks
}

/// The JSON pipeline `MemoRenderer.json` used before `PrettyJSONEncoder`: `JSONEncoder`, then
/// every unsafe scalar it left raw escaped. Kept here as the oracle.
enum OldJSONPipeline {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    private static func escapingJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if TerminalText.isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
