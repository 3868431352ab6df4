import Foundation

extension CyberTipXMLMapper {
    /// The text of an element that must hold text only; `nil` (with an error) if it holds elements.
    mutating func leaf(_ element: Element) -> String? {
        guard element.children.isEmpty else {
            error("import.wrong-shape", "'<\(element.name)>' must hold text, not elements", at: element.children[0].location,
                  hint: "see docs/import.md for the shape of each element")
            return nil
        }
        return element.text
    }

    /// The text of a leaf element that must not be empty (an empty typed element is not "absent").
    mutating func nonEmptyLeaf(_ element: Element) -> String? {
        guard let text = leaf(element) else { return nil }
        guard !text.isEmpty else {
            error("import.empty-value", "'<\(element.name)>' is empty", at: element.location,
                  hint: "leave the element out when the fact is not known")
            return nil
        }
        return text
    }

    /// An `xs:boolean` (`true`, `false`, `1`, `0`) as `true` or `false`.
    mutating func boolean(_ element: Element) -> String? {
        guard let text = nonEmptyLeaf(element) else { return nil }
        switch text.lowercased() {
        case "true", "1": return "true"
        case "false", "0": return "false"
        default:
            error("import.wrong-type", "'<\(element.name)>' must be true or false, found '\(text.prefix(40))'",
                  at: element.location, hint: "write true or false; leave the element out when it is not known")
            return nil
        }
    }

    /// A date or a timestamp with UTC offset, as the bundle accepts it.
    mutating func timestamp(_ text: String, what: String, at location: SourceLocation) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch TemporalParser.parse(trimmed) {
        case .date, .timestamp:
            return trimmed
        case .invalid(let reason):
            let ambiguous = reason.contains("no UTC offset")
            error(ambiguous ? "import.ambiguous-timestamp" : "import.invalid-date", "\(what): \(reason)", at: location,
                  hint: ambiguous
                    ? "the export must say which offset the time is in, e.g. \(trimmed)Z"
                    : "write YYYY-MM-DDTHH:MM:SS±HH:MM")
            return nil
        }
    }

    /// The words of an element whose children are empty tags (`<fileAnnotations><generativeAi/></fileAnnotations>`).
    mutating func tags(
        _ element: Element, vocabulary: [String: String], path: String, notes: inout ReportNotes
    ) -> [String] {
        var words: [String] = []
        for child in element.children {
            guard let word = vocabulary[child.name] else {
                unknown(child, path: "\(path)/\(child.name)", notes: &notes, reportID: nil)
                continue
            }
            switch child.text.lowercased() {
            case "", "true", "1":
                if !words.contains(word) { words.append(word) }
            case "false", "0":
                continue
            default:
                error("import.wrong-type", "'<\(child.name)>' is a flag and must be empty, found '\(child.text.prefix(40))'",
                      at: child.location, hint: "write <\(child.name)/>")
            }
        }
        return words
    }

    /// Keeps an unknown element in the notes and warns about it.
    mutating func unknown(_ element: Element, path: String, notes: inout ReportNotes, reportID: String?) {
        notes.keepUnknown(element, path: path)
        warning("import.unknown-element", "unknown element '<\(element.name)>' was kept in the report's notes",
                at: element.location, hint: "see docs/import.md for the elements the importer maps to fields")
    }

    /// Keeps an unknown attribute in the notes and warns about it.
    mutating func unknown(
        attribute: (name: String, value: String), on element: Element, path: String, notes: inout ReportNotes
    ) {
        notes.keepUnknown(path: path, value: attribute.value)
        warning("import.unknown-element", "unknown attribute '\(attribute.name)' on '<\(element.name)>' was kept in the report's notes",
                at: element.location)
    }

    mutating func error(_ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, id: id, message: message, at: location, hint: hint))
    }

    mutating func warning(_ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, id: id, message: message, at: location, hint: hint))
    }
}

/// Reports an element that the XML vocabulary allows at most once in its parent.
struct Singletons {
    let parent: String
    private var seen: [String: SourceLocation] = [:]

    init(parent: String) { self.parent = parent }

    mutating func check(_ element: SafeXML.Element, _ diagnostics: inout [Diagnostic]) {
        if let first = seen[element.name] {
            diagnostics.append(Diagnostic(
                id: "import.duplicate-element",
                message: "'<\(element.name)>' appears more than once in '<\(parent)>' (first at \(first.line):\(first.column))",
                at: element.location, hint: "keep one; the importer does not guess which is right"))
        } else {
            seen[element.name] = element.location
        }
    }
}
