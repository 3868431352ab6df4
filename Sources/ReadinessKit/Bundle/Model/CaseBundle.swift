/// A loaded, validated case bundle.
///
/// Built only by `BundleLoader` (or by tests through `init(root:sources:)`), so every reference in
/// it resolves and every value has its schema type.
public struct CaseBundle: Sendable {
    /// The schema the bundle was validated against.
    public let schema: BundleSchema
    /// The root record (type `Bundle`).
    public let root: Record
    /// The files read, with their SHA-256 digests, in the order read.
    public let sources: [SourceFile]
    /// Records of each collection by id, e.g. `index["devices"]["D1"]` (the first, when ids repeat).
    public let index: [String: [String: Record]]
    /// Each collection's records as one list value, in the order of `schema.collections`, built once
    /// so that every rule's evaluation shares them.
    let collectionLists: [Value]
    /// Records whose id repeats an earlier one in the same collection, with the collection key.
    public let duplicates: [(collection: String, record: Record)]

    /// A file that went into the bundle.
    public struct SourceFile: Hashable, Sendable, Codable {
        /// Path as given by the user (relative to the working directory when relative).
        public var path: String
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String

        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// Creates a bundle; a section left out of the bundle (a root list) is an empty list: the file
    /// holds no such entries. Facts inside entries stay absent when left out.
    public init(schema: BundleSchema = .v1, root: Record, sources: [SourceFile]) {
        self.schema = schema
        self.root = CaseBundle.withEmptySections(root, schema: schema)
        let root = self.root
        self.sources = sources
        var index: [String: [String: Record]] = [:]
        var duplicates: [(collection: String, record: Record)] = []
        var lists: [Value] = []
        for collection in schema.collections {
            let records = CaseBundle.records(at: collection.path, under: root)
            lists.append(.list(records.map(Value.record)))
            var byID: [String: Record] = Dictionary(minimumCapacity: records.count)
            for record in records {
                guard let id = record.id else { continue }
                if byID[id] == nil { byID[id] = record } else { duplicates.append((collection.key, record)) }
            }
            index[collection.key] = byID
        }
        self.index = index
        self.duplicates = duplicates
        self.collectionLists = lists
    }

    /// The `case` record.
    public var caseRecord: Record {
        guard let record = root["case"]?.recordValue else { preconditionFailure("a loaded bundle always has a case") }
        return record
    }

    /// The records of a collection in bundle order (e.g. `records(in: "cybertip_files")`).
    public func records(in collection: String) -> [Record] {
        guard let schema = schema.collection(named: collection) else { return [] }
        return CaseBundle.records(at: schema.path, under: root)
    }

    /// The record with `id` in `collection`, if any.
    public func record(in collection: String, id: String) -> Record? {
        index[collection]?[id]
    }

    private static func withEmptySections(_ root: Record, schema: BundleSchema) -> Record {
        var fields = root.fields
        var changed = false
        for (slot, field) in schema.root.fields.enumerated() {
            if case .list = field.type, fields[slot].isNull {
                fields[slot] = .list([])
                changed = true
            }
        }
        return changed ? Record(type: root.type, fields: fields, origin: root.origin, location: root.location) : root
    }

    static func records(at path: [String], under record: Record) -> [Record] {
        guard let first = path.first, let value = record[first] else { return [] }
        let rest = Array(path.dropFirst())
        let elements: [Record]
        switch value {
        case .list(let values): elements = values.compactMap(\.recordValue)
        case .record(let nested): elements = [nested]
        default: elements = []
        }
        return rest.isEmpty ? elements : elements.flatMap { records(at: rest, under: $0) }
    }
}
