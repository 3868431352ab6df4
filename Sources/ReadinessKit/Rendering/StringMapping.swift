import Foundation

/// Applies a text transformation to every string inside a `Codable` value (not to dictionary
/// keys), by way of its JSON form, so that fields added later are never missed.
///
/// Redaction and output cleaning use it over a whole report or view model.
enum StringMapping {
    /// A copy of `value` with `transform` applied to every string it holds.
    ///
    /// - Throws: an encoding or decoding error, which a synthesized `Codable` type never produces.
    static func map<T: Codable>(_ value: T, _ transform: (String) -> String) throws -> T {
        let tree = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        return try JSONDecoder().decode(T.self, from: JSONEncoder().encode(tree.mapStrings(transform)))
    }
}

/// A JSON document as a tree.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Most likely first: a failed attempt costs a thrown error.
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let members = try? container.decode([String: JSONValue].self) {
            self = .object(members)
        } else if let elements = try? container.decode([JSONValue].self) {
            self = .array(elements)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else {
            guard container.decodeNil() else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
            }
            self = .null
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let elements): try container.encode(elements)
        case .object(let members): try container.encode(members)
        }
    }

    func mapStrings(_ transform: (String) -> String) -> JSONValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .array(let elements): .array(elements.map { $0.mapStrings(transform) })
        case .object(let members): .object(members.mapValues { $0.mapStrings(transform) })
        default: self
        }
    }
}
