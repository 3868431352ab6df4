// Measures compiled rule-expression evaluations per second on one core.
//
//     swift run -c release ReadinessBench [record-count] [repetitions]
import Dispatch
import ReadinessKit

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let recordCount = arguments.first ?? 1_000_000
let repetitions = arguments.dropFirst().first ?? 5

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

/// Evaluates `text` over every record `repetitions` times; returns the best time and the tally of results.
func measure(_ text: String) -> (seconds: Double, tally: [Int]) {
    let source = ExpressionSource(text: text, file: "bench", start: SourceLocation(file: "bench", line: 1, column: 1))
    let compiled: CompiledExpression
    do {
        compiled = try ExpressionCompiler.compile(source, in: environment, expecting: .bool)
    } catch {
        fatalError("benchmark expression does not compile: \(error)")
    }
    var context = EvaluationContext(bundle: bundle, asOf: Day(daysSinceEpoch: 20_500), environment: environment)
    var best = Double.infinity
    var tally = [0, 0, 0]
    for _ in 0..<repetitions {
        tally = [0, 0, 0]
        let start = DispatchTime.now().uptimeNanoseconds
        for record in records {
            context.variables[itemSlot] = .record(record)
            switch compiled.evaluate(&context).truth {
            case true?: tally[0] += 1
            case false?: tally[1] += 1
            case nil: tally[2] += 1
            }
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (best, tally)
}

/// The same first predicate hand-written in Swift over the same records: the floor set by memory.
func measureBaseline() -> Double {
    guard let location = evidenceType.slot(of: "location"), let userActions = evidenceType.slot(of: "user_actions") else { return 0 }
    var best = Double.infinity
    var matches = 0
    for _ in 0..<repetitions {
        matches = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for record in records where record.fields[location] == .string("unallocated") && record.fields[userActions].isNull {
            matches += 1
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print("hand-written Swift baseline for the first predicate: \(fixed(Double(records.count) / best / 1e6, 1)) million/s [true \(matches)]")
    return best
}

_ = measureBaseline()
for text in predicates {
    let (best, tally) = measure(text)
    let rate = Double(records.count) / best
    print("\(text)")
    print("  \(records.count) evaluations in \(fixed(best, 3)) s (best of \(repetitions)): \(fixed(rate / 1e6, 1)) million/s  [true \(tally[0]), false \(tally[1]), unknown \(tally[2])]")
}
