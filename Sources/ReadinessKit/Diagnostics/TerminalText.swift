/// Makes untrusted text safe to show on a terminal.
///
/// Bundle values, file names and source lines can hold control characters (a YAML `"\e[2J"`
/// escape, a raw ESC in a CSV cell). Printed as they are, they can clear the screen, retitle the
/// window, forge hyperlinks, or hide and reorder text (bidirectional overrides). Every such scalar
/// is shown as a visible escape such as `\u{1B}` instead; nothing else changes.
public enum TerminalText {
    /// Whether the scalar could change the terminal's state or how the text around it reads: the
    /// C0 controls except tab and newline, DEL, the C1 controls, and bidirectional formatting marks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe scalar written as `\u{…}`; with `singleLine`, newlines too.
    public static func sanitized(_ text: String, singleLine: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || (singleLine && $0 == "\n") }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || (singleLine && scalar == "\n") {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
