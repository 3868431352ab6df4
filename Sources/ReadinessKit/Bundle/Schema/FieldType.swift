/// The type of a field in the bundle schema.
public indirect enum FieldType: Hashable, Sendable, CustomStringConvertible {
    case string
    case int
    case number
    /// A three-valued fact: `true`, `false`, or absent (not established).
    case bool
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A date (`YYYY-MM-DD`) or a timestamp with UTC offset; the two stay distinct.
    case dateTime
    /// One of a closed set of words.
    case enumeration(EnumType)
    /// The id of a record in a bundle collection (e.g. a device id).
    case reference(String)
    /// A path to a file inside the bundle folder.
    case attachment
    case list(FieldType)
    /// A nested record of the named type.
    case record(String)

    public var description: String {
        switch self {
        case .string: "string"
        case .int: "integer"
        case .number: "number"
        case .bool: "boolean"
        case .date: "date"
        case .dateTime: "date or timestamp"
        case .enumeration(let type): type.name
        case .reference(let collection): "id of \(collection)"
        case .attachment: "attachment path"
        case .list(let element): "list of \(element)"
        case .record(let name): name
        }
    }
}

/// A closed set of allowed words, e.g. the locations a file can be found in on a device.
public struct EnumType: Hashable, Sendable {
    public let name: String
    public let cases: [String]

    public init(_ name: String, _ cases: [String]) {
        self.name = name
        self.cases = cases
    }
}

/// Which class of identity a field reveals, for `--redact`.
public enum Sensitivity: String, Hashable, Sendable, Codable {
    /// Identifies a victim: always replaced by a stable pseudonym when redacting.
    case victim
    /// Identifies a suspect or defendant.
    case suspect
}

/// One field of a record type.
public struct FieldSchema: Hashable, Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    public let summary: String
    /// An example value as it would be written in YAML.
    public let example: String?
    public let sensitivity: Sensitivity?

    public init(
        _ name: String, _ type: FieldType, required: Bool = false, _ summary: String,
        example: String? = nil, sensitivity: Sensitivity? = nil
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.summary = summary
        self.example = example
        self.sensitivity = sensitivity
    }
}
