/// Writes one JSON object member by member straight into a `JSONByteBuffer`, laid out exactly as
/// `PrettyJSONWriter` lays out what a synthesized `Encodable` gives it: for the long arrays of a
/// report (see `JSONTextWritable`), where going through the `Encoder` machinery and sorting the
/// keys costs several times the writing itself.
///
/// The caller gives the keys in sorted order, as plain ASCII without characters to escape, and
/// leaves out `nil` optionals, as `encodeIfPresent` does.
struct JSONObjectText {
    private let start: Int
    /// The indentation level of the object's braces.
    private let level: Int
    private var members = 0

    /// Begins an object at the end of `output`, whose braces are at `level`.
    init(_ output: borrowing JSONByteBuffer, level: Int) {
        start = output.count
        self.level = level
    }

    /// Writes the separator and `key`; the value follows at `level + 1` (see `valueLevel`).
    @inline(__always)
    mutating func key(_ key: StaticString, _ output: inout JSONByteBuffer) {
        output.appendSeparator(level: level + 1)
        output.append(UInt8(ascii: "\""))
        output.append(key)
        output.append("\" : ")
        members += 1
    }

    /// The level of a member's brackets.
    var valueLevel: Int { level + 1 }

    /// `key` and a string.
    mutating func string(_ key: StaticString, _ value: String, _ output: inout JSONByteBuffer) {
        self.key(key, &output)
        output.appendString(value)
    }

    /// `key` and a string, when there is one.
    mutating func string(_ key: StaticString, ifPresent value: String?, _ output: inout JSONByteBuffer) {
        if let value { string(key, value, &output) }
    }

    /// `key` and an array of strings.
    mutating func strings(_ key: StaticString, _ values: [String], _ output: inout JSONByteBuffer) {
        self.key(key, &output)
        Self.array(values, level: valueLevel, &output) { value, _, output in output.appendString(value) }
    }

    /// An object of string members, keys in sorted order, a `nil` value left out.
    static func strings(_ members: [(key: StaticString, value: String?)], level: Int, to output: inout JSONByteBuffer) {
        var object = JSONObjectText(output, level: level)
        for (key, value) in members { object.string(key, ifPresent: value, &output) }
        object.end(&output)
    }

    /// Ends the object: its opening brace replaces the first member's comma.
    func end(_ output: inout JSONByteBuffer) {
        guard members > 0 else { return output.appendEmpty(UInt8(ascii: "{"), UInt8(ascii: "}"), level: level) }
        output[start] = UInt8(ascii: "{")
        output.appendClosing(UInt8(ascii: "}"), level: level)
    }

    /// An array whose brackets are at `level`, each element written by `element` (given the
    /// elements' level) after its separator.
    static func array<Element>(
        _ elements: [Element], level: Int, _ output: inout JSONByteBuffer,
        _ element: (Element, Int, inout JSONByteBuffer) -> Void
    ) {
        guard !elements.isEmpty else { return output.appendEmpty(UInt8(ascii: "["), UInt8(ascii: "]"), level: level) }
        let start = output.count
        for value in elements {
            output.appendSeparator(level: level + 1)
            element(value, level + 1, &output)
        }
        output[start] = UInt8(ascii: "[")
        output.appendClosing(UInt8(ascii: "]"), level: level)
    }
}

/// A value of a report's long arrays that writes its own JSON text (see `JSONObjectText`):
/// `PrettyJSONWriter.encodeInChunks` then writes each chunk without the `Encoder` machinery. The
/// text must be what its `Encodable` conformance gives; `PrettyJSONEncoderChunkTests` compare the two.
protocol JSONTextWritable {
    /// Writes the value, whose brackets are at `level`, at the end of `output`.
    func writeJSON(level: Int, to output: inout JSONByteBuffer)
}
