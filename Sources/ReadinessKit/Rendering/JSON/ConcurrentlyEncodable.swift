import Foundation

/// A value that may be encoded on any thread, alongside others of its kind: `PrettyJSONWriter`
/// splits a long array of such values across threads (see `encodeInChunks`).
///
/// `Sendable` says so, but a conformance cannot depend on `Sendable` (a marker with no presence at
/// run time), so the writer could not find `[Element]` where `Element: Sendable`: the types whose
/// arrays can be long adopt this protocol instead.
protocol ConcurrentlyEncodable: Encodable, Sendable {
    /// The text of `elements` as members of an array whose brackets are at `level`, each after
    /// its separator, written without the `Encoder` machinery; `nil` to encode them through it.
    static func text(of elements: ArraySlice<Self>, level: Int) -> Data?
}

extension ConcurrentlyEncodable {
    static func text(of elements: ArraySlice<Self>, level: Int) -> Data? { nil }
}

extension ConcurrentlyEncodable where Self: JSONTextWritable {
    static func text(of elements: ArraySlice<Self>, level: Int) -> Data? {
        var output = JSONByteBuffer(capacity: 1_024 * elements.count)
        for element in elements {
            output.appendSeparator(level: level + 1)
            element.writeJSON(level: level + 1, to: &output)
        }
        return output.takeData()
    }
}

/// An array the writer may split across threads: an `Array` of `ConcurrentlyEncodable` values.
protocol ConcurrentlyEncodableArray {
    /// Writes `value`, of this type, as the value of `handle` with its elements encoded in chunks
    /// on several threads (see `PrettyJSONWriter.encodeInChunks`). False, having written nothing,
    /// when the array is too short or a chunk could not be used: the caller then encodes it as usual.
    static func encodeInChunks<Value>(
        _ value: Value, by writer: PrettyJSONWriter, into handle: JSONFrameHandle, _ concurrency: JSONArrayConcurrency) -> Bool
}

extension Array: ConcurrentlyEncodableArray where Element: ConcurrentlyEncodable {
    static func encodeInChunks<Value>(
        _ value: Value, by writer: PrettyJSONWriter, into handle: JSONFrameHandle, _ concurrency: JSONArrayConcurrency
    ) -> Bool {
        guard let array = value as? Self else { return false }
        return writer.encodeInChunks(array, into: handle, concurrency)
    }
}

// The elements of a report's arrays that grow with the number of items checked.
extension Finding: ConcurrentlyEncodable {}
extension ActionItem: ConcurrentlyEncodable {}
extension ReportDiff.Item: ConcurrentlyEncodable {}
extension ReportDigest.FindingDigest: ConcurrentlyEncodable {}
