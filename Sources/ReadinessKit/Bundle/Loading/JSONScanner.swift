import Foundation

/// The tokens of one line of JSON (RFC 8259): strings (unescaped into `scratch` when they hold
/// escapes), literals and numbers, and whole values stepped over; each checked for syntax.
struct JSONScanner {
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The next byte to read, and the end of the line.
    var index = 0
    var end = 0
    /// Whether `bytes` is all ASCII (strings then need no UTF-8 check).
    var ascii = true
    /// Strings with escapes, written out.
    var scratch: [UInt8] = []

    /// Nesting deeper than this is refused: values are skipped recursively, and no evidence item nests that deep.
    static let depthLimit = 64

    /// A syntax error at `offset`.
    struct SyntaxError: Error {
        var offset: Int
        var message: String
        var hint: String
    }

    /// The byte at `index`, or 0 at the end of the line (which no JSON token starts with).
    var peek: UInt8 { index < end ? bytes[index] : 0 }

    mutating func skipSpace() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
    }

    /// Steps over `byte` and the spaces after it; `false`, stepping over nothing, when the next byte is another.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        skipSpace()
        return true
    }

    /// A syntax error at the next byte: "expected …, found …".
    func unexpected(_ expected: String, hint: String) -> SyntaxError {
        SyntaxError(offset: index, message: "expected \(expected), found \(describe(index))", hint: hint)
    }

    /// Parses an object's key and the `:` after it, with the spaces around them.
    mutating func parseKey() throws(SyntaxError) -> JSONCell {
        guard peek == UInt8(ascii: "\"") else { throw unexpected("a quoted key", hint: "write keys in double quotes: \"id\": \"E-0001\"") }
        let key = try parseString()
        skipSpace()
        guard skip(UInt8(ascii: ":")) else { throw unexpected("':' after a key", hint: "write \"key\": value") }
        return key
    }

    /// Steps over the `,` after a value inside an object or array, or the `close` that ends it
    /// (returning `true`), with the spaces after it.
    mutating func skipSeparator(orClose close: UInt8, in what: String) throws(SyntaxError) -> Bool {
        skipSpace()
        if skip(UInt8(ascii: ",")) { return false }
        if skip(close) { return true }
        throw unexpected("',' or '\(Character(Unicode.Scalar(close)))' after a value", hint: "separate the values of \(what) with commas and close it with '\(Character(Unicode.Scalar(close)))'")
    }

    /// What the bytes at `offset` are, for a message.
    func describe(_ offset: Int) -> String {
        guard offset < end else { return "the end of the line" }
        var stop = offset
        while stop < end, stop - offset < 20, ![0x20, 0x09, 0x0D, 0x2C, 0x7D, 0x5D].contains(bytes[stop]) { stop += 1 }
        let token = String(decoding: bytes[offset..<max(stop, offset + 1)], as: UTF8.self)
        return "'\(token)'"
    }

    /// Whether the string `cell` holds the bytes of `word`.
    func equals(_ cell: JSONCell, _ word: [UInt8]) -> Bool {
        withBytes(cell) { text in
            text.count == word.count && word.withUnsafeBufferPointer { memcmp(text.baseAddress!, $0.baseAddress!, word.count) == 0 }
        }
    }

    /// Calls `body` with the bytes of the string or literal `cell`.
    func withBytes<Result>(_ cell: JSONCell, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        cell.withBytes(in: bytes, scratch: scratch, body)
    }

    /// Checks and steps over any JSON value, `depth` levels inside the values being read.
    mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth < Self.depthLimit else {
            throw SyntaxError(offset: index, message: "values nest more than \(Self.depthLimit) levels deep",
                              hint: "an evidence item's values are single values, lists and the grading object")
        }
        let isObject: Bool
        switch peek {
        case UInt8(ascii: "\""): return _ = try parseString()
        case UInt8(ascii: "["): isObject = false
        case UInt8(ascii: "{"): isObject = true
        default: return _ = try parseLiteral()
        }
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipSpace()
        if skip(close) { return }
        repeat {
            if isObject { _ = try parseKey() }
            try skipValue(depth: depth + 1)
        } while try !skipSeparator(orClose: close, in: isObject ? "an object" : "a list")
    }

    /// Parses a string at `index` (its opening quote); escapes are written out into `scratch`.
    mutating func parseString() throws(SyntaxError) -> JSONCell {
        let open = index
        index += 1
        let start = index
        index = plainEnd(from: index)
        guard index < end else { throw unclosedString(open) }
        if bytes[index] == UInt8(ascii: "\"") {
            defer { index += 1 }
            try checkUTF8(start..<index, at: open)
            return JSONCell(kind: .string, start: start, end: index)
        }
        let textStart = scratch.count
        scratch.append(contentsOf: bytes[start..<index])
        while true {
            guard index < end else { throw unclosedString(open) }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                try scratch.withUnsafeBufferPointer { (text) throws(SyntaxError) in try checkUTF8(text[textStart...], at: open) }
                return JSONCell(kind: .string, start: textStart, end: scratch.count, unescaped: true)
            case UInt8(ascii: "\\"):
                try unescape()
            case ..<0x20:
                throw SyntaxError(offset: index, message: "a control character inside a string",
                                  hint: "escape it: \\n for a line break, \\t for a tab, \\u0001 for others")
            default:
                scratch.append(byte)
                index += 1
            }
        }
    }

    /// Writes out the escape at `index` (a backslash) into `scratch`.
    private mutating func unescape() throws(SyntaxError) {
        let escape = index
        guard index + 1 < end else { throw unclosedString(escape) }
        let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
        if let byte = simple[bytes[index + 1]] {
            scratch.append(byte)
            return index += 2
        }
        guard bytes[index + 1] == UInt8(ascii: "u"), var scalar = hexQuad(at: index + 2) else {
            throw SyntaxError(offset: escape, message: "invalid escape \(describe(escape)) in a string",
                              hint: "use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX; write a backslash as \\\\")
        }
        index += 6
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by a low one: together they are one scalar.
            guard index + 1 < end, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                let low = hexQuad(at: index + 2), (0xDC00..<0xE000).contains(low)
            else { throw unpairedSurrogate(escape) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            index += 6
        }
        guard let character = Unicode.Scalar(scalar) else { throw unpairedSurrogate(escape) }
        scratch.append(contentsOf: Array(String(character).utf8))
    }

    /// The value of four hex digits at `offset`, if there are four.
    private func hexQuad(at offset: Int) -> UInt32? {
        guard offset + 4 <= end else { return nil }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Parses `true`, `false`, `null` or a number at `index`.
    mutating func parseLiteral() throws(SyntaxError) -> JSONCell {
        let start = index
        while index < end, Self.isLiteralByte(bytes[index]) { index += 1 }
        guard index > start else {
            throw SyntaxError(offset: start, message: "expected a value, found \(describe(start))",
                              hint: "write a string in double quotes, a number, true, false, null, a list [...] or an object {...}")
        }
        let token = bytes[start..<index]
        guard Self.isWord(token) || Self.isNumber(token) else {
            throw SyntaxError(offset: start, message: "\(describe(start)) is not a JSON value",
                              hint: "put text in double quotes; write true, false and null in lowercase")
        }
        return JSONCell(kind: .literal, start: start, end: index)
    }

    /// Whether `token` is a JSON number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    static func isNumber(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var index = token.startIndex
        let isDigit = { (offset: Int) in offset < token.endIndex && (0x30...0x39).contains(token[offset]) }
        func digits() -> Bool {
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
            return true
        }
        if index < token.endIndex, token[index] == UInt8(ascii: "-") { index += 1 }
        if index < token.endIndex, token[index] == UInt8(ascii: "0") { index += 1 } else if !digits() { return false }
        if index < token.endIndex, token[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return false }
        }
        if index < token.endIndex, token[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < token.endIndex, token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() else { return false }
        }
        return index == token.endIndex
    }

    /// Throws unless `range` of a buffer (the line's, or `scratch`) is valid UTF-8.
    private func checkUTF8(_ range: Range<Int>, at offset: Int) throws(SyntaxError) {
        guard !ascii else { return }
        try checkUTF8(UnsafeBufferPointer(rebasing: bytes[range])[...], at: offset)
    }

    private func checkUTF8(_ text: Slice<UnsafeBufferPointer<UInt8>>, at offset: Int) throws(SyntaxError) {
        let buffer = UnsafeBufferPointer(rebasing: text)
        guard !ascii, !buffer.allSatisfy({ $0 < 0x80 }), String(validating: buffer, as: UTF8.self) == nil else { return }
        throw SyntaxError(offset: offset, message: "a string is not valid UTF-8", hint: "save the file as UTF-8")
    }

    private func unclosedString(_ offset: Int) -> SyntaxError {
        SyntaxError(offset: offset, message: "a string is never closed", hint: "end the string with a double quote on the same line")
    }

    private func unpairedSurrogate(_ offset: Int) -> SyntaxError {
        SyntaxError(offset: offset, message: "\\u escape \(describe(offset)) is half of a surrogate pair",
                    hint: "write a character outside the Basic Multilingual Plane as two escapes, e.g. \\ud83d\\ude00")
    }

    /// The end of the run of bytes from `start` that may stand in a string without ending it or
    /// needing an escape: the first quote, backslash or control character, or the end of the line.
    /// Eight bytes are tested at a time.
    @inline(__always)
    private func plainEnd(from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            // The high bit of each byte below `limit`; a borrow can only flag bytes above a flagged one.
            func below(_ word: UInt64, _ limit: UInt64) -> UInt64 { (word &- ones &* limit) & ~word & highs }
            while index + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = below(word ^ (ones &* 0x22), 1) | below(word ^ (ones &* 0x5C), 1) | below(word, 0x20)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end, bytes[index] >= 0x20, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
        return index
    }

    /// Whether `token` is `true`, `false` or `null`.
    private static func isWord(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        switch token.count {
        case 4: token.elementsEqual([0x74, 0x72, 0x75, 0x65]) || token.elementsEqual([0x6E, 0x75, 0x6C, 0x6C])
        case 5: token.elementsEqual([0x66, 0x61, 0x6C, 0x73, 0x65])
        default: false
        }
    }

    /// Whether `byte` may be part of `true`, `false`, `null` or a number (or of a mistake near
    /// them, which is reported whole): a letter, a digit, `+`, `-` or `.`.
    @inline(__always)
    private static func isLiteralByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) || byte == 0x2B || byte == 0x2D || byte == 0x2E
    }
}
