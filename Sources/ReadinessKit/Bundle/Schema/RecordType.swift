/// A record type of the bundle schema: its fields in slot order.
///
/// A class so that every record can point at its type for the cost of one reference;
/// it is immutable after creation.
public final class RecordType: Sendable, CustomStringConvertible {
    public let name: String
    public let summary: String
    public let fields: [FieldSchema]
    /// The slot of the `id` field, when the type has one.
    public let idSlot: Int?
    private let slots: [String: Int]

    public init(_ name: String, _ summary: String, fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
        var slots: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            precondition(slots[field.name] == nil, "duplicate field '\(field.name)' in \(name)")
            slots[field.name] = index
        }
        self.slots = slots
        self.idSlot = slots["id"]
    }

    /// The slot of the named field.
    public func slot(of name: String) -> Int? { slots[name] }

    /// The schema of the named field.
    public func field(named name: String) -> FieldSchema? { slots[name].map { fields[$0] } }

    /// The field names, in schema order.
    public var fieldNames: [String] { fields.map(\.name) }

    public var description: String { name }
}
