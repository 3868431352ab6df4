@testable import ReadinessKit

/// Random evidence blocks: every column kind, absent cells, empty lists, nested grading, and
/// text that is not plain (non-ASCII, equivalent forms, `\r\n`).
enum RandomBlock {
    static let texts = [
        "unallocated", "allocated", "p2p_shared", "E-0001", "E-0002", "E-0003", "E-9", "", "x", "K", "\u{212A}", "é", "e\u{301}",
        "a\r\nb", "/Users/u1/x.jpg", "/Users/\u{212A}.jpg", "/tmp/a\tb.JPG", "abc\n", String(repeating: "0a", count: 32),
        String(repeating: "F", count: 64), "lnk_file", "A", "B",
    ]
    static let lists = ["lnk_file", "jump_list", "ncmec", "caid", "e\u{301}", "", "lnk_file\r\n"]
    static let textFields = ["id", "location", "path", "sha256", "device", "notes"]
    static let boolFields = ["deleted", "hash_verified", "is_video"]

    static func block(_ random: inout SeededGenerator, count: Int? = nil, allColumns: Bool = false) -> ColumnBlock {
        let count = count ?? Int.random(in: 0...24, using: &random)
        var columns: [ColumnBlock.FieldKey: ColumnBlock.Column] = [:]
        func include() -> Bool { allColumns || Int.random(in: 0..<5, using: &random) > 0 }
        func maybe<T>(_ make: () -> T) -> T? { Int.random(in: 0..<4, using: &random) == 0 ? nil : make() }
        for field in textFields where include() {
            columns[BatchFixture.key(field)] = BatchFixture.text((0..<count).map { _ in maybe { texts.randomElement(using: &random) ?? "" } })
        }
        for field in boolFields where include() {
            columns[BatchFixture.key(field)] = .bool((0..<count).map { _ in maybe { Bool.random(using: &random) } })
        }
        if include() { columns[BatchFixture.key("size_bytes")] = .int((0..<count).map { _ in maybe { Int.random(in: -5...3_000, using: &random) } }) }
        if include() {
            let seconds = (0..<count).map { _ in maybe { Int.random(in: 0...100, using: &random) } }
            columns[BatchFixture.key("duration_seconds")] =
                Bool.random(using: &random) ? .int(seconds) : .number(seconds.map { $0.map { Double($0) / 2 } })
        }
        if include() {
            columns[BatchFixture.key("created_at")] = .date((0..<count).map { _ in maybe { Day(daysSinceEpoch: Int.random(in: 20_450...20_530, using: &random)) } })
        }
        if include() {
            columns[BatchFixture.key("modified_at")] = .timestamp((0..<count).map { _ in
                maybe { Instant(secondsSinceEpoch: Int.random(in: 20_450 * 86_400...20_530 * 86_400, using: &random), offsetMinutes: 0) }
            })
        }
        for field in ["user_actions", "known_hash_sources"] where include() {
            columns[BatchFixture.key(field)] = BatchFixture.textList((0..<count).map { _ in
                maybe { (0..<Int.random(in: 1...3, using: &random)).map { _ in lists.randomElement(using: &random) ?? "" } }
            })
        }
        if include() {
            columns[BatchFixture.key("grading", nested: "us_prepubescent")] = .bool((0..<count).map { _ in maybe { Bool.random(using: &random) } })
        }
        if include() {
            columns[BatchFixture.key("grading", nested: "uk_category")] = BatchFixture.text((0..<count).map { _ in
                Int.random(in: 0..<3, using: &random) == 0 ? ["A", "B", "C"].randomElement(using: &random) : nil
            })
        }
        return BatchFixture.block(count, columns)
    }
}
