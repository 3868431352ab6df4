/// The names a template may use, derived with `Mirror` from a view model's stored properties.
///
/// Mustache renders a missing name as empty text; the validator uses shapes to make it an error.
/// A shape is read from an *exemplar* of the view model type, decoded by `ExemplarDecoder` so that
/// every list holds one element: the element's names are then known even when a report's list
/// is empty.
indirect enum TemplateShape: Equatable, Sendable {
    /// Text or a number: renders as a value; a section over it renders once with it as `.`.
    case value
    /// A flag: a section renders when it is true, an inverted section when false.
    case flag
    /// A list: a section renders once per element.
    case list(TemplateShape)
    /// A record with named fields, in declaration order.
    case object([Field])

    /// A named field of a record.
    struct Field: Equatable, Sendable {
        var name: String
        var shape: TemplateShape
    }

    /// The shape of view model type `T`.
    static func of<T: Decodable>(_ type: T.Type) -> TemplateShape {
        // ExemplarDecoder fills every field, so decoding a synthesized Decodable cannot fail.
        guard let exemplar = try? T(from: ExemplarDecoder()) else { preconditionFailure("no exemplar for \(T.self)") }
        return of(value: exemplar)
    }

    /// The shape of a value, read with `Mirror`.
    static func of(value: Any) -> TemplateShape {
        if value is Bool { return .flag }
        if value is String || value is Int || value is Double { return .value }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .collection {
            return .list(mirror.children.first.map { of(value: $0.value) } ?? .value)
        }
        return .object(mirror.children.compactMap { child in
            child.label.map { Field(name: $0, shape: of(value: child.value)) }
        })
    }

    /// The field named `name`, when this is a record that has it.
    func field(_ name: String) -> TemplateShape? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.shape
    }

    /// The field names, when this is a record.
    var names: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.map(\.name)
    }

    /// Every variable path under this shape, e.g. `decision.label` or `blockers[].items[].subject`,
    /// in declaration order (for `docs/templates.md`).
    func paths(prefix: String = "") -> [String] {
        switch self {
        case .value, .flag: [prefix]
        case .list(let element): [prefix] + (element == .value ? [] : element.paths(prefix: prefix + "[]"))
        case .object(let fields):
            fields.flatMap { field in field.shape.paths(prefix: prefix.isEmpty ? field.name : "\(prefix).\(field.name)") }
        }
    }
}
