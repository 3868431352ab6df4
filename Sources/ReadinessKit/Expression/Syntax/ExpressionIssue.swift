/// A problem found in an expression, positioned by Unicode-scalar offset in the expression text.
///
/// `ExpressionSource.diagnostic(for:)` turns it into a `Diagnostic` at a file position.
struct ExpressionIssue: Error, Hashable, Sendable {
    /// Stable diagnostic id, e.g. `expr.unknown-field`.
    var id: String
    var message: String
    var hint: String?
    /// Offset of the scalar the issue points at.
    var offset: Int

    init(_ id: String, _ message: String, hint: String?, at offset: Int) {
        self.id = id
        self.message = message
        self.hint = hint
        self.offset = offset
    }

    static func syntax(_ message: String, hint: String, at offset: Int) -> ExpressionIssue {
        ExpressionIssue("expr.syntax", message, hint: hint, at: offset)
    }

    static func tooComplex(_ message: String, at offset: Int) -> ExpressionIssue {
        ExpressionIssue("expr.too-complex", message, hint: "split it into simpler conditions or shorter rules", at: offset)
    }
}
