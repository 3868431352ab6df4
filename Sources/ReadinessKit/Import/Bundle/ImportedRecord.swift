/// A record produced by an importer, before it is merged into a bundle.
///
/// Values are held as the text the bundle loader reads (`true`, `2026-01-10T08:15:00Z`,
/// `generative_ai`), already checked against the field's type, so writing them out cannot
/// produce a bundle the loader rejects. Fields never set stay absent: an importer never
/// writes `false` or an empty value for a fact the source did not give.
struct ImportedRecord {
    /// A field value in loader text form.
    enum Value: Equatable {
        case scalar(String)
        case list([String])
        case records([ImportedRecord])
    }

    let type: RecordType
    /// Where the record came from in the imported file.
    let location: SourceLocation
    private(set) var values: [String: Value] = [:]

    init(type: RecordType, location: SourceLocation) {
        self.type = type
        self.location = location
    }

    /// The value of a field, if set.
    subscript(field: String) -> Value? {
        get { values[field] }
        set {
            precondition(type.slot(of: field) != nil, "\(type.name) has no field '\(field)'")
            values[field] = newValue
        }
    }

    /// The record's `id`, if set.
    var id: String? {
        if case .scalar(let id)? = values["id"] { return id }
        return nil
    }

    /// The text of a scalar field, if set.
    func text(_ field: String) -> String? {
        if case .scalar(let text)? = values[field] { return text }
        return nil
    }

    /// The set fields in schema order.
    var orderedValues: [(field: FieldSchema, value: Value)] {
        type.fields.compactMap { field in values[field.name].map { (field, $0) } }
    }
}

extension ImportedRecord: Equatable {
    static func == (lhs: ImportedRecord, rhs: ImportedRecord) -> Bool {
        lhs.type === rhs.type && lhs.values == rhs.values
    }
}
