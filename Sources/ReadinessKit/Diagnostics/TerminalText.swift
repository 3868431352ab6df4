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
        guard !isCertainlySafe(text, newlines: !singleLine),
              text.unicodeScalars.contains(where: { isUnsafe($0) || (singleLine && $0 == "\n") }) else { return text }
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

    /// Whether `text` is certainly free of unsafe scalars (and, unless `newlines`, of newlines): a
    /// scan of its UTF-8 bytes, much cheaper than walking the scalars of a long memo. A byte that
    /// could begin an unsafe scalar (a lead byte of U+0080–U+009F, U+061C or U+2000–U+207F)
    /// answers `false`, and the caller looks at the scalars.
    private static func isCertainlySafe(_ text: String, newlines: Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                switch byte {
                case 0x09: break
                case 0x0A: if !newlines { return false }
                case 0x00..<0x20, 0x7F: return false
                case 0xC2 where next < 0xA0, 0xD8 where next == 0x9C, 0xE2 where next == 0x80 || next == 0x81: return false
                default: break
                }
                index += 1
            }
            return true
        } ?? false
    }
}
