/// Everything an evaluation reads: the bundle, the reference date and the variables' values.
///
/// Create one per bundle (it indexes the bundle's collections once) and set `variables[slot]`
/// before each evaluation. It is a value: give each thread its own copy.
public struct EvaluationContext: Sendable {
    /// The default for `stepLimit`.
    public static let defaultStepLimit = 1_000_000

    /// The bundle being checked.
    public let bundle: CaseBundle
    /// The check's reference date, the value of `as_of`.
    public let asOf: Day
    /// Variable values by slot (see `ExpressionEnvironment.declareVariable`); `.null` is unknown.
    public var variables: [Value]
    /// The most macro iterations (`all`, `exists`, `map`, …) one evaluation may take before it
    /// stops with an error value.
    public var stepLimit = EvaluationContext.defaultStepLimit
    /// The most macro iterations all evaluations with this context may take together; once spent,
    /// every further evaluation stops with an error value, even if the limit is raised later. A rule
    /// run sets it, so a rule that scans the whole listing for each of its items cannot run for
    /// hours on a large bundle.
    public var totalStepLimit = Int.max

    /// Each collection's records as a list value, by ordinal in `schema.collections`.
    let collections: [Value]
    /// Each collection's records by id, by ordinal in `schema.collections`.
    let indexes: [[String: Record]]
    /// Steps taken by the current evaluation.
    var steps = 0
    /// Steps taken by every evaluation with this context.
    var totalSteps = 0
    /// Whether `totalStepLimit` has been passed; from then on every evaluation stops at its first step.
    var totalBudgetSpent = false
    /// Facts read so far, when explaining; `nil` on the fast path.
    var facts: [Fact]?
    /// The facts already recorded, so recording stays linear however many facts a rule reads.
    var recorded: Set<Fact> = []
    /// Paths read only by presence tests (`has`), which decide their answer however the fact stands.
    var presenceTested: Set<String> = []
    /// Paths whose value was read, not only tested for presence.
    var valueRead: Set<String> = []
    /// The most facts one explanation records; a rule over a million items reads a million facts.
    static let factLimit = 1_000
    /// The message of the latest error on the condition path (see `Truth.error`).
    var failure: String?
    /// Whole-collection answers a streaming check has settled, with the steps they stand for.
    var settled: [ObjectIdentifier: CollectionAggregate.Settled] = [:]
    /// The collection (by ordinal) that holds only the items a stream kept, so a whole-collection
    /// question over it without a settled answer must not walk it.
    var keptOnly: Int?

    /// A context for one bundle, with every variable of `environment` unbound (`.null`).
    public init(bundle: CaseBundle, asOf: Day, environment: ExpressionEnvironment) {
        self.bundle = bundle
        self.asOf = asOf
        self.variables = Array(repeating: .null, count: environment.variableCount)
        let collections = bundle.schema.collections
        self.collections = bundle.collectionLists
        self.indexes = collections.map { bundle.index[$0.key] ?? [:] }
    }

    /// Counts one macro step; returns an error outcome once the limit is passed.
    @inline(__always)
    mutating func step() -> Outcome? {
        steps += 1
        totalSteps += 1
        if totalBudgetSpent || totalSteps > totalStepLimit {
            totalBudgetSpent = true
            return .error("evaluation stopped: this rule has used its budget of \(totalStepLimit) steps over all its items; the lists are too large for this rule")
        }
        guard steps > stepLimit else { return nil }
        return .error("evaluation stopped after \(stepLimit) steps (the step budget); the lists are too large for this rule")
    }

    /// Counts `count` macro steps at once, failing exactly where counting them one by one with
    /// `step()` would; returns the error outcome if the budget runs out.
    mutating func take(steps count: Int) -> Outcome? {
        let room = totalBudgetSpent ? 0 : max(min(totalStepLimit - totalSteps, stepLimit - steps), 0)
        guard count > room else {
            steps += count
            totalSteps += count
            return nil
        }
        steps += room
        totalSteps += room
        return step()
    }

    /// The value of a field of the record held by a variable, or `nil` when the variable holds no record.
    ///
    /// The fast path only reads, so the record is borrowed rather than retained; explaining
    /// takes the slow path that records the fact.
    @inline(__always)
    mutating func field(ofVariable variable: Int, slot: Int, type: RecordType, name: String, presence: Bool = false) -> Value? {
        guard variable < variables.count else { return nil }
        if facts == nil {
            guard case .record(let record) = variables[variable] else { return nil }
            return record.type === type ? record.fields[slot] : (record[name] ?? .null)
        }
        guard case .record(let record) = variables[variable] else { return nil }
        let value = record.type === type ? record.fields[slot] : (record[name] ?? .null)
        read(name, of: record, value: value, presence: presence)
        return value
    }

    /// Records a fact read from a record's field, when explaining.
    mutating func read(_ field: String, of record: Record, value: Value, presence: Bool = false) {
        guard facts != nil else { return }
        switch value {
        case .record: return
        case .list(let elements) where elements.contains(where: { $0.recordValue != nil }): return
        default: break
        }
        guard let count = facts?.count, count < Self.factLimit else { return }
        let fact = Fact(path: record.path(of: field), value: value)
        if presence {
            if !valueRead.contains(fact.path) { presenceTested.insert(fact.path) }
        } else if valueRead.insert(fact.path).inserted {
            presenceTested.remove(fact.path)
        }
        if recorded.insert(fact).inserted { facts?.append(fact) }
    }
}
