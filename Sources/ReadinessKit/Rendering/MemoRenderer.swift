import Foundation

/// Renders a report in every output format: the memo (text, HTML, Markdown) from templates, the
/// full report as JSON, the action plan as CSV, and the progress between two reports.
///
/// The same report, templates and format always give byte-identical output.
public enum MemoRenderer {
    /// Columns the text memo is wrapped at.
    public static let textWidth = 80

    /// Renders `report` as `format`.
    ///
    /// - Parameter templateDirectory: The template directory for text, HTML and Markdown (see
    ///   `TemplateLocator`); unused for JSON and CSV.
    /// - Throws: `DiagnosticError` for template problems, each at its `file:line:column`.
    public static func render(_ report: Report, as format: MemoFormat, templateDirectory: String?) throws(DiagnosticError) -> String {
        guard let kind = format.templateKind else {
            return format == .csv ? ActionListCSV.text(report.actionPlan) : json(report)
        }
        let set = try templateSet(kind, in: templateDirectory)
        let view = OutputText.cleaned(MemoViewBuilder.build(report, templates: set.files))
        return finish(try set.render("memo", view), kind: kind)
    }

    /// Renders what changed between two reports of the same case, as `readiness diff` prints it.
    ///
    /// - Throws: `DiagnosticError` for template problems, or for JSON never.
    public static func renderDiff(
        from before: ReportDigest, to after: ReportDigest, as format: MemoFormat, templateDirectory: String?
    ) throws(DiagnosticError) -> String {
        let progress = ReportDiff(previous: before, current: after)
        guard let kind = format.templateKind else { return json(progress) }
        let set = try templateSet(kind, in: templateDirectory)
        let view = OutputText.cleaned(DiffView(
            caseID: after.caseInfo.id, before: before.asOf, after: after.asOf, decision: after.decision.level.label,
            progress: MemoViewBuilder.progress(progress), toolVersion: ReadinessKit.version))
        return finish(try set.render("diff", view), kind: kind)
    }

    /// Encodes a value as pretty JSON with sorted keys, ending in a newline.
    ///
    /// The text is `JSONEncoder`'s (pretty-printed, sorted keys, slashes unescaped) with control
    /// and bidirectional characters escaped, so it is safe to show on a terminal (see
    /// `PrettyJSONEncoder`).
    public static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: jsonBytes(value), as: UTF8.self)
    }

    /// `json(value)` as its UTF-8 bytes, for writing out without making a string of a large report.
    public static func jsonBytes<T: Encodable>(_ value: T) -> Data {
        // Encoding synthesized Codable values of strings, numbers and lists cannot fail.
        guard let text = try? PrettyJSONEncoder(terminator: "\n").encode(value) else { preconditionFailure("report does not encode") }
        return text
    }

    private static func templateSet(_ kind: TemplateKind, in directory: String?) throws(DiagnosticError) -> TemplateSet {
        guard let directory else {
            throw DiagnosticError(Diagnostic(id: "template.not-found", message: "no template directory given", at: nil))
        }
        return try TemplateSet.load(root: directory, kind: kind)
    }

    private static func finish(_ output: String, kind: TemplateKind) -> String {
        let text = kind == .text ? TextWrapper.wrap(output, width: textWidth) : output
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// Makes bundle text safe to print: control characters and bidirectional overrides, which could
/// garble a terminal or disguise text, become U+FFFD; line breaks and tabs become spaces.
enum OutputText {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCleaning) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !needsCleaning(scalar) {
                scalars.append(scalar)
            } else {
                scalars.append(scalar.properties.isWhitespace ? " " : "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// `view` with every string cleaned.
    static func cleaned<View: Codable>(_ view: View) -> View {
        // A synthesized Codable view model always round-trips through JSON.
        guard let cleaned = try? StringMapping.map(view, clean) else { preconditionFailure("view does not round-trip") }
        return cleaned
    }

    private static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
