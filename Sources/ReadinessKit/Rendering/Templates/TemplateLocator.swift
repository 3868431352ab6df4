import Foundation
import ReadinessTemplates

/// Finds the template directory for an output.
///
/// In order: the directory given with `--template-dir` (which must then hold the set); else
/// `templates/` in the working directory; else `templates/` beside the executable; else the
/// default templates embedded in the resource bundle beside the executable. A candidate counts
/// only when it holds `<set>/memo.mustache`.
public enum TemplateLocator {
    /// Where a template directory was found.
    public enum Origin: String, Sendable {
        case option, workingDirectory, executable, embedded
    }

    /// The template directory to use for `format`'s set, and how it was found.
    ///
    /// - Parameters:
    ///   - explicit: The `--template-dir` value, if given.
    ///   - format: A template-rendered format (text, html or markdown).
    ///   - workingDirectory: Where relative lookups start.
    /// - Throws: `DiagnosticError` when `explicit` lacks the set or no candidate has it.
    public static func locate(
        explicit: String?, format: MemoFormat,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(DiagnosticError) -> (directory: String, origin: Origin) {
        let set = format.templateKind?.rawValue ?? format.rawValue
        func holdsSet(_ directory: String) -> Bool {
            FileManager.default.fileExists(atPath: "\(directory)/\(set)/memo.mustache")
        }
        if let explicit {
            guard holdsSet(explicit) else {
                throw DiagnosticError(Diagnostic(
                    id: "template.missing-set", message: "no '\(set)/memo.mustache' in template directory '\(explicit)'",
                    at: nil, hint: "copy the whole default templates folder, then edit it"))
            }
            return (explicit, .option)
        }
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates: [(String?, Origin)] = [
            ((workingDirectory as NSString).appendingPathComponent("templates"), .workingDirectory),
            (executable.map { ($0 as NSString).appendingPathComponent("templates") }, .executable),
            (DefaultTemplates.directory, .embedded),
        ]
        for case (let directory?, let origin) in candidates where holdsSet(directory) {
            return (directory, origin)
        }
        throw DiagnosticError(Diagnostic(
            id: "template.not-found", message: "no \(set) templates found", at: nil,
            hint: "pass --template-dir, or install the Readiness_ReadinessTemplates resource bundle beside the executable"))
    }
}

/// The output formats of `readiness check`.
public enum MemoFormat: String, CaseIterable, Sendable {
    /// The memo as plain text wrapped at 80 columns.
    case text
    /// The memo as one self-contained, printable HTML file.
    case html
    /// The memo as Markdown, for pasting into case systems.
    case markdown
    /// The full report (`readiness-report/1`).
    case json
    /// The action plan, one row per action item.
    case csv

    /// The format an output file's extension implies, if any.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .text
        case "html", "htm": self = .html
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }

    /// Whether the format renders from templates (text, HTML, Markdown).
    public var usesTemplates: Bool { templateKind != nil }

    /// The template set the format renders with; `nil` for JSON and CSV.
    var templateKind: TemplateKind? { TemplateKind(rawValue: rawValue) }
}
