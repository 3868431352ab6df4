/// One structured entry in a bundle: the case, a charge, an evidence item, a nested acquisition.
///
/// Fields are stored in slots in the order of the record type's schema, so rules resolve a
/// field name to a slot once, when they are compiled. Records are immutable and shared.
public final class Record: Hashable, Sendable {
    /// The record's type, from the bundle schema.
    public let type: RecordType
    /// One value per field of `type`, in schema order; absent fields hold `.null`.
    public let fields: [Value]
    /// Where the record sits in the bundle: its collection key and id, or its parent and field.
    public let origin: Origin
    /// Where the record starts in its source file, when known.
    public let location: SourceLocation?

    /// How a record is reached from the bundle root; parents are named by their data path.
    public enum Origin: Sendable {
        case root
        /// Element `index` of list `field` of the record at path `parent` (`nil` for top-level sections).
        case element(parent: String?, field: String, index: Int)
        /// The value of record-typed `field` of the record at path `parent` (`nil` for top-level sections).
        case field(parent: String?, field: String)
    }

    public init(type: RecordType, fields: [Value], origin: Origin, location: SourceLocation?) {
        precondition(fields.count == type.fields.count, "record slots must match the schema")
        self.type = type
        self.fields = fields
        self.origin = origin
        self.location = location
    }

    /// The value of the named field, or `nil` when the type has no such field.
    public subscript(name: String) -> Value? {
        type.slot(of: name).map { fields[$0] }
    }

    /// The record's `id` field, when it has one and it is set.
    public var id: String? {
        guard let slot = type.idSlot else { return nil }
        return fields[slot].stringValue
    }

    /// The canonical data path, e.g. `evidence[E-0017]` or `cybertips[CT-1].files[F-2]`.
    ///
    /// Elements with an id are addressed by id, others by position.
    public var path: String {
        switch origin {
        case .root:
            return "bundle"
        case .element(let parent, let field, let index):
            let prefix = parent.map { "\($0).\(field)" } ?? field
            return "\(prefix)[\(id ?? String(index))]"
        case .field(let parent, let field):
            return parent.map { "\($0).\(field)" } ?? field
        }
    }

    /// The path of a field of this record, e.g. `evidence[E-0017].hash_verified`.
    public func path(of field: String) -> String { "\(pathPrefix)\(field)" }

    private var pathPrefix: String {
        if case .root = origin { return "" }
        return path + "."
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs === rhs || (lhs.type === rhs.type && lhs.fields == rhs.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type.name)
        hasher.combine(id)
    }
}
