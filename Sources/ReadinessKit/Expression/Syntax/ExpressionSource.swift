/// An expression's text and where it sits in its file, so diagnostics point at file positions.
///
/// For a plain or single-line quoted YAML scalar, `start` is the location of the first character
/// and every position follows from it. For a block scalar (`|` or `>`), pass the text with its
/// original line breaks and the indentation removed, and `continuationColumn`, the file column
/// where lines after the first start. When offsets do not survive (a quoted scalar with escapes
/// or folded lines), set `positionsExact` to `false` and every diagnostic points at `start`.
public struct ExpressionSource: Sendable, Hashable {
    /// The expression text.
    public let text: String
    /// The file the expression was read from.
    public let file: String
    /// The file location of the first character of `text`.
    public let start: SourceLocation
    /// The file column (1-based) where the second and later lines of `text` start, if different from `start.column`.
    public let continuationColumn: Int?
    /// Whether offsets in `text` map exactly onto the file.
    public let positionsExact: Bool

    /// A source; see the type's description for `continuationColumn` and `positionsExact`.
    public init(
        text: String, file: String, start: SourceLocation, continuationColumn: Int? = nil,
        positionsExact: Bool = true
    ) {
        self.text = text
        self.file = file
        self.start = start
        self.continuationColumn = continuationColumn
        self.positionsExact = positionsExact
    }

    /// The file location of the Unicode scalar at `offset` in `text`.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let origin = SourceLocation(file: file, line: start.line, column: start.column)
        guard positionsExact else { return origin }
        var line = 0
        var column = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        guard line > 0 else { return origin.advanced(byColumns: column) }
        return SourceLocation(file: file, line: start.line + line, column: (continuationColumn ?? start.column) + column)
    }

    /// The diagnostic for an issue found in this expression.
    func diagnostic(for issue: ExpressionIssue) -> Diagnostic {
        Diagnostic(.error, id: issue.id, message: issue.message, at: location(ofOffset: issue.offset), hint: issue.hint)
    }
}
