import Foundation

/// JSON strings, escaped as `JSONEncoder` escapes them (with `.withoutEscapingSlashes`) and, in
/// the same pass, with every scalar `TerminalText.isUnsafe` finds that the encoder leaves raw (DEL,
/// the C1 controls, bidirectional marks) written as a lowercase `\uXXXX` escape.
extension JSONByteBuffer {
    /// `string` in quotes, escaped.
    @inline(__always)
    mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { appendString(utf8: $0) }
    }

    /// The UTF-8 text `utf8` (valid, as every `String`'s is) in quotes, escaped.
    mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        var copied = 0
        var index = 0
        let end = utf8.count
        while index < end {
            // Eight plain ASCII bytes at a time.
            if let start = utf8.baseAddress {
                while index + 8 <= end && Self.isPlainASCII(UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                }
                if index == end { break }
            }
            let byte = utf8[index]
            // Most bytes are plain: printable ASCII other than `"` and `\`, or non-ASCII that can
            // not begin an unsafe scalar.
            if byte < 0x7F {
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
            } else if byte != 0x7F && byte != 0xC2 && byte != 0xD8 && byte != 0xE2 {
                index += 1
                continue
            }
            let length: Int
            if byte < 0x7F {
                length = 1
            } else if let unsafe = Self.unsafeScalar(in: utf8, at: index) {
                length = unsafe.length
            } else {
                index += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: utf8[copied..<index]))
            appendEscape(for: utf8, at: index)
            index += length
            copied = index
        }
        append(UnsafeBufferPointer(rebasing: utf8[copied..<end]))
        append(UInt8(ascii: "\""))
    }

    /// Whether none of the eight bytes in `word` needs a look: all printable ASCII other than `"`
    /// and `\` (tests for a zero byte, as in "Bit Twiddling Hacks").
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
        // A high bit set by the byte itself (non-ASCII) or by adding one (DEL).
        let nonASCIIOrDelete = (word | (word &+ ones)) & high != 0
        let control = (word &- ones &* 0x20) & ~word & high != 0
        return !(nonASCIIOrDelete || control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)))
    }

    /// The escape for the ASCII control, quote or backslash, or the unsafe scalar, at `index`.
    private mutating func appendEscape(for utf8: UnsafeBufferPointer<UInt8>, at index: Int) {
        let byte = utf8[index]
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x00..<0x20: appendUnicodeEscape(UInt32(byte))
        default: appendUnicodeEscape(Self.unsafeScalar(in: utf8, at: index)?.value ?? UInt32(byte))
        }
    }

    /// `\u` and four lowercase hex digits.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        let digits: StaticString = "0123456789abcdef"
        append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            append(digits.utf8Start[Int((value >> UInt32(shift)) & 0xF)])
        }
    }

    /// The scalar at `index` of valid UTF-8 text if it is one that `TerminalText.isUnsafe` finds
    /// and `JSONEncoder` leaves raw: DEL (U+007F), a C1 control (U+0080–U+009F), or a bidirectional
    /// mark (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); with its length in bytes.
    @inline(__always)
    static func unsafeScalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int)? {
        let count = utf8.count - index
        switch utf8[index] {
        case 0x7F:
            return (0x7F, 1)
        case 0xC2 where count >= 2 && utf8[index + 1] <= 0x9F:
            // C2 80…C2 9F: U+0080…U+009F (a continuation byte is at least 0x80).
            return (UInt32(utf8[index + 1]), 2)
        case 0xD8 where count >= 2 && utf8[index + 1] == 0x9C:
            return (0x061C, 2)
        case 0xE2 where count >= 3:
            let second = utf8[index + 1], third = utf8[index + 2]
            let value = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
            switch value {
            case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return (value, 3)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Valid UTF-8 JSON text with every unsafe scalar (see `unsafeScalar(in:at:)`) written as a
    /// `\uXXXX` escape: what `appendString` does, for text another encoder wrote. Such scalars can
    /// only stand inside strings, where the escape means the same value.
    static func escapingUnsafeScalars(_ json: Data) -> Data {
        var output = JSONByteBuffer(capacity: json.count + 64)
        json.withUnsafeBytes { raw in
            let utf8 = raw.bindMemory(to: UInt8.self)
            var copied = 0
            var index = 0
            while index < utf8.count {
                guard utf8[index] >= 0x7F, let unsafe = unsafeScalar(in: utf8, at: index) else {
                    index += 1
                    continue
                }
                output.append(UnsafeBufferPointer(rebasing: utf8[copied..<index]))
                output.appendUnicodeEscape(unsafe.value)
                index += unsafe.length
                copied = index
            }
            output.append(UnsafeBufferPointer(rebasing: utf8[copied...]))
        }
        return output.takeData()
    }
}
