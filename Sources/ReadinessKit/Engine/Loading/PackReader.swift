import Yams

/// Typed, located access to the nodes of a rule-pack file, collecting every problem.
struct PackReader {
    let document: YAMLDocument
    /// The file's lines, to find where block scalars start.
    let lines: [Substring]
    private(set) var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument, text: String) {
        self.document = document
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The keys of a mapping node, checked against `allowed` and `required`; `nil` if not a mapping.
    mutating func fields(of node: Yams.Node, in context: String, allowed: [String], required: [String] = []) -> [String: Yams.Node]? {
        guard case .mapping(let mapping) = node else {
            report("rules.wrong-type", "\(context) must be a mapping (key: value lines)", at: node)
            return nil
        }
        var fields: [String: Yams.Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                report("rules.unknown-key", "unknown key '\(name)' in \(context)", at: key,
                       hint: Suggestion.didYouMean(name, in: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            fields[name] = value
        }
        for name in required where fields[name] == nil {
            report("rules.missing-field", "missing required key '\(name)' in \(context)", at: node,
                   hint: "add '\(name): …'")
        }
        return fields
    }

    /// A scalar as text; reports lists and mappings.
    mutating func string(_ node: Yams.Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            let found = if case .mapping = node { "a mapping" } else { "a list" }
            report("rules.wrong-type", "'\(key)' must be text, found \(found)", at: node)
            return nil
        }
        return scalar.string
    }

    /// A list of scalars (a single scalar is accepted as a one-element list).
    mutating func strings(_ node: Yams.Node?, _ key: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard case .sequence(let sequence) = node else {
            report("rules.wrong-type", "'\(key)' must be a list", at: node)
            return nil
        }
        return sequence.compactMap { string($0, key) }
    }

    /// A word from a closed set, with a did-you-mean on typos.
    mutating func word<T: RawRepresentable & CaseIterable>(_ node: Yams.Node?, _ key: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let node, let text = string(node, key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let words = T.allCases.map(\.rawValue)
        report("rules.unknown-word", "'\(text)' is not a valid \(key)", at: node,
               hint: Suggestion.didYouMean(text, in: words) ?? "use one of: \(words.joined(separator: ", "))")
        return nil
    }

    /// A boolean written plainly as true or false.
    mutating func bool(_ node: Yams.Node?, _ key: String) -> Bool? {
        guard let node, let text = string(node, key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            report("rules.wrong-type", "'\(key)' must be true or false", at: node)
            return nil
        }
    }

    /// The expression in a scalar node, with where its text starts in the file.
    ///
    /// Plain one-line scalars and literal blocks (`|`) keep exact positions; quoted scalars do when
    /// they hold no escapes; folded text (`>`, multi-line plain) points diagnostics at its start.
    mutating func expression(_ node: Yams.Node?, _ key: String) -> ExpressionSource? {
        guard let node, case .scalar(let scalar) = node else {
            if let node { report("rules.wrong-type", "'\(key)' must be an expression written as text", at: node) }
            return nil
        }
        let start = document.location(of: node)
        let text = scalar.string
        switch scalar.style {
        case .plain where !text.contains("\n"):
            return ExpressionSource(text: text, file: start.file, start: start)
        case .singleQuoted, .doubleQuoted:
            let escaped = text.contains("\n") || text.contains("'") || text.contains("\\") || text.contains("\"")
            return ExpressionSource(text: text, file: start.file, start: start.advanced(byColumns: 1),
                                    positionsExact: !escaped)
        case .literal:
            let indent = blockIndent(after: start.line)
            let first = SourceLocation(file: start.file, line: start.line + 1, column: indent + 1)
            return ExpressionSource(text: text, file: start.file, start: first, continuationColumn: indent + 1)
        default:
            return ExpressionSource(text: text, file: start.file, start: start, positionsExact: false)
        }
    }

    /// The column (0-based) where the first non-blank line after `line` starts.
    private func blockIndent(after line: Int) -> Int {
        for index in line..<lines.count {
            let content = lines[index]
            if let first = content.firstIndex(where: { $0 != " " }) {
                return content.distance(from: content.startIndex, to: first)
            }
        }
        return 0
    }

    mutating func report(_ id: String, _ message: String, at node: Yams.Node, hint: String? = nil) {
        diagnostics.append(Diagnostic(id: id, message: message, at: document.location(of: node), hint: hint))
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
}
