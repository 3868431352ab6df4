/// An unkeyed container: appends members to the array `handle`.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: PrettyJSONWriter
    let handle: JSONFrameHandle

    var codingPath: [any CodingKey] { writer.state.pointee.codingPath(to: handle) }

    var count: Int { writer.state.pointee.count(of: handle) }

    mutating func encodeNil() throws {
        try writer.state.pointee.beginElement(in: handle)
        writer.state.pointee.output.append("null")
    }

    mutating func encode(_ value: Bool) throws {
        try writer.state.pointee.beginElement(in: handle)
        writer.state.pointee.output.appendBool(value)
    }

    mutating func encode(_ value: String) throws {
        try writer.state.pointee.beginElement(in: handle)
        writer.state.pointee.output.appendString(value)
    }

    mutating func encode(_ value: Double) throws { try encodeFloat(value) }
    mutating func encode(_ value: Float) throws { try encodeFloat(value) }

    mutating func encode(_ value: Int) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encodeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encodeInteger(value) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: Int128) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encodeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encodeInteger(value) }
    @available(macOS 15.0, *)
    mutating func encode(_ value: UInt128) throws { try encodeInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.state.pointee.beginElement(in: handle)
        try writer.encodeMember(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(writer: writer, handle: openMember(.object)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(writer: writer, handle: openMember(.array))
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueEncoder(writer: writer, handle: openMember(.pending))
    }

    private func openMember(_ shape: JSONFrame.Shape) -> JSONFrameHandle {
        do {
            try writer.state.pointee.beginElement(in: handle)
        } catch {
            return .none
        }
        return writer.state.pointee.pushMember(isOpenEnded: true, shape: shape)
    }

    private func encodeInteger<T: FixedWidthInteger>(_ value: T) throws {
        try writer.state.pointee.beginElement(in: handle)
        writer.state.pointee.output.appendInteger(value)
    }

    private func encodeFloat<T: BinaryFloatingPoint & CustomStringConvertible>(_ value: T) throws {
        try writer.state.pointee.checkFinite(value)
        try writer.state.pointee.beginElement(in: handle)
        writer.state.pointee.output.appendFloat(value)
    }
}
