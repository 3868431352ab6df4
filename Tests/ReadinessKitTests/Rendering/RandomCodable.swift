import Foundation
@testable import ReadinessKit

/// Randomly generated `Codable` values for comparing `PrettyJSONEncoder` with `JSONEncoder`: nested
/// structs with optionals, enums with associated values, arrays of arrays, dictionaries keyed by
/// strings and integers, and strings, numbers and keys chosen to hit every escaping and ordering
/// rule. The same seed gives the same values.
struct RandomCodable {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    /// A struct tree at most `depth` levels deep.
    mutating func node(depth: Int) -> Node {
        let children = depth > 0 ? (0..<below(3)).map { _ in node(depth: depth - 1) } : []
        return Node(
            name: text(), children: children, leaves: (0..<below(3)).map { _ in leaf() },
            byName: Dictionary((0..<below(5)).map { _ in (key(), leaf()) }, uniquingKeysWith: { first, _ in first }),
            byNumber: Dictionary((0..<below(5)).map { _ in (integer(), (0..<below(3)).map { _ in text() }) }, uniquingKeysWith: { first, _ in first }),
            grid: (0..<below(4)).map { _ in (0..<below(3)).map { _ in integer() } },
            maybe: random.chance(0.5) ? leaf() : nil, empty: [], emptyMap: [:], nothing: Nothing(),
            tag: Tag.allCases[below(Tag.allCases.count)], choice: choice(),
            foundation: random.chance(0.3) ? foundationValues() : nil)
    }

    /// A dynamic JSON tree (`JSONValue` encodes through single-value containers).
    mutating func tree(depth: Int) -> JSONValue {
        switch below(depth > 0 ? 8 : 5) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .int(integer())
        case 3: return .double(double())
        case 4: return .string(text())
        case 5, 6: return .object(Dictionary((0..<below(6)).map { _ in (key(), tree(depth: depth - 1)) }, uniquingKeysWith: { first, _ in first }))
        default: return .array((0..<below(5)).map { _ in tree(depth: depth - 1) })
        }
    }

    mutating func leaf() -> Leaf {
        Leaf(text: text(), number: integer(), flag: random.chance(0.5), ratio: double(), single: float(),
             note: random.chance(0.5) ? text() : nil, small: Int8(truncatingIfNeeded: random.next()),
             unsigned: random.chance(0.2) ? .max : random.next(), short: random.chance(0.5) ? Int16(truncatingIfNeeded: random.next()) : nil,
             wide: Int32(truncatingIfNeeded: random.next()), byte: UInt8(truncatingIfNeeded: random.next()),
             list: (0..<below(4)).map { _ in text() }, nested: (0..<below(3)).map { _ in (0..<below(3)).map { _ in double() } })
    }

    mutating func choice() -> Choice {
        switch below(4) {
        case 0: .none
        case 1: .one(text())
        case 2: .pair(integer(), label: random.chance(0.5) ? text() : nil)
        default: .list([integer(), integer()])
        }
    }

    mutating func foundationValues() -> FoundationValues {
        FoundationValues(
            data: Data((0..<below(12)).map { _ in UInt8(truncatingIfNeeded: random.next()) }),
            url: URL(string: ["https://example.invalid/a/b?c=d", "file:///tmp/x%20y", "rel/path"][below(3)])!,
            decimal: Decimal(string: ["0", "1.50", "-12345678901234567890.123", "3e-5"][below(4)])!,
            date: Date(timeIntervalSinceReferenceDate: double(finiteOnly: true)),
            maybeData: random.chance(0.5) ? Data([1, 2, 3]) : nil)
    }

    /// Pieces of text that each test one rule: escapes, unsafe scalars, multi-byte text.
    static let pieces = [
        "a", "Z", "hello world", "\"", "\\", "/", "http://x/y", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1B}[2J",
        "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{AD}", "\u{061C}", "\u{200B}", "\u{200E}",
        "\u{200F}", "\u{2028}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "é", "e\u{301}",
        "\u{212A}", "日本語", "😀", "👩‍👩‍👧", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "\u{0301}", " ",
    ]

    mutating func text() -> String {
        (0..<below(6)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }

    /// Keys that differ in case, digits, length and script, and one empty key.
    static let keys = ["a", "A", "b", "B", "a1", "a10", "a9", "a_", "_a", "", " ", "~", "é", "e\u{301}", "K", "\u{212A}", "日", "z",
                       "Z", "key\"q", "a/b", "a\\b", "tab\t", "\u{7F}", "\u{85}x", "\u{202E}", "😀", "aB", "Ab", "ab"]

    mutating func key() -> String {
        random.chance(0.8) ? Self.keys[below(Self.keys.count)] : text()
    }

    mutating func integer() -> Int {
        switch below(6) {
        case 0: [Int.min, Int.max, 0, -1, 1, 9, 10, -10][below(8)]
        case 1, 2: Int(truncatingIfNeeded: random.next())
        default: Int(random.next() % 2001) - 1000
        }
    }

    mutating func double(finiteOnly: Bool = true) -> Double {
        let specials = [0.1, 1e300, -0.0, 0.0, 3.0, -2.5, 1e16, 1e15, 1.5e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123456789.125,
                        9007199254740993.0, 1.0 / 3.0, 100.0, -1e-300, 2.2250738585072014e-308]
        if random.chance(0.6) { return specials[below(specials.count)] }
        if random.chance(0.5) { return Double(Int(random.next() % 100_000)) - 50_000 }
        let bits = Double(bitPattern: random.next())
        return bits.isFinite ? bits : 42.5
    }

    mutating func float() -> Float {
        if random.chance(0.5) { return [Float(0.1), 3, -0.0, 1e30, .greatestFiniteMagnitude, 1.0 / 3.0][below(6)] }
        let bits = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
        return bits.isFinite ? bits : 7
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
}

extension RandomCodable {
    struct Node: Codable, ConcurrentlyEncodable {
        var name: String
        var children: [Node]
        var leaves: [Leaf]
        var byName: [String: Leaf]
        var byNumber: [Int: [String]]
        var grid: [[Int]]
        var maybe: Leaf?
        var empty: [String]
        var emptyMap: [String: Int]
        var nothing: Nothing
        var tag: Tag
        var choice: Choice
        var foundation: FoundationValues?
    }

    struct Leaf: Codable, ConcurrentlyEncodable {
        var text: String
        var number: Int
        var flag: Bool
        var ratio: Double
        var single: Float
        var note: String?
        var small: Int8
        var unsigned: UInt64
        var short: Int16?
        var wide: Int32
        var byte: UInt8
        var list: [String]
        var nested: [[Double]]
    }

    /// A struct with no fields: `{}`.
    struct Nothing: Codable {}

    enum Tag: String, Codable, CaseIterable {
        case alpha, Beta, gamma_ray = "gamma ray", delta = "Δ"
    }

    /// Encoded through nested keyed containers.
    enum Choice: Codable {
        case none
        case one(String)
        case pair(Int, label: String?)
        case list([Int])
    }

    struct FoundationValues: Codable {
        var data: Data
        var url: URL
        var decimal: Decimal
        var date: Date
        var maybeData: Data?
    }
}
