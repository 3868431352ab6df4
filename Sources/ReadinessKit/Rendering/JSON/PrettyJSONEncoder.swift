import Foundation

/// Encodes `Encodable` values as pretty-printed JSON with sorted keys, byte for byte as Foundation's
/// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` does (on Linux),
/// except that the scalars `TerminalText.isUnsafe` finds that `JSONEncoder` leaves raw — DEL, the
/// C1 controls and bidirectional marks — are written as `\uXXXX` escapes, so the text is safe to
/// show on a terminal and still decodes to the same values.
///
/// It writes UTF-8 straight into one growing buffer instead of building a tree of values first:
/// about three times faster than `JSONEncoder` on a large report. A value that uses its encoder in a
/// way the writer does not reproduce exactly (writing to a nested container after its parent has
/// moved on, the same key twice, nesting deeper than 510 levels; see `JSONWriterState`) is encoded
/// again with `JSONEncoder`, whose output is then escaped the same way.
///
/// The elements of a long array of `ConcurrentlyEncodable` values (a report's findings and action
/// plan) are encoded in chunks on every core and the chunks' text joined in order (see
/// `PrettyJSONWriter.encodeInChunks`); the text is the same.
struct PrettyJSONEncoder {
    /// Text written after the JSON, such as a line break.
    var terminator: StaticString = ""
    /// When arrays are split across threads; nil to encode on the calling thread only.
    var concurrency: JSONArrayConcurrency? = JSONArrayConcurrency()

    /// The JSON text of `value`, then `terminator`.
    ///
    /// - Throws: What `JSONEncoder` throws: `EncodingError.invalidValue` for an infinite or NaN
    ///   number or a top-level value that encodes nothing, or an error from the value itself.
    func encode<T: Encodable>(_ value: T) throws -> Data {
        let writer = PrettyJSONWriter(concurrency: concurrency)
        do {
            try writer.encodeRoot(value)
        } catch {
            // An error thrown through a container is the value's own (or an unencodable number):
            // `JSONEncoder` would throw it too.
            guard writer.state.pointee.gaveUp else { throw error }
            return try encodeWithFoundation(value)
        }
        if writer.isUnusable { return try encodeWithFoundation(value) }
        return writer.takeText(terminator: terminator)
    }

    /// `value` encoded by `JSONEncoder`, with the unsafe scalars escaped, then `terminator`.
    func encodeWithFoundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var text = JSONByteBuffer.escapingUnsafeScalars(try encoder.encode(value))
        text.append(terminator.utf8Start, count: terminator.utf8CodeUnitCount)
        return text
    }
}
