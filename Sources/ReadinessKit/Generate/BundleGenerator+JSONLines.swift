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
    /// nested object (where the first of them stands), list cells become arrays.
    static func jsonLine(_ fields: [String]) -> String {
        var line = "{"
        var grading = ""
        var gradingAt: String.Index?
        var members = 0
        for (cell, column) in zip(fields, jsonColumns) where !cell.isEmpty {
            var value = ""
            switch column.kind {
            case .text: appendQuoted(cell, to: &value)
            case .literal: value = cell
            case .list:
                value = "["
                for (index, element) in cell.split(separator: ";").enumerated() {
                    if index > 0 { value += ", " }
                    appendQuoted(element, to: &value)
                }
                value += "]"
            }
            if let nested = column.name.firstIndex(of: "."), column.name.hasPrefix("grading.") {
                if gradingAt == nil {
                    if members > 0 { line += ", " }
                    members += 1
                    gradingAt = line.endIndex
                }
                if !grading.isEmpty { grading += ", " }
                appendQuoted(column.name[column.name.index(after: nested)...], to: &grading)
                grading += ": " + value
            } else {
                if members > 0 { line += ", " }
                members += 1
                appendQuoted(column.name, to: &line)
                line += ": " + value
            }
        }
        if let gradingAt { line.insert(contentsOf: "\"grading\": {" + grading + "}", at: gradingAt) }
        return line + "}\n"
    }

    /// Appends `text` as a JSON string (generated cells hold no quotes, backslashes or control characters).
    private static func appendQuoted<Text: StringProtocol>(_ text: Text, to output: inout String) {
        precondition(!text.utf8.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "generated text needs escaping")
        output += "\""
        output += text
        output += "\""
    }
}
