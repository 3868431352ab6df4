import Foundation

/// Checks a template set before anything is rendered: every name a tag uses must exist in the
/// view model at that point, every partial must exist, HTML and Markdown templates may not
/// print raw values, and every file declares its set's content type.
///
/// Mustache itself prints a missing name as empty text; here it is an error at the tag's
/// `file:line:column`.
struct TemplateValidator {
    /// The set's files by partial name, with their tags.
    let files: [String: (path: String, tags: [TemplateTag])]
    let kind: TemplateKind
    /// `file name → names` allowed to use `{{{…}}}` in HTML; empty for the shipped templates.
    static let rawOutputAllowList: [String: Set<String>] = [:]

    /// Transforms swift-mustache applies to values and lists.
    static let transforms: Set<String> = [
        "capitalized", "lowercased", "uppercased", "reversed", "sorted", "first", "last", "count", "empty",
        "enumerated", "equalzero", "plusone", "minusone", "even", "odd", "index",
    ]

    private var diagnostics: Set<Diagnostic> = []
    private var visited: Set<String> = []

    init(files: [String: (path: String, tags: [TemplateTag])], kind: TemplateKind) {
        self.files = files
        self.kind = kind
    }

    /// Every problem with entry template `entry` rendered from a view model of shape `root`,
    /// and with the content-type declarations of every file, sorted.
    mutating func validate(entry: String, root: TemplateShape) -> [Diagnostic] {
        for name in files.keys.sorted() { checkContentType(name) }
        walk(entry, scope: Scope(frames: [root], inList: false), includedFrom: [], at: nil)
        return diagnostics.sorted()
    }

    /// What names a tag can see: the view-model records of the enclosing sections.
    struct Scope {
        var frames: [TemplateShape]
        var inList: Bool
        /// The section names that led here, which identify the scope for `visited`.
        var path: [String] = []
    }

    private mutating func walk(_ name: String, scope: Scope, includedFrom stack: [String], at site: TemplateTag?) {
        guard let file = files[name] else {
            if let site { report("template.unknown-partial", "no partial '\(name)' in the \(kind.rawValue) templates", site,
                                 hint: Suggestion.didYouMean(name, in: files.keys)) }
            return
        }
        if stack.contains(name) {
            // Rendering would recurse until the stack overflows: the memo views are finite, so no
            // section ever stops a partial that includes itself.
            if let site {
                report("template.partial-cycle",
                       "partial '\(name)' includes itself (\((stack + [name]).joined(separator: " → ")))", site,
                       hint: "remove the inclusion; a partial may not include itself, directly or through others")
            }
            return
        }
        guard visited.insert(([name] + scope.path).joined(separator: "/")).inserted else { return }
        var scopes = [scope]
        for tag in file.tags {
            let current = scopes[scopes.count - 1]
            switch tag.kind {
            case .comment, .pragma: continue
            case .delimiters:
                report("template.delimiters", "delimiter changes are not supported", tag, hint: "keep the {{ }} delimiters")
            case .variable:
                _ = resolve(tag, in: current)
            case .unescaped:
                if kind.escapes, !(Self.rawOutputAllowList[name]?.contains(tag.content) ?? false) {
                    report("template.raw-output", "raw output '\(tag.source)' is not allowed in \(kind.rawValue) templates", tag,
                           hint: "use {{\(tag.content)}}, which escapes")
                } else {
                    _ = resolve(tag, in: current)
                }
            case .section:
                var inner = current
                inner.path.append(tag.content)
                switch resolve(tag, in: current) {
                case .list(let element)?: inner.frames.append(element); inner.inList = true
                case .object(let fields)?: inner.frames.append(.object(fields))
                case .value?: inner.frames.append(.value)
                case .flag?, nil: break
                }
                scopes.append(inner)
            case .inverted, .block, .parent:
                if tag.kind == .inverted { _ = resolve(tag, in: current) }
                if tag.kind == .parent { walk(tag.content, scope: current, includedFrom: stack + [name], at: tag) }
                scopes.append(current)
            case .close:
                if scopes.count > 1 { scopes.removeLast() }
            case .partial:
                walk(tag.content, scope: current, includedFrom: stack + [name], at: tag)
            }
        }
    }

    /// The shape a tag's name refers to, reporting unknown names and transforms.
    private mutating func resolve(_ tag: TemplateTag, in scope: Scope) -> TemplateShape? {
        var name = tag.content
        var transforms: [String] = []
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            transforms.append(String(name[..<open]).trimmingCharacters(in: .whitespaces))
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        for transform in transforms where !Self.transforms.contains(transform) {
            report("template.unknown-transform", "unknown transform '\(transform)'", tag,
                   hint: Suggestion.didYouMean(transform, in: Self.transforms))
        }
        if name.isEmpty, !transforms.isEmpty {
            if !scope.inList { report("template.not-in-list", "'\(tag.content)' is only meaningful inside a list section", tag) }
            return .value
        }
        if name == "." { return scope.frames.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let relative = parts.first == ""
        let path = relative ? Array(parts.dropFirst()) : parts
        guard let first = path.first, !first.isEmpty else {
            report("template.unknown-variable", "invalid name '\(tag.content)'", tag)
            return nil
        }
        let frames = relative ? Array(scope.frames.suffix(1)) : Array(scope.frames.reversed())
        guard var shape = frames.lazy.compactMap({ $0.field(first) }).first else {
            report("template.unknown-variable", "unknown variable '\(first)'", tag,
                   hint: Suggestion.didYouMean(first, in: Set(frames.flatMap(\.names))))
            return nil
        }
        for part in path.dropFirst() {
            guard let next = shape.field(part) else {
                report("template.unknown-variable", "unknown variable '\(part)' in '\(name)'", tag,
                       hint: Suggestion.didYouMean(part, in: shape.names))
                return nil
            }
            shape = next
        }
        return transforms.isEmpty ? shape : .value
    }

    /// Text and Markdown files must start with their content-type pragma; HTML files may not
    /// switch to another content type (a TEXT partial would print raw values into the page).
    private mutating func checkContentType(_ name: String) {
        guard let file = files[name] else { return }
        let pragmas = file.tags.filter { $0.kind == .pragma && $0.content.hasPrefix("CONTENT_TYPE") }
        let declared = pragmas.map { $0.content.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
        if let required = kind.pragma {
            if file.tags.first?.kind != .pragma || declared.first != required {
                let place = file.tags.first?.location ?? SourceLocation(file: file.path, line: 1, column: 1)
                diagnostics.insert(Diagnostic(
                    id: "template.content-type", message: "\(kind.rawValue) templates must start with {{% CONTENT_TYPE: \(required)}}",
                    at: place, hint: "a partial does not inherit the content type of the template that includes it"))
            }
        }
        for (tag, type) in zip(pragmas, declared) where type != (kind.pragma ?? "HTML") {
            report("template.content-type", "content type '\(type)' in a \(kind.rawValue) template", tag)
        }
    }

    private mutating func report(_ id: String, _ message: String, _ tag: TemplateTag, hint: String? = nil) {
        diagnostics.insert(Diagnostic(id: id, message: message, at: tag.location, hint: hint))
    }
}
