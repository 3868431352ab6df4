import Foundation
import Mustache

/// The kinds of template set: one folder each under a template directory.
enum TemplateKind: String, Sendable, CaseIterable {
    case html, text, markdown

    /// Whether values are escaped on output (raw output tags are then forbidden).
    var escapes: Bool { self != .text }

    /// The content-type pragma every file of the set must start with; `nil` for HTML, the default.
    var pragma: String? {
        switch self {
        case .html: nil
        case .text: "TEXT"
        case .markdown: MarkdownContentType.name
        }
    }
}

/// A template file used for an output, for the reproducibility footer.
public struct TemplateFile: Codable, Sendable, Hashable {
    /// The path relative to the template directory, e.g. `html/memo.mustache`.
    public var path: String
    public var sha256: String
}

/// One folder of Mustache templates (`html/`, `text/` or `markdown/`), parsed and hashed.
///
/// Every `.mustache` file in the folder (and its subfolders) is a template; a partial is named by
/// its path inside the folder without the extension (`{{> heading}}`, `{{> parts/heading}}`).
struct TemplateSet: Sendable {
    let kind: TemplateKind
    /// The template directory the set was read from (holding `html/`, `text/`, …).
    let root: String
    /// Every file, sorted by path.
    let files: [TemplateFile]
    private let library: MustacheLibrary
    /// Each template's path and tags, by partial name.
    let tags: [String: (path: String, tags: [TemplateTag])]

    /// Reads and parses the `kind` folder under `root`.
    ///
    /// - Throws: `DiagnosticError` for an unreadable file, a Mustache syntax error (at its line
    ///   and column) or an unterminated tag.
    static func load(root: String, kind: TemplateKind) throws(DiagnosticError) -> TemplateSet {
        MarkdownContentType.registerOnce()
        let folder = (root as NSString).appendingPathComponent(kind.rawValue)
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        var tags: [String: (path: String, tags: [TemplateTag])] = [:]
        var files: [TemplateFile] = []
        var problems: [Diagnostic] = []
        for relative in names {
            let path = (folder as NSString).appendingPathComponent(relative)
            let name = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(Diagnostic(id: "template.unreadable", message: "cannot read template '\(path)'", at: nil))
                continue
            }
            let text = String(decoding: data, as: UTF8.self)
            files.append(TemplateFile(path: "\(kind.rawValue)/\(relative)", sha256: BundleFiles.sha256(data)))
            let scanned = TemplateScanner.tags(in: text, file: path)
            if let start = scanned.unterminated {
                problems.append(Diagnostic(id: "template.syntax", message: "unterminated tag", at: start))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                tags[name] = (path, scanned.tags)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(
                    id: "template.syntax", message: words("\(error.error)"),
                    at: SourceLocation(file: path, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                problems.append(Diagnostic(id: "template.syntax", message: "\(error)", at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return TemplateSet(kind: kind, root: root, files: files, library: library, tags: tags)
    }

    /// A parser error case in words: `sectionCloseNameIncorrect` → "section close name incorrect".
    private static func words(_ identifier: String) -> String {
        identifier.reduce(into: "") { text, character in
            text += character.isUppercase ? " " + character.lowercased() : String(character)
        }
    }

    /// Whether the set has an entry template named `name`.
    func has(_ name: String) -> Bool { tags[name] != nil }

    /// Renders entry template `entry` from `view`, after checking every name the templates use
    /// against the view model's shape.
    ///
    /// - Throws: `DiagnosticError` listing every template problem at its `file:line:column`.
    func render<View: Decodable>(_ entry: String, _ view: View) throws(DiagnosticError) -> String {
        guard has(entry) else {
            throw DiagnosticError(Diagnostic(
                id: "template.missing-entry", message: "no '\(entry).mustache' in '\((root as NSString).appendingPathComponent(kind.rawValue))'",
                at: nil, hint: "copy the default templates with their folder layout"))
        }
        var validator = TemplateValidator(files: tags, kind: kind)
        let problems = validator.validate(entry: entry, root: TemplateShape.of(View.self))
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return library.render(view, withTemplate: entry) ?? ""
    }
}

/// Markdown output: values are escaped so that bundle text cannot become markup, HTML, links or
/// table cells; line breaks inside a value become spaces.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    /// Characters that start Markdown or HTML syntax, escaped with a backslash (CommonMark allows
    /// a backslash before any ASCII punctuation).
    static let special: Set<Character> = ["\\", "`", "*", "_", "[", "<", ">", "|", "#", "~", "&"]

    func escapeText(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            if character.isNewline {
                escaped.append(" ")
            } else {
                if Self.special.contains(character) { escaped.append("\\") }
                escaped.append(character)
            }
        }
        return escaped
    }

    /// Registers the `MARKDOWN` content type with swift-mustache, once per process.
    static func registerOnce() { _ = registration }

    private static let registration: Void = MustacheContentTypes.register(MarkdownContentType(), named: name)
}
