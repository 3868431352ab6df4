import Foundation
import Yams

/// A YAML (or JSON) document read safely: composed with marks, checked against a node budget,
/// and turned into diagnostics on any syntax error.
///
/// JSON is read through the same path because JSON documents are YAML, so JSON bundles get the
/// same line and column diagnostics.
struct YAMLDocument {
    /// The file as the user named it, used in diagnostics.
    let file: String
    /// The composed root node, or `nil` for an empty document.
    let root: Yams.Node?

    /// More expanded nodes than any real bundle holds; alias bombs exceed it quickly.
    static let nodeBudget = 2_000_000

    /// Composes `text`; throws diagnostics for syntax errors, duplicate keys and budget overruns.
    init(text: String, file: String) throws(DiagnosticError) {
        self.file = file
        do {
            // Plain tags only: the loader reads scalars by their text and style, and resolving
            // int, float and timestamp tags costs a regular-expression match per scalar.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DiagnosticError(YAMLDocument.diagnostic(for: error, file: file, text: text))
        } catch {
            throw DiagnosticError(Diagnostic(id: "bundle.yaml-syntax", message: "cannot read YAML: \(error)",
                                             at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if let root {
            var remaining = YAMLDocument.nodeBudget
            guard YAMLDocument.fits(root, budget: &remaining) else {
                throw DiagnosticError(
                    Diagnostic(
                        id: "bundle.too-large",
                        message: "document expands to more than \(YAMLDocument.nodeBudget) nodes",
                        at: location(of: root),
                        hint: "remove YAML aliases (*name) that repeat large blocks; put long evidence lists in evidence.csv"))
            }
        }
    }

    /// The file location of a node.
    func location(of node: Yams.Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func fits(_ node: Yams.Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .sequence(let sequence):
            return sequence.allSatisfy { fits($0, budget: &budget) }
        case .mapping(let mapping):
            return mapping.allSatisfy { fits($0.key, budget: &budget) && fits($0.value, budget: &budget) }
        }
    }

    /// The line and column (in Unicode scalars) of a UTF-8 byte offset in `text`.
    static func location(ofByte offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1, bytes = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                id: "bundle.duplicate-key",
                message: "duplicate key \(names) in the same mapping",
                at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                hint: "keep one of them: YAML would silently use only the last")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return Diagnostic(
                id: "bundle.yaml-syntax", message: "\(problem) \(detail)".trimmingCharacters(in: .whitespaces),
                at: SourceLocation(file: file, line: mark.line, column: mark.column),
                hint: "check indentation, colons and quotes on this line")
        case .composer(_, let problem, let mark, _):
            return Diagnostic(
                id: "bundle.yaml-syntax", message: problem,
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, let byteOffset, let value, _):
            let place = byteOffset.map { " at byte \($0)" } ?? ""
            let control = problem.contains("control")
            let shown = control ? " (U+\(String(format: "%04X", UInt32(truncatingIfNeeded: value))))" : ""
            return Diagnostic(
                id: "bundle.invalid-encoding", message: "\(problem)\(shown)\(place)",
                at: byteOffset.map { location(ofByte: $0, in: text, file: file) } ?? SourceLocation(file: file, line: 1, column: 1),
                hint: control ? "remove the character; a value that needs it can write it as an escape in double quotes, e.g. \"\\t\""
                    : "save the file as UTF-8")
        default:
            return Diagnostic(id: "bundle.yaml-syntax", message: "\(error)",
                              at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
