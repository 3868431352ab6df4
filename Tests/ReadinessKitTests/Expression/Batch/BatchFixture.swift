@testable import ReadinessKit

/// Evidence blocks for the batch tests, and a check of batch results against the record path.
enum BatchFixture {
    static let evidence = BundleSchema.v1.type(named: "EvidenceItem")!
    static let grading = BundleSchema.v1.type(named: "Grading")!

    /// The block column of an evidence field, or of a grading field when `nested` is given.
    static func key(_ field: String, nested: String? = nil) -> ColumnBlock.FieldKey {
        ColumnBlock.FieldKey(slot: evidence.slot(of: field)!, nested: nested.map { grading.slot(of: $0)! })
    }

    static func text(_ cells: [String?]) -> ColumnBlock.Column {
        var column = TextColumn()
        for cell in cells { column.append(cell.map { Array($0.utf8) }) }
        return .text(column)
    }

    static func textList(_ rows: [[String]?]) -> ColumnBlock.Column {
        var column = TextListColumn()
        for row in rows { column.append(row.map { $0.map { Array($0.utf8) } }) }
        return .textList(column)
    }

    /// A block of `count` evidence rows with these columns.
    static func block(_ count: Int, _ columns: [ColumnBlock.FieldKey: ColumnBlock.Column]) -> ColumnBlock {
        let nested = columns.keys.contains { $0.nested != nil }
        return ColumnBlock(
            type: evidence, collection: "evidence", firstIndex: 0, count: count, columns: columns,
            nestedTypes: nested ? [evidence.slot(of: "grading")!: grading] : [:], file: "evidence.csv",
            lines: (0..<count).map { Int32($0 + 2) })
    }

    /// The batch results of `text` over `block` with `item` as the row.
    static func batch(_ text: String, _ block: ColumnBlock) throws -> [BatchTruth] {
        let expression = try ExpressionFixture.compile(text)
        var context = ExpressionFixture.context()
        var results: [BatchTruth] = []
        expression.test(rowsOf: block, rowVariable: 0, context: &context, into: &results)
        return results
    }

    /// The record path's truth for each row, with errors as `undecided`.
    static func records(_ text: String, _ block: ColumnBlock) throws -> [BatchTruth] {
        let expression = try ExpressionFixture.compile(text)
        var context = ExpressionFixture.context()
        return (0..<block.count).map { row in
            context.variables[0] = .record(block.record(at: row))
            return truth(expression.evaluate(&context))
        }
    }

    static func truth(_ result: EvaluationResult) -> BatchTruth {
        switch result {
        case .value(.bool(let flag)): flag ? .yes : .no
        case .unknown: .unknown
        default: .undecided
        }
    }
}
