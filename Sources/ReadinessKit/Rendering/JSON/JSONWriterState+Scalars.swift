import Foundation

/// Values written directly, without asking them to encode themselves.
extension JSONWriterState {
    /// Writes `value` if it is a string, `Int`, `Bool` or `Double` (the common cases, without the
    /// cost of an encoder), or a type `JSONEncoder` writes its own way: `Data` as Base64, `URL` as
    /// its absolute string, `Decimal` as its description. Returns false, writing nothing, for any
    /// other type.
    @inline(__always)
    mutating func writeSpecial<T: Encodable>(_ value: T) throws -> Bool {
        if T.self == String.self {
            output.appendString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            output.appendInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            output.appendBool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == Double.self {
            let number = unsafeBitCast(value, to: Double.self)
            try checkFinite(number)
            output.appendFloat(number)
        } else if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            writeFoundationValue(value)
        } else {
            return false
        }
        return true
    }

    private mutating func writeFoundationValue<T: Encodable>(_ value: T) {
        if let data = value as? Data {
            output.appendString(data.base64EncodedString())
        } else if let url = value as? URL {
            output.appendString(url.absoluteString)
        } else if let decimal = value as? Decimal {
            output.appendVerbatim(decimal.description)
        }
    }

    /// Throws `EncodingError.invalidValue` for an infinity or NaN, as `JSONEncoder` does by default.
    @inline(__always)
    mutating func checkFinite<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws {
        guard !value.isFinite else { return }
        sawError = true
        let path = frames.last.map { codingPath(to: JSONFrameHandle(index: frames.count - 1, id: $0.id)) } ?? []
        throw EncodingError.invalidValue(value, EncodingError.Context(
            codingPath: path, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
    }
}
