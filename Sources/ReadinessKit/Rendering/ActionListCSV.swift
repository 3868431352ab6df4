import Foundation

/// The action plan as CSV (RFC 4180): one row per action item, for spreadsheets and task trackers.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return, or with the full-width
/// `＝`, `＋`, `－` or `＠` (which a spreadsheet with an East Asian input method may take for
/// them), is prefixed with `'`, so a spreadsheet shows it as text instead of running it as a
/// formula. Cells holding a comma, quote or line break are quoted, with quotes doubled; records
/// end with CRLF.
enum ActionListCSV {
    static let header = ["number", "owner", "deadline", "severity", "rule", "title", "subject", "action", "legal_basis"]

    static func text(_ plan: [ActionItem]) -> String {
        let rows = plan.map { item in
            [item.number, item.owner.rawValue, item.deadline ?? "", item.severity.rawValue, item.rule, item.title,
             item.subject ?? "", item.action, item.legalBasis.joined(separator: "; ")]
        }
        return ([header] + rows).map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// One field, defused and quoted as needed.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaStarts.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
