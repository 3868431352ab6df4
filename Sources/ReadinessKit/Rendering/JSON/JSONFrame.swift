/// One value being written by `PrettyJSONWriter`: the top-level value, or a member of an object
/// or array whose text is still growing at the end of the output.
struct JSONFrame {
    /// What the value has turned out to be so far.
    enum Shape {
        /// Nothing written yet; ends up as `{}` (as `JSONEncoder` writes a value that encodes nothing).
        case pending
        case object
        case array
        /// A string, number, `true`, `false` or `null`, already written.
        case scalar
    }

    /// How the value was reached from its container, for `codingPath`.
    enum PathKey {
        case none
        case index(Int)
        /// A key of the enclosing object, by its place in `JSONWriterState.keys`.
        case key(start: Int, count: Int)
    }

    /// Tells this frame from an earlier one at the same depth of the stack.
    var id: Int
    var shape: Shape = .pending
    /// The indentation level of the value's brackets.
    var level: Int
    /// Where the value's text begins in the output. Every member, object or array, begins with
    /// `,\n` and indentation, so the members are contiguous from here.
    var start: Int
    /// Where the members of an object begin in `JSONWriterState.entries`.
    var firstEntry: Int
    /// Where the keys of an object begin in `JSONWriterState.keys`.
    var firstKey: Int
    /// The number of members of an array.
    var count = 0
    /// Opened by `nestedContainer`, `nestedUnkeyedContainer` or `superEncoder`, which have no end
    /// of their own: closed when the enclosing container is written to again or closes.
    var isOpenEnded: Bool
    /// Written whole through a single-value container, so no other container may add to it.
    var isSealed = false
    var pathKey: PathKey
}

/// A member of an object being written: its key and where its text is in the output.
struct JSONEntry {
    /// The key's UTF-8 bytes in `JSONWriterState.keys`.
    var keyStart: Int
    var keyCount: Int
    /// The member's text, from its `,\n` to the end of its value.
    var start: Int
    var end: Int
}

/// A frame as containers and encoders refer to it: its place in the stack and its id.
struct JSONFrameHandle {
    var index: Int
    var id: Int

    /// A handle that no frame matches, for containers made after the writer gave up.
    static let none = JSONFrameHandle(index: Int.max, id: -1)
}

/// Thrown inside the encoder when a value uses it in a way `PrettyJSONWriter` cannot write exactly
/// as `JSONEncoder` would; `PrettyJSONEncoder` then encodes the value with `JSONEncoder`.
struct JSONWriterGaveUp: Error {}

/// A key in `codingPath`.
struct JSONPathKey: CodingKey, Sendable {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }

    /// An array index, named as `JSONEncoder` names one.
    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
