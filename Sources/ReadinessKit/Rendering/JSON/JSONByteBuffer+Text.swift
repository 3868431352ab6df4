/// The pieces of pretty-printed JSON text other than strings, as `JSONEncoder` writes them with
/// `.prettyPrinted`: separators and indentation (two spaces a level), literals and numbers.
/// Strings are in `JSONByteBuffer+Strings.swift`.
extension JSONByteBuffer {
    /// A comma, a line break, then two spaces of indentation per level for 64 levels.
    private static let separator: StaticString =
        ",\n                                                                                                                                "

    /// A comma, a line break and indentation to `level`: what goes before every member of an object
    /// or array (the first member's comma later becomes the opening bracket).
    @inline(__always)
    mutating func appendSeparator(level: Int) {
        appendSeparatorPart(from: 0, count: 2 + 2 * level)
    }

    /// A line break, indentation to `level` and `bracket`: the end of a non-empty object or array.
    @inline(__always)
    mutating func appendClosing(_ bracket: UInt8, level: Int) {
        appendSeparatorPart(from: 1, count: 1 + 2 * level)
        append(bracket)
    }

    /// An object or array with no members, as `JSONEncoder` pretty-prints one: the opening bracket,
    /// two line breaks, indentation to `level`, the closing bracket.
    mutating func appendEmpty(_ open: UInt8, _ close: UInt8, level: Int) {
        append(open)
        append(UInt8(ascii: "\n"))
        appendClosing(close, level: level)
    }

    /// Part of `separator`; past its end, more spaces.
    @inline(__always)
    private mutating func appendSeparatorPart(from start: Int, count length: Int) {
        let available = Self.separator.utf8CodeUnitCount - start
        append(Self.separator.utf8Start + start, count: min(length, available))
        if length > available { append(repeating: UInt8(ascii: " "), count: length - available) }
    }

    /// ASCII text as it is: a literal, or the `" : "` after a key.
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    mutating func appendBool(_ value: Bool) {
        value ? append("true") : append("false")
    }

    /// An integer in decimal, as its `description` reads.
    @inline(__always)
    mutating func appendInteger<T: FixedWidthInteger>(_ value: T) {
        guard T.bitWidth <= 64 else { return appendVerbatim(value.description) }
        if T.isSigned && value < 0 {
            append(UInt8(ascii: "-"))
            appendDigits(UInt64(value.magnitude))
        } else {
            appendDigits(UInt64(value))
        }
    }

    private mutating func appendDigits(_ value: UInt64) {
        if value < 10 { return append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value)) }
        var length = 1
        var bound: UInt64 = 10
        while length < 20 && value >= bound {
            length += 1
            bound = bound &* 10
        }
        append(writing: length) { digits in
            var rest = value
            for index in stride(from: length - 1, through: 0, by: -1) {
                digits[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
        }
    }

    /// A finite number as `JSONEncoder` writes it: its `description` without a trailing `.0`
    /// (`1e+300`, `0.1`, `-0`, `3`). The caller rejects infinities and NaN.
    mutating func appendFloat<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) {
        var text = value.description
        text.withUTF8 { utf8 in
            let whole = utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".") && utf8[utf8.count - 1] == UInt8(ascii: "0")
            append(UnsafeBufferPointer(rebasing: utf8[..<(whole ? utf8.count - 2 : utf8.count)]))
        }
    }

    /// Text as it is, such as a `Decimal`'s description.
    mutating func appendVerbatim(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }
}
