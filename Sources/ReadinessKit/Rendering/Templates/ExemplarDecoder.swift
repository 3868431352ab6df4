/// A decoder that invents a value for every field: "x" for text, 1 for numbers, `true` for flags
/// and a one-element list for every list, so that `Mirror` over the result shows every name a
/// view model has, at every depth.
struct ExemplarDecoder: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer { Unkeyed(codingPath: codingPath) }

    func singleValueContainer() -> any SingleValueDecodingContainer { Single(codingPath: codingPath) }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var codingPath: [any CodingKey]
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try Single(codingPath: codingPath + [key]).decode(type)
        }
        func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type, forKey key: Key) -> KeyedDecodingContainer<Nested> {
            KeyedDecodingContainer(Keyed<Nested>(codingPath: codingPath + [key]))
        }
        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer { Unkeyed(codingPath: codingPath + [key]) }
        func superDecoder() -> any Decoder { ExemplarDecoder(codingPath: codingPath) }
        func superDecoder(forKey key: Key) -> any Decoder { ExemplarDecoder(codingPath: codingPath + [key]) }
    }

    /// A list of exactly one element.
    private struct Unkeyed: UnkeyedDecodingContainer {
        var codingPath: [any CodingKey]
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex >= 1 }
        var currentIndex = 0

        init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

        mutating func decodeNil() -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try Single(codingPath: codingPath).decode(type)
        }
        mutating func nestedContainer<Nested: CodingKey>(keyedBy type: Nested.Type) -> KeyedDecodingContainer<Nested> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<Nested>(codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(codingPath: codingPath)
        }
        mutating func superDecoder() -> any Decoder { ExemplarDecoder(codingPath: codingPath) }
    }

    private struct Single: SingleValueDecodingContainer {
        var codingPath: [any CodingKey]

        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            switch type {
            case is Bool.Type: return try cast(true)
            case is String.Type: return try cast("x")
            case is Int.Type: return try cast(1)
            case is Double.Type: return try cast(1.0)
            default: return try T(from: ExemplarDecoder(codingPath: codingPath))
            }
        }

        private func cast<T>(_ value: Any) throws -> T {
            guard let typed = value as? T else {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "exemplar"))
            }
            return typed
        }
    }
}
