import Foundation

/// One `{{…}}` tag of a Mustache template, with where it starts.
struct TemplateTag: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// `{{name}}`: escaped output.
        case variable
        /// `{{{name}}}` or `{{& name}}`: raw output.
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{> name}}`
        case partial
        /// `{{< name}}`: a partial whose blocks are overridden.
        case parent
        /// `{{$ name}}`: a block.
        case block
        /// `{{! … }}`
        case comment
        /// `{{% … }}`, e.g. `{{% CONTENT_TYPE: TEXT}}`.
        case pragma
        /// `{{= … =}}`: a delimiter change, which our templates do not allow.
        case delimiters
    }

    var kind: Kind
    /// The tag's name or text, trimmed.
    var content: String
    var location: SourceLocation
    /// The tag as written, for messages.
    var source: String
}

/// Finds the tags of a template with their lines and columns (1-based, in Unicode scalars).
///
/// It assumes the default `{{ }}` delimiters; a delimiter change is reported as a tag of kind
/// `.delimiters`, which the validator rejects, so nothing after it can hide from the checks.
enum TemplateScanner {
    /// The tags of `text`, in order; `nil` for an unterminated tag, with where it starts.
    static func tags(in text: String, file: String) -> (tags: [TemplateTag], unterminated: SourceLocation?) {
        let scalars = Array(text.unicodeScalars)
        var tags: [TemplateTag] = []
        var index = 0, line = 1, column = 1
        func advance(to end: Int) {
            while index < end {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        while let open = find("{{", in: scalars, from: index) {
            advance(to: open)
            let location = SourceLocation(file: file, line: line, column: column)
            let triple = open + 2 < scalars.count && scalars[open + 2] == "{"
            let closer = triple ? "}}}" : "}}"
            let bodyStart = open + (triple ? 3 : 2)
            guard let close = find(closer, in: scalars, from: bodyStart) else { return (tags, location) }
            let body = String(String.UnicodeScalarView(scalars[bodyStart..<close]))
            let end = close + closer.unicodeScalars.count
            let source = String(String.UnicodeScalarView(scalars[open..<end]))
            tags.append(triple ? TemplateTag(kind: .unescaped, content: trim(body), location: location, source: source)
                               : tag(body, location: location, source: source))
            advance(to: end)
        }
        return (tags, nil)
    }

    private static let sigils: [Character: TemplateTag.Kind] = [
        "#": .section, "^": .inverted, "/": .close, ">": .partial, "<": .parent, "$": .block,
        "!": .comment, "%": .pragma, "=": .delimiters, "&": .unescaped,
    ]

    private static func tag(_ body: String, location: SourceLocation, source: String) -> TemplateTag {
        let trimmed = trim(body)
        guard let first = trimmed.first, let kind = sigils[first] else {
            return TemplateTag(kind: .variable, content: trimmed, location: location, source: source)
        }
        return TemplateTag(kind: kind, content: trim(String(trimmed.dropFirst())), location: location, source: source)
    }

    private static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func find(_ needle: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard scalars.count >= pattern.count, start <= scalars.count - pattern.count else { return nil }
        for position in start...(scalars.count - pattern.count) where scalars[position] == pattern[0] {
            if (1..<pattern.count).allSatisfy({ scalars[position + $0] == pattern[$0] }) { return position }
        }
        return nil
    }
}
