import Foundation
import Testing
@testable import ReadinessKit

/// Long arrays split into chunks encoded on several threads (`PrettyJSONWriter+Chunks.swift`): the
/// text is `JSONEncoder`'s, byte for byte, and errors and fallbacks are those of one thread. Low
/// thresholds make small arrays split; the chunk counts show the split happened.
@Suite struct PrettyJSONEncoderChunkTests {
    /// Splits arrays of four or more elements into three chunks (uneven for most lengths).
    static let small = JSONArrayConcurrency(threshold: 4, chunks: 3)

    @Test("arrays below the threshold stay whole; from it on they are split", arguments: [0, 1, 2, 3, 4, 5, 7, 8, 10, 100])
    func aroundTheThreshold(_ count: Int) throws {
        let items = (0..<count).map { ChunkItem(number: $0) }
        let expected = count >= 4 ? 3 : 0
        #expect(try expectSameJSON(items, concurrency: Self.small) == expected)
        #expect(try expectSameJSON(["list": items], concurrency: Self.small) == expected)
        #expect(try expectSameJSON(items, concurrency: JSONArrayConcurrency(threshold: 4, chunks: 1)) == 0)
    }

    @Test func defaultThreshold() throws {
        let threshold = JSONArrayConcurrency.defaultThreshold
        #expect(try expectSameJSON((0..<threshold - 1).map { ChunkItem(number: $0) }) == 0)
        #expect(try expectSameJSON((0..<threshold).map { ChunkItem(number: $0) }) == JSONArrayConcurrency().chunks)
    }

    @Test("elements holding arrays, which are not split again inside a chunk")
    func elementsWithNestedArrays() throws {
        let items = (0..<30).map { number in
            ChunkItem(number: number, children: (0..<number % 9).map { child in
                ChunkItem(number: child * 100, children: (0..<child % 6).map { ChunkItem(number: $0) })
            })
        }
        #expect(try expectSameJSON(items, concurrency: Self.small) == 3)
        var random = RandomCodable(seed: 7)
        let nodes = (0..<12).map { _ in random.node(depth: 3) }
        #expect(try expectSameJSON(nodes, concurrency: Self.small) == 3)
        #expect(try expectSameJSON(nodes, concurrency: JSONArrayConcurrency(threshold: 2, chunks: 5)) == 5)
    }

    @Test("split arrays at several depths, through keyed, unkeyed and single-value containers")
    func severalDepths() throws {
        let items = (0..<9).map { ChunkItem(number: $0) }
        #expect(try expectSameJSON(["a": ["b": ["c": items]]], concurrency: Self.small) == 3)
        #expect(try expectSameJSON([["x": items], ["y": [], "z": items]], concurrency: Self.small) == 6)
        #expect(try expectSameJSON(SingleValue(inner: SingleValue(inner: items)), concurrency: Self.small) == 3)
        #expect(try expectSameJSON(["w": [SingleValue(inner: items)]], concurrency: Self.small) == 3)
        #expect(try expectSameJSON(Deep(levels: 7, items: items), concurrency: Self.small) == 21)
        #expect(try expectSameJSON(Deep(levels: 40, items: items), concurrency: Self.small) == 120)
    }

    @Test("elements in every chunk see their coding path as on one thread")
    func codingPaths() throws {
        let echoes = (0..<10).map { _ in PathEcho() }
        #expect(try expectSameJSON(echoes, concurrency: Self.small) == 3)
        #expect(try expectSameJSON(["a": ["b": Holder(list: echoes)]], concurrency: Self.small) == 3)
        #expect(try expectSameJSON([SingleValue(inner: ["c": echoes])], concurrency: Self.small) == 3)
    }

    @Test("text needing escapes, terminal-unsafe scalars among it, in every chunk")
    func escapes() throws {
        let pieces = RandomCodable.pieces + ["\u{202E}", "\u{85}", "a\u{202E}b\u{85}c"]
        let items = pieces.enumerated().map { index, piece in
            ChunkItem(number: index, name: "\(piece)\u{202E}\(index)\u{85}\(piece)", tags: [piece, "\"\(piece)\\"])
        }
        #expect(try expectSameJSON(items, concurrency: Self.small) == 3)
        let labeled = pieces.indices.map { index in
            Labeled(labels: Dictionary(pieces.dropFirst(index).prefix(5).map { ($0, $0 + "\u{2066}") }, uniquingKeysWith: { first, _ in first }))
        }
        #expect(try expectSameJSON(labeled, concurrency: Self.small) == 3)
    }

    @Test func randomTrees() throws {
        var random = RandomCodable(seed: 2026)
        var chunks = 0
        for round in 0..<300 {
            chunks += try expectSameJSON(random.tree(depth: 4), "round \(round)", concurrency: JSONArrayConcurrency(threshold: 2, chunks: 3))
        }
        #expect(chunks > 100)
    }

    @Test func randomStructs() throws {
        var chunks = 0
        for seed in 1...40 {
            var random = RandomCodable(seed: UInt64(seed))
            chunks += try expectSameJSON(random.node(depth: 3), "seed \(seed)", concurrency: JSONArrayConcurrency(threshold: 2, chunks: 2))
        }
        #expect(chunks > 20)
    }

    @Test("an element that throws: the first error in element order, as on one thread", arguments: [[25, 33], [2, 39], [0], [39]])
    func throwingElement(_ failing: [Int]) throws {
        let value = ["a": Holder(list: (0..<40).map { MayFail(index: $0, fails: failing.contains($0)) })]
        let first = ChunkFailure(index: failing[0], path: ["a", "list", "Index \(failing[0])"])
        #expect(throws: first) { try PrettyJSONEncoder(concurrency: Self.small).encode(value) }
        #expect(throws: first) { try PrettyJSONEncoder(concurrency: nil).encode(value) }
        #expect(throws: first) { try JSONEncoder().encode(value) }
        let writer = PrettyJSONWriter(concurrency: Self.small)
        #expect(throws: first) { try writer.encodeRoot(value) }
        #expect(writer.chunksSpliced == 0)
        #expect(writer.concurrency == nil, "arrays after a failed chunk are encoded on one thread")
    }

    @Test("an unencodable number in a chunk: the error of one thread, with its coding path")
    func unencodableNumber() {
        let value = ["a": Holder(list: (0..<40).map { MayFail(index: $0, nan: $0 == 30) })]
        func context(_ concurrency: JSONArrayConcurrency?) -> EncodingError.Context? {
            do {
                _ = try PrettyJSONEncoder(concurrency: concurrency).encode(value)
            } catch EncodingError.invalidValue(_, let context) {
                return context
            } catch {}
            return nil
        }
        let chunked = context(Self.small), sequential = context(nil)
        #expect(chunked?.codingPath.map(\.stringValue) == sequential?.codingPath.map(\.stringValue))
        #expect(chunked?.codingPath.map(\.intValue) == sequential?.codingPath.map(\.intValue))
        #expect(chunked?.codingPath.map(\.stringValue).starts(with: ["a", "list", "Index 30"]) == true)
        #expect(chunked?.debugDescription == sequential?.debugDescription)
    }

    @Test("an element the writer gives up on, or that swallows an error, leaves the value to JSONEncoder",
          arguments: [MayRepeat.Kind.repeatsKey, .swallowsError])
    func givingUpElement(_ kind: MayRepeat.Kind) throws {
        let value = ["a": Holder(list: (0..<40).map { MayRepeat(index: $0, kind: $0 == 27 ? kind : .plain) }),
                     "b": Holder(list: (0..<10).map { MayRepeat(index: $0, kind: .plain) })]
        let writer = PrettyJSONWriter(concurrency: Self.small)
        try? writer.encodeRoot(value)
        #expect(writer.isUnusable)
        let text = try PrettyJSONEncoder(terminator: "\n", concurrency: Self.small).encode(value)
        #expect(String(decoding: text, as: UTF8.self) == (try OldJSONPipeline.json(value)))
    }
}

/// An element with members, text and a nested list of its own kind.
struct ChunkItem: ConcurrentlyEncodable {
    var number: Int
    var name: String
    var tags: [String]
    var children: [ChunkItem]

    init(number: Int, name: String? = nil, tags: [String]? = nil, children: [ChunkItem] = []) {
        (self.number, self.name, self.tags, self.children) = (number, name ?? "item \(number)", tags ?? ["t\(number % 3)", "/"], children)
    }
}

/// Keys to be put in order inside a chunk.
private struct Labeled: ConcurrentlyEncodable {
    var labels: [String: String]
}

/// `items` at each of `levels` levels, each level inside the last.
private struct Deep: Encodable {
    var level: Int
    var items: [ChunkItem]
    var deeper: [Deep]

    init(levels: Int, items: [ChunkItem]) {
        (level, self.items) = (levels, items)
        deeper = levels > 1 ? [Deep(levels: levels - 1, items: items)] : []
    }
}

/// Encodes its own coding path, keys and indexes, as a string.
private struct PathEcho: ConcurrentlyEncodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoder.codingPath.map { "\($0.stringValue)/\($0.intValue.map(String.init) ?? "-")" }.joined(separator: "."))
    }
}

private struct Holder<Element: Encodable>: Encodable {
    var list: [Element]
}

private struct ChunkFailure: Error, Equatable {
    var index: Int
    var path: [String]
}

/// Throws `ChunkFailure` when `fails`; writes NaN, which cannot be encoded, when `nan`.
private struct MayFail: ConcurrentlyEncodable {
    var index: Int
    var fails = false
    var nan = false

    enum Keys: String, CodingKey { case index, value }

    func encode(to encoder: any Encoder) throws {
        if fails { throw ChunkFailure(index: index, path: encoder.codingPath.map(\.stringValue)) }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(index, forKey: .index)
        if nan { try container.encode(Double.nan, forKey: .value) }
    }
}

/// Uses the encoder in a way the writer does not reproduce, as `kind` says, with unsafe text.
struct MayRepeat: ConcurrentlyEncodable {
    enum Kind: Sendable { case plain, repeatsKey, swallowsError }

    var index: Int
    var kind: Kind

    enum Keys: String, CodingKey { case index, text, number }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(index, forKey: .index)
        try container.encode("\u{202E}\(index)\u{85}", forKey: .text)
        switch kind {
        case .plain: break
        case .repeatsKey: try container.encode(index, forKey: .index)
        case .swallowsError: try? container.encode(Double.infinity, forKey: .number)
        }
    }
}

extension JSONValue: ConcurrentlyEncodable {}
