/// The `Encoder` a value's `encode(to:)` is given, and its single-value container: a handle on
/// the value's frame in the writer.
struct JSONValueEncoder: Encoder, SingleValueEncodingContainer {
    let writer: PrettyJSONWriter
    let handle: JSONFrameHandle

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(to: handle) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let usable = writer.state.pointee.makeContainer(handle, .object)
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(writer: writer, handle: usable ? handle : .none))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let usable = writer.state.pointee.makeContainer(handle, .array)
        return JSONUnkeyedContainer(writer: writer, handle: usable ? handle : .none)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws {
        try writer.state.pointee.beginScalar(handle)
        writer.state.pointee.output.append("null")
    }

    func encode(_ value: Bool) throws {
        try writer.state.pointee.beginScalar(handle)
        writer.state.pointee.output.appendBool(value)
    }

    func encode(_ value: String) throws {
        try writer.state.pointee.beginScalar(handle)
        writer.state.pointee.output.appendString(value)
    }

    func encode(_ value: Double) throws { try encodeFloat(value) }
    func encode(_ value: Float) throws { try encodeFloat(value) }

    func encode(_ value: Int) throws { try encodeInteger(value) }
    func encode(_ value: Int8) throws { try encodeInteger(value) }
    func encode(_ value: Int16) throws { try encodeInteger(value) }
    func encode(_ value: Int32) throws { try encodeInteger(value) }
    func encode(_ value: Int64) throws { try encodeInteger(value) }
    @available(macOS 15.0, *)
    func encode(_ value: Int128) throws { try encodeInteger(value) }
    func encode(_ value: UInt) throws { try encodeInteger(value) }
    func encode(_ value: UInt8) throws { try encodeInteger(value) }
    func encode(_ value: UInt16) throws { try encodeInteger(value) }
    func encode(_ value: UInt32) throws { try encodeInteger(value) }
    func encode(_ value: UInt64) throws { try encodeInteger(value) }
    @available(macOS 15.0, *)
    func encode(_ value: UInt128) throws { try encodeInteger(value) }

    func encode<T: Encodable>(_ value: T) throws {
        try writer.encodeWhole(value, in: handle)
    }

    private func encodeInteger<T: FixedWidthInteger>(_ value: T) throws {
        try writer.state.pointee.beginScalar(handle)
        writer.state.pointee.output.appendInteger(value)
    }

    private func encodeFloat<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) throws {
        try writer.state.pointee.checkFinite(value)
        try writer.state.pointee.beginScalar(handle)
        writer.state.pointee.output.appendFloat(value)
    }
}
