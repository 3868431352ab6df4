/// The static type of an expression, checked against the bundle schema before any bundle is read.
///
/// Any value may also be absent at run time (unknown); types do not track that.
public indirect enum ExpressionType: Sendable, Hashable, CustomStringConvertible {
    case bool, int, number, string
    /// A date or a timestamp: bundle `date` and `dateTime` fields, `as_of`, `date(…)`, `timestamp(…)`.
    case time
    /// A length of time, from `days(n)`, `hours(n)` or subtracting two times.
    case duration
    /// The type of the `null` literal, which evaluates to unknown.
    case null
    /// Any type; checks involving it are left to run time.
    case any
    /// A string restricted to the cases of an enumeration.
    case enumeration(EnumType)
    case list(ExpressionType)
    /// A map literal with string keys and values of the given type.
    case map(ExpressionType)
    /// A record of the named `RecordType`.
    case record(String)
    /// The id of a record in the named collection; member access follows the reference.
    case reference(String)
    /// A data table declared by the rule pack; index it with a key.
    case table(String)
    /// One row of the named data table; its columns are its members.
    case tableRow(String)

    /// The type as diagnostics name it, e.g. `list(int)` or `file_location`.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .time: "time"
        case .duration: "duration"
        case .null: "null"
        case .any: "any"
        case .enumeration(let type): type.name
        case .list(let element): "list(\(element))"
        case .map(let value): "map(\(value))"
        case .record(let name): name
        case .reference(let collection): "reference(\(collection))"
        case .table(let name): "table '\(name)'"
        case .tableRow(let name): "row of table '\(name)'"
        }
    }

    /// The expression type of a bundle field type.
    init(_ field: FieldType) {
        switch field {
        case .string, .attachment: self = .string
        case .int: self = .int
        case .number: self = .number
        case .bool: self = .bool
        case .date, .dateTime: self = .time
        case .enumeration(let type): self = .enumeration(type)
        case .reference(let collection): self = .reference(collection)
        case .list(let element): self = .list(ExpressionType(element))
        case .record(let name): self = .record(name)
        }
    }

    /// Whether values of this type are strings at run time (strings, enumeration cases, ids).
    var isStringLike: Bool {
        switch self {
        case .string, .enumeration, .reference: true
        default: false
        }
    }

    /// Whether values of this type are numbers (`int` or `number`).
    var isNumeric: Bool { self == .int || self == .number }

    /// Whether a value of this type can be compared for equality with a value of `other`.
    func isComparable(with other: ExpressionType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any), (.null, _), (_, .null): true
        case (.enumeration(let left), .enumeration(let right)): left == right
        case (.list(let left), .list(let right)): left.isComparable(with: right)
        case (.record(let left), .record(let right)): left == right
        default:
            self == other || (isNumeric && other.isNumeric) || (isStringLike && other.isStringLike)
        }
    }

    /// Whether values of this type can be ordered against values of `other` with `<`.
    func isOrderable(with other: ExpressionType) -> Bool {
        switch (self, other) {
        case (.any, .any): true
        case (.any, let known), (let known, .any): known.isOrderable(with: known)
        case (.time, .time), (.duration, .duration), (.string, .string): true
        default: isNumeric && other.isNumeric
        }
    }
}
