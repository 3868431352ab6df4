extension BundleGenerator {
    /// How a generated column's cells are written as JSON.
    private enum JSONKind {
        case text, literal, list
    }

    /// The JSON kind of each column of `header`, in order.
    private static let jsonColumns: [(name: String, kind: JSONKind)] = {
        let literals: Set = ["deleted", "hash_verified", "size_bytes", "is_video", "duration_seconds", "grading.us_prepubescent"]
        let lists: Set = ["known_hash_sources", "synthetic_indicators", "user_actions"]
        return header.dropLast().split(separator: ",").map(String.init).map { name in
            (name, literals.contains(name) ? .literal : lists.contains(name) ? .list : .text)
        }
    }()

    /// A row's cells as one JSON Lines item: empty cells are left out, grading fields go in a
    /// nested object, list cells become arrays.
    static func jsonLine(_ fields: [String]) -> String {
        var members: [String] = []
        var grading: [String] = []
        for (cell, column) in zip(fields, jsonColumns) where !cell.isEmpty {
            let value = switch column.kind {
            case .text: quoted(cell)
            case .literal: cell
            case .list: "[" + cell.split(separator: ";").map { quoted(String($0)) }.joined(separator: ", ") + "]"
            }
            if column.name.hasPrefix("grading.") {
                if grading.isEmpty { members.append("") }  // the grading object's place among the keys
                grading.append("\(quoted(String(column.name.dropFirst("grading.".count)))): \(value)")
            } else {
                members.append("\(quoted(column.name)): \(value)")
            }
        }
        let object = members.map { $0.isEmpty ? "\"grading\": {" + grading.joined(separator: ", ") + "}" : $0 }
        return "{" + object.joined(separator: ", ") + "}\n"
    }

    /// `text` as a JSON string (generated cells hold no quotes, backslashes or control characters).
    private static func quoted(_ text: String) -> String {
        precondition(!text.contains { $0 == "\"" || $0 == "\\" || $0.asciiValue.map { $0 < 0x20 } == true },
                     "generated text needs escaping")
        return "\"" + text + "\""
    }
}
