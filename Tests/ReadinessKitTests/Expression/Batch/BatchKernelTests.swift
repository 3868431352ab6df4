import Testing

@testable import ReadinessKit

/// Each kernel kind on a four-row block whose answers are written out.
@Suite struct BatchKernelTests {
    /// Rows: E-0001 (path allocated), E-0002 (path unallocated, actions), E-0003 (path é, not plain), and a row with no cells.
    static let block = BatchFixture.block(4, [
        BatchFixture.key("id"): BatchFixture.text(["E-0001", "E-0002", "E-0003", nil]),
        BatchFixture.key("path"): BatchFixture.text(["allocated", "unallocated", "é", nil]),
        BatchFixture.key("deleted"): .bool([true, false, nil, nil]),
        BatchFixture.key("size_bytes"): .int([10, 2_000, 500, nil]),
        BatchFixture.key("user_actions"): BatchFixture.textList([nil, ["lnk_file", "jump_list"], ["shellbags"], nil]),
        BatchFixture.key("sha256"): BatchFixture.text([String(repeating: "ab", count: 32), "xyz", nil, nil]),
        BatchFixture.key("modified_at"): .timestamp([Instant(secondsSinceEpoch: 0, offsetMinutes: 0), nil, nil, nil]),
        BatchFixture.key("grading", nested: "uk_category"): BatchFixture.text(["A", nil, "C", nil]),
    ])

    @Test(arguments: [
        ("item.deleted", [BatchTruth.yes, .no, .unknown, .unknown]),
        ("item.deleted == false", [.no, .yes, .unknown, .unknown]),
        ("has(item.user_actions)", [.no, .yes, .yes, .no]),
        ("has(item.grading)", [.yes, .no, .yes, .no]),
        ("has(item.md5)", [.no, .no, .no, .no]),
        ("has(item.device)", [.no, .no, .no, .no]),
        ("item.grading.uk_category == 'A'", [.yes, .unknown, .no, .unknown]),
        ("item.md5 == 'x'", [.unknown, .unknown, .unknown, .unknown]),
        ("item.path != 'é'", [.yes, .yes, .no, .unknown]),
        ("item.size_bytes > 100", [.no, .yes, .yes, .unknown]),
        ("1000 >= item.size_bytes", [.yes, .no, .yes, .unknown]),
        ("item.modified_at < as_of", [.yes, .unknown, .unknown, .unknown]),
        ("item.path in ['allocated', 'é']", [.yes, .no, .yes, .unknown]),
        ("'lnk_file' in item.user_actions", [.unknown, .yes, .no, .unknown]),
        ("size(item.user_actions) == 2", [.unknown, .yes, .no, .unknown]),
        ("item.path.startsWith('un')", [.no, .yes, .no, .unknown]),
        ("item.path.endsWith('ated')", [.yes, .yes, .no, .unknown]),
        ("item.path.contains('llo')", [.yes, .yes, .no, .unknown]),
        ("item.sha256.matches(r'^[0-9a-f]{64}$')", [.yes, .no, .unknown, .unknown]),
        ("item.id.matches(r'(1|2)$')", [.yes, .yes, .no, .unknown]),
        ("item.deleted and item.size_bytes > 100", [.no, .no, .unknown, .unknown]),
        ("item.deleted or item.size_bytes > 100", [.yes, .yes, .yes, .unknown]),
        ("not item.deleted", [.no, .yes, .unknown, .unknown]),
        ("charges.exists(c, item.id in c.evidence)", [.yes, .yes, .yes, .unknown]),
        ("charges.all(c, item.id in c.evidence)", [.no, .no, .no, .unknown]),
        ("case.in_custody", [.yes, .yes, .yes, .yes]),
        ("item.deleted and charges[9].id == 'x'", [.undecided, .no, .undecided, .undecided]),
        ("item.device.kind == 'laptop'", [.undecided, .undecided, .undecided, .undecided]),
    ])
    func kernel(_ text: String, _ expected: [BatchTruth]) throws {
        #expect(try BatchFixture.batch(text, Self.block) == expected)
        let record = try BatchFixture.records(text, Self.block)
        for row in expected.indices where expected[row] != .undecided { #expect(record[row] == expected[row], "row \(row)") }
    }

    @Test func macroOverTooLongAListIsUndecided() throws {
        let text = "n > 0 and [\(Array(repeating: "1", count: 1_001).joined(separator: ", "))].exists(x, item.size_bytes > x)"
        #expect(try BatchFixture.batch(text, Self.block) == [.undecided, .undecided, .undecided, .undecided])
    }

    @Test func rowsAreUndecidedWhenTheStepBudgetCouldRunOut() throws {
        let expression = try ExpressionFixture.compile("charges.exists(c, item.id in c.evidence)")
        var context = ExpressionFixture.context()
        context.stepLimit = 1
        var results: [BatchTruth] = []
        expression.test(rowsOf: Self.block, rowVariable: 0, context: &context, into: &results)
        #expect(results == [.undecided, .undecided, .undecided, .undecided])
    }

    @Test func aRowVariableBoundByAMacroIsRefused() throws {
        let expression = try ExpressionFixture.compile("charges.exists(c, c.id == 'C1')")
        var context = ExpressionFixture.context()
        var results: [BatchTruth] = []
        expression.test(rowsOf: Self.block, rowVariable: ExpressionFixture.environment.variableCount, context: &context, into: &results)
        #expect(results == [.undecided, .undecided, .undecided, .undecided])
    }
}
