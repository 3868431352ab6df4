// Measures compiled rule-expression evaluations per second on one core.
//
//     swift run -c release ReadinessBench [record-count] [repetitions]
//
// Each predicate runs over every generated record (memory-bound: the records do not fit in the
// caches) and over the first 1,000 records repeated (in cache), beside a hand-written Swift loop
// over the same records that shows the floor the machine sets. Then each runs as a batch test
// over the same items held column by column, in blocks of 65,536 rows as the reader makes them,
// and its tally is checked against the record path's.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ReadinessKit

// `ReadinessBench read BUNDLE [repetitions]`: how fast the evidence listing of BUNDLE is read
// into column blocks (parse, convert, hash and duplicate-id check; no rules), best of the runs.
if CommandLine.arguments.dropFirst().first == "read", CommandLine.arguments.count > 2 {
    let path = CommandLine.arguments[2]
    let runs = CommandLine.arguments.dropFirst(3).first.flatMap { Int($0) } ?? 3
    guard let stream = try BundleLoader().load(path, streamingEvidence: true).evidenceStream else {
        fatalError("\(path) has no evidence listing to stream")
    }
    var best = Double.infinity
    for _ in 0..<runs {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var cells = 0
        let summary = try stream.forEachBlock { block in cells += block.count * block.columns.count }
        clock_gettime(CLOCK_MONOTONIC, &end)
        best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        print("read \(summary.count) items (\(cells) cells) in \(best) s best so far")
    }
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recordCount = arguments.first ?? 1_000_000
let repetitions = arguments.dropFirst().first ?? 10

guard let evidenceType = BundleSchema.v1.type(named: "EvidenceItem"), let bundleType = BundleSchema.v1.type(named: "Bundle"),
    let caseType = BundleSchema.v1.type(named: "Case")
else {
    fatalError("schema v1 lacks EvidenceItem, Bundle or Case")
}

let locations = ["allocated", "unallocated", "browser_cache", "thumbnail_cache", "p2p_shared"]
let actions = ["lnk_file", "jump_list", "shellbags"]
func evidenceRecord(_ index: Int, _ random: inout SeededGenerator) -> Record {
    var values = [Value](repeating: .null, count: evidenceType.fields.count)
    func set(_ name: String, _ value: Value) {
        if let slot = evidenceType.slot(of: name) { values[slot] = value }
    }
    set("id", .string("E-\(index)"))
    set("location", .string(locations[Int(random.next() % UInt64(locations.count))]))
    if random.next() % 2 == 0 { set("user_actions", .list([.string(actions[Int(random.next() % 3)])])) }
    set("hash_verified", random.next() % 3 == 0 ? .null : .bool(random.next() % 2 == 0))
    return Record(type: evidenceType, fields: values, origin: .element(parent: nil, field: "evidence", index: index), location: nil)
}

print("generating \(recordCount) EvidenceItem records…")
var random = SeededGenerator(seed: 42)
let records = (0..<recordCount).map { evidenceRecord($0, &random) }
var rootFields = [Value](repeating: .null, count: bundleType.fields.count)
var caseFields = [Value](repeating: .null, count: caseType.fields.count)
caseFields[caseType.slot(of: "id") ?? 0] = .string("BENCH")
rootFields[bundleType.slot(of: "case") ?? 0] = .record(Record(type: caseType, fields: caseFields, origin: .field(parent: nil, field: "case"), location: nil))
if let chargeType = BundleSchema.v1.type(named: "Charge"), let evidenceSlot = chargeType.slot(of: "evidence") {
    // Two charges naming every 7th and every 11th item, up to 1,000 items each.
    rootFields[bundleType.slot(of: "charges") ?? 0] = .list([7, 11].enumerated().map { index, step in
        var fields = [Value](repeating: .null, count: chargeType.fields.count)
        fields[chargeType.slot(of: "id") ?? 0] = .string("C\(index + 1)")
        fields[evidenceSlot] = .list(stride(from: 0, to: min(recordCount, 1_000 * step), by: step).map { .string("E-\($0)") })
        return .record(Record(type: chargeType, fields: fields, origin: .element(parent: nil, field: "charges", index: index), location: nil))
    })
}
let bundle = CaseBundle(root: Record(type: bundleType, fields: rootFields, origin: .root, location: nil), sources: [])

let (environment, itemSlot): (ExpressionEnvironment, Int) = {
    var environment = ExpressionEnvironment()
    let slot = environment.declareVariable("item", type: .record("EvidenceItem"))
    return (environment, slot)
}()

/// `value` with `digits` decimals, without Foundation.
func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let fraction = String(scaled % Int(scale))
    return "\(scaled / Int(scale)).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
}

let predicates = [
    "item.location == 'unallocated' and not has(item.user_actions)",
    "item.hash_verified == true or item.location in ['allocated', 'p2p_shared']",
    "charges.exists(c, item.id in c.evidence)",
    "item.id.matches(r'^E-[0-9]+7$') or item.id.startsWith('E-99')",
]

/// CPU time of this thread in seconds, so time the scheduler gives to other processes on a
/// shared machine is not counted.
func threadSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Something that decides a predicate for one record.
protocol Predicate {
    mutating func decide(_ record: Record) -> Bool?
}

/// The first predicate hand-written in Swift: the floor set by the machine and the record layout.
struct HandWritten: Predicate {
    let location: Int
    let userActions: Int

    init(_ type: RecordType) {
        location = type.slot(of: "location") ?? 0
        userActions = type.slot(of: "user_actions") ?? 0
    }

    func decide(_ record: Record) -> Bool? {
        record.fields[location] == .string("unallocated") && record.fields[userActions].isNull
    }
}

/// A compiled rule expression with its own context.
struct Compiled: Predicate {
    let expression: CompiledExpression
    var context: EvaluationContext

    init(_ text: String) {
        let source = ExpressionSource(text: text, file: "bench", start: SourceLocation(file: "bench", line: 1, column: 1))
        do {
            expression = try ExpressionCompiler.compile(source, in: environment, expecting: .bool)
        } catch {
            fatalError("benchmark expression does not compile: \(error)")
        }
        context = EvaluationContext(bundle: bundle, asOf: Day(daysSinceEpoch: 20_500), environment: environment)
    }

    mutating func decide(_ record: Record) -> Bool? {
        context.variables[itemSlot] = .record(record)
        return expression.evaluate(&context).truth
    }
}

/// The best rate, in evaluations per second, of `predicate` over `sample`, repeated `passes` times
/// per timing (so each timing covers about a million evaluations).
func rate<P: Predicate>(_ predicate: inout P, over sample: ArraySlice<Record>, passes: Int) -> (perSecond: Double, tally: [Int]) {
    var best = Double.infinity
    var tally = [0, 0, 0]
    for _ in 0..<repetitions {
        tally = [0, 0, 0]
        let start = threadSeconds()
        for _ in 0..<passes {
            for record in sample {
                switch predicate.decide(record) {
                case true?: tally[0] += 1
                case false?: tally[1] += 1
                case nil: tally[2] += 1
                }
            }
        }
        best = min(best, threadSeconds() - start)
    }
    return (Double(sample.count * passes) / best, tally)
}

func report<P: Predicate>(_ label: String, _ predicate: P) {
    var predicate = predicate
    let cached = records.prefix(1_000)
    let full = rate(&predicate, over: records[...], passes: 1)
    let warm = rate(&predicate, over: cached, passes: max(1, records.count / cached.count))
    print(label)
    print("  all \(records.count) records: \(fixed(full.perSecond / 1e6, 1)) million/s   in cache: \(fixed(warm.perSecond / 1e6, 1)) million/s   [true \(full.tally[0]), false \(full.tally[1]), unknown \(full.tally[2])]")
}

print("evaluations per second of CPU time on one core, best of \(repetitions); 'in cache' repeats the first 1000 records")
report("hand-written Swift, first predicate", HandWritten(evidenceType))
for text in predicates { report(text, Compiled(text)) }

/// The records held column by column, in blocks of `blockSize` rows.
func columnBlocks(_ records: [Record], blockSize: Int = 65_536) -> [ColumnBlock] {
    let textSlots = ["id", "location"].compactMap(evidenceType.slot(of:))
    let listSlot = evidenceType.slot(of: "user_actions") ?? 0
    let flagSlot = evidenceType.slot(of: "hash_verified") ?? 0
    return stride(from: 0, to: records.count, by: blockSize).map { first in
        let rows = records[first..<min(first + blockSize, records.count)]
        var texts = textSlots.map { _ in TextColumn() }
        var lists = TextListColumn()
        for record in rows {
            for (index, slot) in textSlots.enumerated() { texts[index].append(record.fields[slot].stringValue.map { Array($0.utf8) }) }
            lists.append(record.fields[listSlot].listValue.map { $0.map { Array(($0.stringValue ?? "").utf8) } })
        }
        var columns: [ColumnBlock.FieldKey: ColumnBlock.Column] = [
            ColumnBlock.FieldKey(slot: listSlot): .textList(lists),
            ColumnBlock.FieldKey(slot: flagSlot): .bool(rows.map { $0.fields[flagSlot].boolValue }),
        ]
        for (index, slot) in textSlots.enumerated() { columns[ColumnBlock.FieldKey(slot: slot)] = .text(texts[index]) }
        return ColumnBlock(
            type: evidenceType, collection: "evidence", firstIndex: first, count: rows.count, columns: columns, nestedTypes: [:],
            file: "bench", lines: [Int32](repeating: 1, count: rows.count))
    }
}

print("building column blocks…")
let blocks = columnBlocks(records)
print("batch tests over all \(records.count) items in \(blocks.count) column blocks, best of \(repetitions); tallies checked against the record path")
for text in predicates {
    var compiled = Compiled(text)
    var expected = [0, 0, 0]
    for record in records {
        switch compiled.decide(record) {
        case true?: expected[0] += 1
        case false?: expected[1] += 1
        case nil: expected[2] += 1
        }
    }
    var best = Double.infinity
    var tally = [0, 0, 0, 0]
    var results: [BatchTruth] = []
    for _ in 0..<repetitions {
        tally = [0, 0, 0, 0]
        let start = threadSeconds()
        for block in blocks {
            compiled.expression.test(rowsOf: block, rowVariable: itemSlot, context: &compiled.context, into: &results)
            for result in results { tally[Int(result.rawValue)] += 1 }
        }
        best = min(best, threadSeconds() - start)
    }
    let agrees = tally[3] == 0 && [tally[1], tally[0], tally[2]] == expected
    print(text)
    print("  batch: \(fixed(Double(records.count) / best / 1e6, 1)) million/s   [true \(tally[1]), false \(tally[0]), unknown \(tally[2]), undecided \(tally[3])]   \(agrees ? "same tally as the record path" : "DIFFERS from the record path [true \(expected[0]), false \(expected[1]), unknown \(expected[2])]")")
}
