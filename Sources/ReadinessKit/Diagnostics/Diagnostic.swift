/// One problem found in user input: a bundle, a rule pack, a template or an import file.
///
/// Messages are lowercase, carry no trailing period and quote names with `'…'`.
/// The `hint` says how to fix the problem.
public struct Diagnostic: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable identifier such as `bundle.unknown-key`, for tooling and documentation.
    public var id: String
    public var message: String
    /// Where the problem is; `nil` only for problems with no place in a file (e.g. a missing file).
    public var location: SourceLocation?
    /// How to fix it, when the tool can say.
    public var hint: String?

    public init(
        _ severity: Severity = .error, id: String, message: String,
        at location: SourceLocation?, hint: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = Diagnostic.capped(message)
        self.location = location
        self.hint = hint.map(Diagnostic.capped)
    }

    /// The longest message or hint kept, in bytes of UTF-8; longer text (a message quoting a
    /// 50 MB value) is cut at a character boundary and ends with "…".
    public static let textLimit = 2_000

    private static func capped(_ text: String) -> String {
        guard text.utf8.count > textLimit else { return text }
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > textLimit { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }

    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        let fix = hint.map { " (\($0))" } ?? ""
        return "\(place)\(severity.rawValue): \(message)\(fix) [\(id)]"
    }

    /// Diagnostics sort by file, line and column, then severity and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return (lhs.message, lhs.id) < (rhs.message, rhs.id)
    }
}

/// An error carrying one or more diagnostics; thrown by loaders that collect every problem before failing.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
