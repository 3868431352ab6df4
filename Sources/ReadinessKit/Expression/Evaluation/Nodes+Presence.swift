/// `has(…)`: whether a fact is present. Always true or false, except for a runtime error in the
/// part before the last step (such as a dangling reference), which stays an error.
extension Nodes {
    /// `has(record.field)`: the field is set. An absent record means the field is absent too.
    static func hasField(of base: Node, slot: Int, type: RecordType, name: String) -> Node {
        Node(test: { context in
            switch base.run(&context) {
            case .value(.record(let record)): return isPresent(record, slot: slot, type: type, name: name, &context)
            case .error(let message):
                context.failure = message
                return .error
            default: return .no
            }
        })
    }

    /// `has(variable.field)`, fused.
    static func hasField(ofVariable variable: Int, slot: Int, type: RecordType, name: String) -> Node {
        Node(test: { context in
            switch context.field(ofVariable: variable, slot: slot, type: type, name: name, presence: true) {
            case .null?, nil: .no
            default: .yes
            }
        })
    }

    @inline(__always)
    private static func isPresent(_ record: Record, slot: Int, type: RecordType, name: String, _ context: inout EvaluationContext) -> Truth {
        let value = record.type === type ? record.fields[slot] : (record[name] ?? .null)
        if context.facts != nil { context.read(name, of: record, value: value, presence: true) }
        if case .null = value { return .no }
        return .yes
    }

    /// `has(container[key])`: the key names an element, entry, record or table row (not the default row).
    static func hasKey(in base: Node, key: Node, table: DataTable?) -> Node {
        Node { context in
            let key = key.run(&context)
            if case .error = key { return key }
            guard case .value(let keyValue) = key else { return .false }
            if let table {
                guard case .string(let name) = keyValue else { return .false }
                return Outcome(truth: table.rows[name] != nil)
            }
            let container = base.run(&context)
            switch (container, keyValue) {
            case (.error, _): return container
            case (.value(.list(let elements)), .int(let index)): return Outcome(truth: elements.indices.contains(index))
            case (.value(.list(let elements)), .string(let id)): return Outcome(truth: elements.contains { $0.recordValue?.id == id })
            case (.map(let entries), .string(let name)): return Outcome(truth: entries[name] != nil)
            default: return .false
            }
        }
    }

    /// `has(collection['id'])` on a bundle collection: the id exists.
    static func hasRecord(_ key: Node, ordinal: Int) -> Node {
        Node { context in
            let key = key.run(&context)
            if case .error = key { return key }
            guard case .value(.string(let id)) = key, ordinal < context.indexes.count else { return .false }
            return Outcome(truth: context.indexes[ordinal][id] != nil)
        }
    }

    /// `has(name)` on a variable: it holds a value.
    static func hasValue(_ base: Node) -> Node {
        Node { context in
            let outcome = base.run(&context)
            switch outcome {
            case .error: return outcome
            case .unknown: return .false
            default: return .true
            }
        }
    }
}
