/// The fields an evidence listing can fill: `EvidenceItem` fields and `grading.<field>`, as
/// `evidence.csv` names them.
struct EvidenceFields {
    let itemType: RecordType
    let gradingType: RecordType
    /// Every column name `evidence.csv` accepts, in schema order.
    let names: [String]

    init(schema: BundleSchema) {
        guard let itemType = schema.type(named: "EvidenceItem"), let gradingType = schema.type(named: "Grading") else {
            preconditionFailure("the bundle schema defines EvidenceItem and Grading")
        }
        self.itemType = itemType
        self.gradingType = gradingType
        names = itemType.fields.flatMap { field in
            field.name == "grading" ? gradingType.fieldNames.map { "grading.\($0)" } : [field.name]
        }
    }

    /// The type of a column name, or `nil` if `evidence.csv` has no such column.
    func type(of name: String) -> FieldType? {
        if name.hasPrefix("grading.") { return gradingType.field(named: String(name.dropFirst(8)))?.type }
        guard name != "grading" else { return nil }
        return itemType.field(named: name)?.type
    }

    /// Column names in schema order, keeping only those in `wanted`.
    func ordered(_ wanted: Set<String>) -> [String] {
        names.filter(wanted.contains)
    }

    /// The element type of a list type, or the type itself.
    static func elementType(_ type: FieldType) -> FieldType {
        if case .list(let element) = type { return element }
        return type
    }

    /// The collection a reference column points into (`device` → `devices`).
    static func referencedCollection(_ type: FieldType) -> String? {
        if case .reference(let collection) = type { return collection }
        return nil
    }
}
