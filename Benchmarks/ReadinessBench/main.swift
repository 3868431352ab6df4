// Measures compiled rule-expression evaluations per second on one core.
//
//     swift run -c release ReadinessBench [record-count] [repetitions]
//
// Each predicate runs over every generated record (memory-bound: the records do not fit in the
// caches) and over the first 1,000 records repeated (in cache), beside a hand-written Swift loop
// over the same records that shows the floor the machine sets.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ReadinessKit

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recordCount = arguments.first ?? 1_000_000
let repetitions = arguments.dropFirst().first ?? 10

guard let evidenceType = BundleSchema.v1.type(named: "EvidenceItem"), let bundleType = BundleSchema.v1.type(named: "Bundle"),
    let caseType = BundleSchema.v1.type(named: "Case")
else {
    fatalError("schema v1 lacks EvidenceItem, Bundle or Case")
}

/// A deterministic generator (SplitMix64), so every run measures the same records.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let locations = ["allocated", "unallocated", "browser_cache", "thumbnail_cache", "p2p_shared"]
let actions = ["lnk_file", "jump_list", "shellbags"]
func evidenceRecord(_ index: Int, _ random: inout SplitMix64) -> Record {
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
var random = SplitMix64(state: 42)
let records = (0..<recordCount).map { evidenceRecord($0, &random) }
var rootFields = [Value](repeating: .null, count: bundleType.fields.count)
var caseFields = [Value](repeating: .null, count: caseType.fields.count)
caseFields[caseType.slot(of: "id") ?? 0] = .string("BENCH")
rootFields[bundleType.slot(of: "case") ?? 0] = .record(Record(type: caseType, fields: caseFields, origin: .field(parent: nil, field: "case"), location: nil))
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
