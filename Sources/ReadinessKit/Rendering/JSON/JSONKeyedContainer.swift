/// A keyed container: writes members of the object `handle`, each where the output ends, to be
/// put in key order when the object ends.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: PrettyJSONWriter
    let handle: JSONFrameHandle

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(to: handle) }

    mutating func encodeNil(forKey key: Key) throws {
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        writer.state.pointee.output.append("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        writer.state.pointee.output.appendBool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        writer.state.pointee.output.appendString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws { try encodeFloat(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encodeFloat(value, key) }

    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeInteger(value, key) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeInteger(value, key) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128, forKey key: Key) throws { try encodeInteger(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        try writer.encodeMember(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(writer: writer, handle: openMember(key.stringValue, .object)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(writer: writer, handle: openMember(key.stringValue, .array))
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueEncoder(writer: writer, handle: openMember("super", .pending))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONValueEncoder(writer: writer, handle: openMember(key.stringValue, .pending))
    }

    private func openMember(_ key: String, _ shape: JSONFrame.Shape) -> JSONFrameHandle {
        do {
            try writer.state.pointee.beginEntry(key, in: handle)
        } catch {
            return .none
        }
        return writer.state.pointee.pushMember(isOpenEnded: true, shape: shape)
    }

    private func encodeInteger<T: FixedWidthInteger>(_ value: T, _ key: Key) throws {
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        writer.state.pointee.output.appendInteger(value)
    }

    private func encodeFloat<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T, _ key: Key) throws {
        try writer.state.pointee.checkFinite(value)
        try writer.state.pointee.beginEntry(key.stringValue, in: handle)
        writer.state.pointee.output.appendFloat(value)
    }
}
