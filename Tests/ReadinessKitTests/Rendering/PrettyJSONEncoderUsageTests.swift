import Foundation
import Testing
@testable import ReadinessKit

/// Hand-written `encode(to:)` methods that use the `Encoder` API in unusual ways: the fast writer
/// handles the well-nested ones itself, and gives the rest to `JSONEncoder`; either way the text is
/// the old pipeline's.
@Suite struct PrettyJSONEncoderUsageTests {
    @Test func superEncoderAndSharedContainers() throws {
        try expectSameJSON(Derived(base: 1, own: "x"))
        try expectSameJSON([SharingContainer(), SharingContainer()])
        try expectSameJSON(["list": UnkeyedMix()])
    }

    @Test func nestedContainersCloseWhenTheParentMovesOn() throws {
        try expectSameJSON([NestedThenParent(), NestedThenParent()])
    }

    @Test func valuesThatEncodeNothing() throws {
        try expectSameJSON(["a": EncodesNothing()])
        try expectSameJSON([SingleValue(inner: EncodesNothing())])
        try expectSameJSON(SingleValue(inner: EncodesNothing()))
        #expect(throws: EncodingError.self) { try PrettyJSONEncoder().encode(EncodesNothing()) }
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(EncodesNothing()) }
    }

    @Test func singleValueContainerHoldingContainers() throws {
        try expectSameJSON(SingleValue(inner: ["b": 1, "a": 2]))
        try expectSameJSON([SingleValue(inner: [3, 1]), SingleValue(inner: [])])
        try expectSameJSON(SingleValue(inner: SingleValue(inner: "deep")))
    }

    @Test("codingPath names keys and indexes as JSONEncoder does")
    func codingPaths() throws {
        try expectSameJSON(["a": [PathEcho(), PathEcho()], "b": [PathEcho()]])
        try expectSameJSON(Derived(base: 2, own: "y", echo: true))
    }

    @Test("interleaved containers, repeated keys and swallowed errors go to JSONEncoder")
    func fallsBack() throws {
        for value in [Unusual.interleaved, .repeatedKey, .equivalentKeys, .sameNestedKeyTwice, .swallowedError, .unsafeText] {
            let writer = PrettyJSONWriter()
            try? writer.encodeRoot(value)
            #expect(writer.isUnusable, "\(value)")
            #expect(try String(decoding: PrettyJSONEncoder(terminator: "\n").encode(value), as: UTF8.self) == OldJSONPipeline.json(value),
                    "\(value)")
        }
    }

    @Test("nesting as deep as JSONEncoder allows, and one level deeper")
    func nestingLimit() throws {
        try expectSameJSON(Nest(depth: 511))
        #expect(throws: (any Error).self) { try JSONEncoder().encode(Nest(depth: 512)) }
        #expect(throws: (any Error).self) { try PrettyJSONEncoder().encode(Nest(depth: 512)) }
    }
}

private class Base: Encodable {
    let base: Int
    init(base: Int) { self.base = base }
}

/// Its superclass encodes through `superEncoder()`; its own key and `echo` through the container.
private final class Derived: Base {
    let own: String
    let echo: Bool

    init(base: Int, own: String, echo: Bool = false) {
        self.own = own
        self.echo = echo
        super.init(base: base)
    }

    enum Keys: String, CodingKey { case own, echo, zeta }

    override func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(own, forKey: .own)
        try super.encode(to: container.superEncoder())
        if echo { try container.encode(PathEcho(), forKey: .echo) }
        try PathEcho().encode(to: container.superEncoder(forKey: .zeta))
    }
}

/// Asks for its keyed container twice and writes through both.
private struct SharingContainer: Encodable {
    enum Keys: String, CodingKey { case b, a, c }

    func encode(to encoder: any Encoder) throws {
        var first = encoder.container(keyedBy: Keys.self)
        try first.encode(1, forKey: .b)
        var second = encoder.container(keyedBy: Keys.self)
        try second.encode([1, 2], forKey: .a)
        try first.encodeNil(forKey: .c)
    }
}

/// An unkeyed container with every kind of member.
private struct UnkeyedMix: Encodable {
    enum Keys: String, CodingKey { case y, x }

    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encodeNil()
        try list.encode(contentsOf: [true, false])
        var object = list.nestedContainer(keyedBy: Keys.self)
        try object.encode(Int8(-3), forKey: .y)
        try object.encode(UInt16(7), forKey: .x)
        var inner = list.nestedUnkeyedContainer()
        try inner.encode(Float(1.5))
        try inner.encode("\u{202E}")
        try list.encode(list.count)
        _ = list.superEncoder()
        try "super".encode(to: list.superEncoder())
        _ = list.nestedUnkeyedContainer()
        try list.encode(Double(1e-9))
    }
}

/// Writes a nested container, then its parent again.
private struct NestedThenParent: Encodable {
    enum Keys: String, CodingKey { case zz, inner, aa, list }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
        try inner.encode("in", forKey: .zz)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1)
        try container.encode("after", forKey: .aa)
        _ = container.nestedContainer(keyedBy: Keys.self, forKey: .zz)
    }
}

private struct EncodesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Encodes `inner` whole through a single-value container.
struct SingleValue<Inner: Encodable>: Encodable {
    let inner: Inner

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(inner)
    }
}

/// Encodes its own coding path as a string.
private struct PathEcho: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoder.codingPath.map { "\($0.stringValue)/\($0.intValue.map(String.init) ?? "-")" }.joined(separator: "."))
    }
}

/// `depth` arrays, each inside the last.
private struct Nest: Encodable {
    let depth: Int

    func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        if depth > 1 { try list.encode(Nest(depth: depth - 1)) }
    }
}

/// Uses the encoder in ways the fast writer does not reproduce.
private enum Unusual: Encodable {
    case interleaved, repeatedKey, equivalentKeys, sameNestedKeyTwice, swallowedError, unsafeText

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .interleaved:
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "inner"))
            try inner.encode(1, forKey: Key(stringValue: "one"))
            try container.encode("outer", forKey: Key(stringValue: "outer"))
            try inner.encode(2, forKey: Key(stringValue: "two"))
        case .repeatedKey:
            try container.encode(1, forKey: Key(stringValue: "k"))
            try container.encode([2], forKey: Key(stringValue: "k"))
        case .equivalentKeys:
            try container.encode(1, forKey: Key(stringValue: "\u{E9}"))
            try container.encode(2, forKey: Key(stringValue: "e\u{301}"))
        case .sameNestedKeyTwice:
            var first = container.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "n"))
            try first.encode(1, forKey: Key(stringValue: "b"))
            var second = container.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "n"))
            try second.encode(2, forKey: Key(stringValue: "a"))
        case .unsafeText:
            // Falls back (a repeated key) with characters only the escaping pass makes safe.
            try container.encode("a\u{202E}b\u{9B}c\u{7F}d\u{2066}", forKey: Key(stringValue: "k\u{61C}"))
            try container.encode("\u{200E}", forKey: Key(stringValue: "k\u{61C}"))
        case .swallowedError:
            try container.encode("kept", forKey: Key(stringValue: "a"))
            try? container.encode(Double.nan, forKey: Key(stringValue: "b"))
            try? container.encode(["x": [Double.infinity]], forKey: Key(stringValue: "c"))
        }
    }
}
