/// Text with `{expression}` placeholders, compiled once and rendered per subject.
///
/// `{{` and `}}` write literal braces. A placeholder whose value is absent renders as
/// "(not recorded)", so a message never silently drops a fact.
public struct MessageTemplate: Sendable {
    enum Piece: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    let pieces: [Piece]

    /// The expressions of the placeholders.
    var expressions: [CompiledExpression] {
        pieces.compactMap { if case .expression(let expression) = $0 { expression } else { nil } }
    }

    /// Compiles every placeholder in `template` against `environment`.
    static func compile(_ template: TemplateSource, in environment: ExpressionEnvironment) throws(DiagnosticError) -> MessageTemplate {
        var pieces: [Piece] = []
        var diagnostics: [Diagnostic] = []
        var literal = ""
        let scalars = Array(template.text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if (scalar == "{" || scalar == "}"), index + 1 < scalars.count, scalars[index + 1] == scalar {
                literal.unicodeScalars.append(scalar)
                index += 2
                continue
            }
            guard scalar == "{" else {
                literal.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            index += 1
            let start = template.source.location(ofOffset: index)
            var inner = ""
            while index < scalars.count, scalars[index] != "}" {
                inner.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else {
                diagnostics.append(Diagnostic(id: "rules.template", message: "placeholder '{\(inner)' is never closed",
                                              at: start, hint: "close it with '}', or write '{{' for a literal brace"))
                break
            }
            index += 1
            if !literal.isEmpty { pieces.append(.text(literal)) }
            literal = ""
            let source = ExpressionSource(text: inner, file: start.file, start: start,
                                          positionsExact: template.source.positionsExact)
            do throws(DiagnosticError) {
                pieces.append(.expression(try ExpressionCompiler.compile(source, in: environment)))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        return MessageTemplate(pieces: pieces)
    }

    /// Renders the text for the subject bound in `context`.
    func render(_ context: inout EvaluationContext) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .expression(let expression): text += Self.display(expression.evaluate(&context))
            }
        }
        return text
    }

    /// How a value reads inside a sentence.
    static func display(_ result: EvaluationResult) -> String {
        switch result {
        case .value(let value): display(value)
        case .unknown: "(not recorded)"
        case .error(let message): "(error: \(message))"
        }
    }

    static func display(_ value: Value) -> String {
        switch value {
        case .null: "(not recorded)"
        case .string(let text): text
        case .list(let values): values.map(display).joined(separator: ", ")
        case .record(let record): record.id ?? record.path
        default: value.description
        }
    }
}
