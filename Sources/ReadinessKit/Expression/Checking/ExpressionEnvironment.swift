/// What names an expression may use: the bundle schema's sections, `as_of`, the caller's
/// variables and the rule pack's data tables.
public struct ExpressionEnvironment: Sendable {
    /// The bundle schema names and fields are checked against.
    public let schema: BundleSchema
    /// Declared variables by name, with their slot and type.
    private(set) var variables: [String: (slot: Int, type: ExpressionType)] = [:]
    /// Declared tables by name.
    private(set) var tables: [String: DataTable] = [:]
    /// The number of variable slots declared so far.
    public private(set) var variableCount = 0

    /// An environment with the schema's sections and `as_of`, and no variables or tables yet.
    public init(schema: BundleSchema = .v1) {
        self.schema = schema
    }

    /// Declares a variable (e.g. the rule's subject `item`) and returns its slot in `EvaluationContext.variables`.
    ///
    /// Declaring a name again replaces its type and keeps its slot.
    @discardableResult
    public mutating func declareVariable(_ name: String, type: ExpressionType) -> Int {
        if let existing = variables[name] {
            variables[name] = (existing.slot, type)
            return existing.slot
        }
        let slot = variableCount
        variables[name] = (slot, type)
        variableCount += 1
        return slot
    }

    /// Declares a data table; a table with the same name is replaced.
    public mutating func declareTable(_ table: DataTable) {
        tables[table.name] = table
    }

    /// Bundle sections in scope by name: the root record's fields (except `format`) and the
    /// flattened collections such as `cybertip_files`.
    var sections: [String: Section] {
        var sections: [String: Section] = [:]
        for (slot, field) in schema.root.fields.enumerated() where field.name != "format" {
            sections[field.name] = Section(kind: .rootField(slot), type: ExpressionType(field.type))
        }
        for (ordinal, collection) in schema.collections.enumerated() where sections[collection.key] == nil {
            sections[collection.key] = Section(kind: .collection(ordinal), type: .list(.record(collection.recordType)))
        }
        return sections
    }

    /// A bundle section: a field of the root record or a flattened collection.
    struct Section {
        enum Kind { case rootField(Int), collection(Int) }
        var kind: Kind
        var type: ExpressionType
    }

    /// The ordinal of a collection in `schema.collections`.
    func collectionOrdinal(_ key: String) -> Int? {
        schema.collections.firstIndex { $0.key == key }
    }
}
