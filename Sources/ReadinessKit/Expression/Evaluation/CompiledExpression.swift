/// An expression parsed, checked and compiled once; evaluate it any number of times, from any thread.
public struct CompiledExpression: Sendable {
    /// Where the expression came from.
    public let source: ExpressionSource
    /// The type of its value.
    public let type: ExpressionType
    /// The bundle fields it reads, as `RecordType.field` (e.g. `EvidenceItem.hash_verified`), for lint.
    public var fieldsRead: Set<String>
    /// The fields read straight off each environment variable, and the variables read whole (see `fieldsRead(ofVariable:)`).
    let variableFields: [Int: Set<Int>]
    let wholeVariables: Set<Int>
    /// Whole-collection questions a streaming check can settle (see `CollectionAggregate`).
    let aggregates: [CollectionAggregate]
    /// The collections (by ordinal) the expression reads other than through `aggregates`.
    let collectionsRead: Set<Int>
    /// The root node.
    let root: Node
    /// Variable slots the expression needs, including those its macros bind.
    let slotCount: Int
    /// The batch form of the root (see `test(rowsOf:rowVariable:context:into:)`).
    let kernel: Kernel
    /// The first slot macros bind; the slots before it are the environment's variables.
    let firstMacroSlot: Int
    /// Whether the expression is a condition, evaluated on the `Truth` path.
    let isCondition: Bool

    init(
        source: ExpressionSource, type: ExpressionType, fieldsRead: Set<String>, kernel: Kernel, slotCount: Int, firstMacroSlot: Int,
        aggregates: [CollectionAggregate] = [], collectionsRead: Set<Int> = [], variableFields: [Int: Set<Int>] = [:],
        wholeVariables: Set<Int> = []
    ) {
        self.aggregates = aggregates
        self.variableFields = variableFields
        self.wholeVariables = wholeVariables
        self.collectionsRead = collectionsRead
        self.source = source
        self.type = type
        self.fieldsRead = fieldsRead
        self.root = kernel.node
        self.kernel = kernel
        self.slotCount = slotCount
        self.firstMacroSlot = firstMacroSlot
        self.isCondition = type == .bool
    }

    /// Evaluates the expression with the context's bundle, reference date and variables.
    ///
    /// Never traps: runtime faults give `.error`, absent facts `.unknown`.
    public func evaluate(_ context: inout EvaluationContext) -> EvaluationResult {
        prepare(&context)
        guard isCondition else { return root.run(&context).result }
        switch root.test(&context) {
        case .yes: return .value(.bool(true))
        case .no: return .value(.bool(false))
        case .unknown: return .unknown
        case .error: return .error(context.failure ?? "evaluation failed")
        }
    }

    /// Evaluates the expression and lists every bundle fact it read, with the value observed.
    ///
    /// Slower than `evaluate`; use it to explain a result that is false or unknown.
    public func explain(_ context: inout EvaluationContext) -> Explanation {
        prepare(&context)
        context.facts = []
        defer {
            context.facts = nil
            context.recorded = []
            context.presenceTested = []
            context.valueRead = []
        }
        let result = root.run(&context).result
        return Explanation(result: result, facts: context.facts ?? [], presenceTested: context.presenceTested)
    }

    @inline(__always)
    func prepare(_ context: inout EvaluationContext) {
        context.steps = 0
        if context.variables.count < slotCount {
            context.variables.append(contentsOf: repeatElement(.null, count: slotCount - context.variables.count))
        }
    }

    /// The fields of the record in variable `slot` this expression can read: those it names
    /// straight off the variable (`item.location`), or `nil` when it reads the variable whole.
    func fieldsRead(ofVariable slot: Int) -> Set<Int>? {
        wholeVariables.contains(slot) ? nil : variableFields[slot] ?? []
    }
}

/// Compiles rule-language expressions.
public enum ExpressionCompiler {
    /// Parses, checks and compiles an expression.
    ///
    /// - Parameters:
    ///   - source: The text and its place in the rule file.
    ///   - environment: The schema, variables and tables in scope.
    ///   - expecting: The type the caller needs (e.g. `.bool` for an assertion), if any.
    /// - Returns: The compiled expression.
    /// - Throws: A `DiagnosticError` with every problem found, each at its file position.
    public static func compile(
        _ source: ExpressionSource, in environment: ExpressionEnvironment, expecting: ExpressionType? = nil
    ) throws(DiagnosticError) -> CompiledExpression {
        let text = source.text
        if text.unicodeScalars.count > maxLength {
            throw DiagnosticError(source.diagnostic(for: .tooComplex("expression is longer than \(maxLength) characters", at: 0)))
        }
        let syntax: Expr
        do {
            syntax = try Parser.parse(text)
        } catch {
            throw DiagnosticError(source.diagnostic(for: error))
        }
        var checker = Checker(environment: environment)
        let checked = checker.check(syntax)
        if let expecting, !checked.isInvalid, !checked.type.fits(expecting) {
            checker.report(
                "expr.type-mismatch", "the expression gives \(checked.type), but \(expecting) is needed here",
                hint: expecting == .bool ? "compare the value to get true or false, e.g. x > 0 or has(x)" : "change the expression to give \(expecting)",
                at: syntax.start)
        }
        switch checked.type {
        case .map, .table, .tableRow:
            checker.report(
                "expr.type-mismatch", "the expression gives a whole \(checked.type), which cannot be a result",
                hint: "read one entry or column of it, e.g. table[key].column", at: syntax.start)
        default: break
        }
        guard checker.issues.isEmpty else {
            throw DiagnosticError(checker.issues.map(source.diagnostic(for:)))
        }
        return CompiledExpression(
            source: source, type: checked.type, fieldsRead: checker.fieldsRead, kernel: checked.batch, slotCount: checker.slotCount,
            firstMacroSlot: environment.variableCount, aggregates: checker.aggregates,
            collectionsRead: Set(checker.collectionReads.filter { $0.value > 0 }.keys), variableFields: checker.variableFields,
            wholeVariables: checker.wholeVariables)
    }

    /// The longest expression accepted, in characters.
    public static let maxLength = 10_000
}
