import Foundation

/// Writes the bundle schema as a JSON Schema (draft 2020-12) so that other tools can validate and
/// export bundles. Section files of a bundle folder hold arrays of the matching `$defs` entry.
public enum JSONSchemaExporter {
    /// The JSON Schema text, pretty-printed with sorted keys (stable across runs).
    public static func jsonSchema(for schema: BundleSchema) -> String {
        var definitions: [String: Any] = [:]
        for type in schema.types.values where type !== schema.root {
            definitions[type.name] = object(for: type)
        }
        var root = object(for: schema.root)
        var properties = root["properties"] as? [String: Any] ?? [:]
        properties["format"] = ["const": schema.formatTag, "description": "Format tag and version."]
        root["properties"] = properties
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = "https://readiness.invalid/schema/bundle-\(schema.version).json"
        root["title"] = "Readiness case bundle, format version \(schema.version)"
        root["$defs"] = definitions
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: options) else {
            preconditionFailure("the schema is plain JSON values")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func object(for type: RecordType) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in type.fields {
            var property = schema(for: field.type, nullable: !field.required)
            property["description"] = field.summary
            if let example = field.example { property["examples"] = [example] }
            properties[field.name] = property
        }
        var object: [String: Any] = [
            "type": "object", "description": type.summary, "properties": properties, "additionalProperties": false,
        ]
        let required = type.fields.filter(\.required).map(\.name)
        if !required.isEmpty { object["required"] = required }
        return object
    }

    private static func schema(for type: FieldType, nullable: Bool) -> [String: Any] {
        let base: [String: Any]
        switch type {
        case .string, .reference, .attachment: base = ["type": "string"]
        case .int: base = ["type": "integer"]
        case .number: base = ["type": "number"]
        case .bool: base = ["type": "boolean"]
        case .date: base = ["type": "string", "pattern": datePattern + "$"]
        case .dateTime: base = ["type": "string", "pattern": datePattern + "(" + timePattern + ")?$"]
        case .enumeration(let enumType): base = ["enum": enumType.cases]
        case .list(let element): base = ["type": "array", "items": schema(for: element, nullable: false)]
        case .record(let name): base = ["$ref": "#/$defs/\(name)"]
        }
        return nullable ? ["anyOf": [base, ["type": "null"]]] : base
    }

    private static let datePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    private static let timePattern = "[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
}
