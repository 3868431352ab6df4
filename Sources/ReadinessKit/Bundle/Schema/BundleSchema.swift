/// The case-bundle format: every record type, its fields, and the collections references point into.
///
/// One table drives the loader, the rule-language checker, the JSON Schema and the documentation,
/// so they cannot drift apart. Version 1 is `BundleSchema.v1`.
public struct BundleSchema: Sendable {
    /// The format version this schema describes; bundles declare it as `format: readiness-bundle/1`.
    public let version: Int
    /// The type of the bundle's root record.
    public let root: RecordType
    /// Every record type by name.
    public let types: [String: RecordType]
    /// Collections that references can name, in declaration order.
    public let collections: [CollectionSchema]

    public init(version: Int, root: String, types: [RecordType], collections: [CollectionSchema]) {
        self.version = version
        self.types = Dictionary(uniqueKeysWithValues: types.map { ($0.name, $0) })
        guard let rootType = self.types[root] else { preconditionFailure("schema has no root type \(root)") }
        self.root = rootType
        self.collections = collections
    }

    /// The record type with this name.
    public func type(named name: String) -> RecordType? { types[name] }

    /// The collection with this key (e.g. `devices`, `cybertip_files`).
    public func collection(named key: String) -> CollectionSchema? {
        collections.first { $0.key == key }
    }

    /// The text bundles must give as `format:`.
    public var formatTag: String { "readiness-bundle/\(version)" }
}

/// A set of records with ids that references can point into.
public struct CollectionSchema: Hashable, Sendable {
    /// The name references use, e.g. `devices` or `cybertip_files`.
    public let key: String
    /// The field path from the root to the list, e.g. `["cybertips", "files"]`.
    public let path: [String]
    /// The record type of the elements.
    public let recordType: String

    public init(_ key: String, path: [String], recordType: String) {
        self.key = key
        self.path = path
        self.recordType = recordType
    }
}
