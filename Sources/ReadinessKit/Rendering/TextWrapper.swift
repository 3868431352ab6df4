import Foundation

/// Wraps rendered text at a column width for e-mail and terminals.
///
/// Lines within the width are left alone. A longer line breaks at single spaces; its continuation lines
/// are indented under the first word after the line's indentation and any list marker (`- `,
/// `* `, `1. `, `A12 `) or short aligned label (`To:    `, `Action: `). A word longer than the
/// width stays whole on a line of its own.
enum TextWrapper {
    static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrap(line: String($0), width: width) }
            .joined(separator: "\n")
    }

    static func wrap(line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let prefixLength = hangingIndent(of: line)
        let prefix = String(line.prefix(prefixLength))
        let indent = String(repeating: " ", count: prefixLength)
        var lines: [String] = []
        var current = prefix
        // Empty words keep runs of spaces inside a line; they are dropped at a break.
        for word in line.dropFirst(prefixLength).split(separator: " ", omittingEmptySubsequences: false) {
            if current.count > prefixLength, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else if current.count > prefixLength {
                current += " " + word
            } else if !word.isEmpty {
                current += word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The indentation plus any list marker or label, as a column count.
    static func hangingIndent(of line: String) -> Int {
        let pattern = #"^ *(?:(?:[-*•]|\d{1,3}\.|[A-Z]\d{1,4}\.?|[A-Z][A-Za-z ]{0,24}:) +)?"#
        guard let match = line.range(of: pattern, options: .regularExpression) else { return 0 }
        let length = line.distance(from: match.lowerBound, to: match.upperBound)
        return length < line.count / 2 ? length : line.prefix(while: { $0 == " " }).count
    }
}
