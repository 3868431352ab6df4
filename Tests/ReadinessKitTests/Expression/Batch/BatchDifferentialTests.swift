import Testing

@testable import ReadinessKit

/// Random conditions over random evidence blocks: every row a batch test decides must have the
/// truth the record path gives for that row's record.
@Suite struct BatchDifferentialTests {
    @Test func batchAgreesWithRecordPath() throws {
        var random = SeededGenerator(seed: 0x6B65_726E_656C)
        var decided = 0, rows = 0, compiled = 0
        var mismatches: [String] = []
        for _ in 0..<1_500 {
            let text = RandomCondition.condition(depth: 2, &random)
            guard let expression = try? ExpressionFixture.compile(text, expecting: .bool) else { continue }
            compiled += 1
            for _ in 0..<3 {
                let block = RandomBlock.block(&random)
                var context = ExpressionFixture.context()
                var results: [BatchTruth] = []
                expression.test(rowsOf: block, rowVariable: 0, context: &context, into: &results)
                #expect(results.count == block.count)
                for row in 0..<block.count where results[row] != .undecided {
                    var recordContext = ExpressionFixture.context()
                    recordContext.variables[0] = .record(block.record(at: row))
                    let expected = BatchFixture.truth(expression.evaluate(&recordContext))
                    if expected != results[row], mismatches.count < 10 {
                        mismatches.append("\(text) row \(row) \(block.record(at: row).fields): batch \(results[row]), record \(expected)")
                    }
                    decided += 1
                }
                rows += block.count
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(compiled > 1_200, "only \(compiled) random conditions compiled")
        #expect(decided * 2 > rows, "the kernels decided only \(decided) of \(rows) rows")
    }

    /// Every supported form decides most rows of a block with every column.
    @Test(arguments: [
        "item.location == 'unallocated' and not has(item.user_actions)",
        "item.hash_verified == true or item.location in ['allocated', 'p2p_shared']",
        "item.deleted", "has(item.grading)", "item.grading.uk_category == 'A'", "item.size_bytes >= case.excludable_days",
        "item.modified_at > case.search_at", "item.created_at <= as_of", "size(item.user_actions) > 1",
        "item.known_hash_sources.size() == 0", "'lnk_file' in item.user_actions", "item.path.startsWith('/Users')",
        "item.path.endsWith('.jpg')", "item.path.contains('x')", "item.sha256.matches(r'^[0-9a-f]{64}$')",
        "charges.exists(c, item.id in c.evidence)", "charges.all(c, has(c.evidence) and item.id in c.evidence)",
        "!(item.id in ['E-0001'] || item.is_video == false)",
    ])
    func formDecides(_ text: String) throws {
        var random = SeededGenerator(seed: 7)
        let block = RandomBlock.block(&random, count: 200, allColumns: true)
        let batch = try BatchFixture.batch(text, block)
        let record = try BatchFixture.records(text, block)
        let decided = batch.indices.filter { batch[$0] != .undecided }
        #expect(decided.count > 150, "\(text) decided \(decided.count) of 200 rows")
        for row in decided { #expect(batch[row] == record[row], "\(text) row \(row)") }
    }
}
