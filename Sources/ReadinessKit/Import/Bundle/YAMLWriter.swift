import Foundation
import Yams

/// Deterministic YAML output for imported records, through Yams' emitter.
///
/// Yams emits a string scalar plainly even when the plain text would read back as something else
/// (`true`, `123`, `null`, an empty string), so the style of every scalar is chosen here: typed
/// values (booleans, dates, words) are plain, because the loader requires plain booleans; strings
/// are quoted whenever the plain form would not read back as the same string.
enum YAMLWriter {
    /// A mapping node for a record, fields in schema order, absent fields left out.
    static func node(for record: ImportedRecord) -> Yams.Node {
        var pairs: [(Yams.Node, Yams.Node)] = []
        for (field, value) in record.orderedValues {
            pairs.append((Yams.Node(field.name), node(for: value, type: field.type)))
        }
        return .mapping(Yams.Node.Mapping(pairs))
    }

    /// A node for one field value of the given schema type.
    static func node(for value: ImportedRecord.Value, type: FieldType) -> Yams.Node {
        switch value {
        case .scalar(let text):
            return scalar(text, type: type)
        case .list(let texts):
            let element: FieldType = if case .list(let inner) = type { inner } else { .string }
            return .sequence(Yams.Node.Sequence(texts.map { scalar($0, type: element) }, Tag(.seq), .flow))
        case .records(let records):
            return .sequence(Yams.Node.Sequence(records.map(node(for:))))
        }
    }

    /// A scalar in the style that reads back as exactly `text` with the field's meaning.
    static func scalar(_ text: String, type: FieldType) -> Yams.Node {
        switch type {
        case .bool, .int, .number, .date, .dateTime, .enumeration:
            return Yams.Node(text, Tag(.str), .plain)
        default:
            return string(text)
        }
    }

    /// A string scalar that reads back as a string, whatever it holds.
    static func string(_ text: String) -> Yams.Node {
        if text.contains(where: \.isNewline) {
            return Yams.Node(text, Tag(.str), .literal)
        }
        let plainReadsBack = !text.isEmpty && text == text.trimmingCharacters(in: .whitespaces)
            && Resolver.default.resolveTag(of: Yams.Node(text)) == .str
        return Yams.Node(text, Tag(.str), plainReadsBack ? .any : .doubleQuoted)
    }

    /// The YAML text of a node: two-space indent, no line wrapping, Unicode kept as is.
    static func serialize(_ node: Yams.Node) throws(DiagnosticError) -> String {
        do {
            return try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true, lineBreak: .ln)
        } catch {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write YAML: \(error)", at: nil))
        }
    }

    /// Whether a YAML text holds comments that rewriting it would drop.
    ///
    /// Conservative: a `#` at the start of a line or after a space or tab counts, even inside a
    /// quoted string, so a file is never rewritten when it might hold a comment.
    static func mayHaveComments(_ text: String) -> Bool {
        var previous: Character = "\n"
        for character in text {
            if character == "#", previous == "\n" || previous == " " || previous == "\t" || previous == "\r\n" {
                return true
            }
            previous = character
        }
        return false
    }

    /// The structure and scalar texts of a node, for checking that a written file reads back as intended.
    static func shape(of node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar):
            return "s(\(scalar.string.debugDescription))"
        case .sequence(let sequence):
            return "q[" + sequence.map(shape(of:)).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "m{" + mapping.map { shape(of: $0.key) + ":" + shape(of: $0.value) }.joined(separator: ",") + "}"
        case .alias:
            return "alias"
        }
    }
}
