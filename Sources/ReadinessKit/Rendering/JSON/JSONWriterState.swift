/// Everything `PrettyJSONWriter` keeps while it writes: the output, and the stack of values being
/// written (`JSONFrame`), innermost last. Its methods never call into the values being encoded.
///
/// Each value is written where the output ends, an object's or array's members with their
/// separators in the order they are encoded; an object's members are put in key order when it
/// closes (`finishObject`). A value ends when its `encode(to:)` returns; a nested container or super
/// encoder, which has no end of its own, ends when its enclosing container is written to again or
/// ends. Using a container after its value ended, or any other use this cannot reproduce exactly,
/// sets `gaveUp`.
struct JSONWriterState: ~Copyable {
    var output = JSONByteBuffer(capacity: 1 << 16)
    private(set) var frames: [JSONFrame] = []
    /// The members of the open objects: each object's in one run, after its enclosing object's.
    var entries: [JSONEntry] = []
    /// The UTF-8 bytes of the keys of `entries`.
    var keys = JSONByteBuffer(capacity: 1 << 10)
    /// Room for putting an object's members in order.
    var scratch = JSONByteBuffer(capacity: 1 << 10)
    /// Set when the value used the encoder in a way whose `JSONEncoder` output this writer does
    /// not reproduce (see `JSONWriterGaveUp`): the output is then not to be used.
    private(set) var gaveUp = false
    /// Set when an error passed through a container: if the value caught it and went on, part of a
    /// member may have been written where `JSONEncoder` would have written none.
    var sawError = false
    /// The keys leading to the outermost frame, for a state writing a chunk of an array's elements
    /// (see `beginChunk`); empty otherwise.
    private var basePath: [JSONPathKey] = []
    private var lastID = 0

    /// The deepest level at which `JSONEncoder` writes an object or array (its writer refuses
    /// nesting of 512).
    static let maximumLevel = 510

    /// Marks the output as unusable, returning the error that says so.
    mutating func giveUp() -> JSONWriterGaveUp {
        gaveUp = true
        return JSONWriterGaveUp()
    }

    /// Opens a frame for a value beginning at the end of the output.
    mutating func push(level: Int, isOpenEnded: Bool, pathKey: JSONFrame.PathKey, shape: JSONFrame.Shape = .pending) -> JSONFrameHandle {
        lastID += 1
        frames.append(JSONFrame(
            id: lastID, shape: shape, level: level, start: output.count, firstEntry: entries.count, firstKey: keys.count,
            isOpenEnded: isOpenEnded, pathKey: pathKey))
        return JSONFrameHandle(index: frames.count - 1, id: lastID)
    }

    /// Opens a frame for the member just begun in the innermost frame: a closed one for a value
    /// asked to encode itself, an open-ended one for a nested container (`shape` `.object` or
    /// `.array`) or a super encoder (`.pending`).
    mutating func pushMember(isOpenEnded: Bool, shape: JSONFrame.Shape = .pending) -> JSONFrameHandle {
        let parent = frames[frames.count - 1]
        let pathKey: JSONFrame.PathKey
        if parent.shape == .array {
            pathKey = .index(parent.count - 1)
        } else if entries.count > parent.firstEntry, let entry = entries.last {
            pathKey = .key(start: entry.keyStart, count: entry.keyCount)
        } else {
            pathKey = .none
        }
        return push(level: parent.level + 1, isOpenEnded: isOpenEnded, pathKey: pathKey, shape: shape)
    }

    /// Opens the frame of an array whose elements from `firstIndex` on this state writes, as a chunk
    /// of the array `path` leads to, with its brackets at `level`. Only the elements' text is
    /// written (each with its separator); the array is never closed.
    mutating func beginChunk(path: [JSONPathKey], level: Int, firstIndex: Int) -> JSONFrameHandle {
        basePath = path
        let handle = push(level: level, isOpenEnded: false, pathKey: .none, shape: .array)
        frames[handle.index].count = firstIndex
        return handle
    }

    /// Appends `count` elements written elsewhere (`text`, each with its separator) to the array
    /// `handle`, which must be the innermost frame.
    mutating func appendElements(_ text: UnsafeRawBufferPointer, count: Int, to handle: JSONFrameHandle) {
        precondition(handle.index == frames.count - 1 && frames[handle.index].id == handle.id && frames[handle.index].shape == .array)
        frames[handle.index].count += count
        output.append(text.bindMemory(to: UInt8.self))
    }

    /// The indentation level of the brackets of `handle`'s value.
    func level(of handle: JSONFrameHandle) -> Int {
        frames[handle.index].level
    }

    /// Whether `handle` names a frame that is still open.
    func isOpen(_ handle: JSONFrameHandle) -> Bool {
        handle.index < frames.count && frames[handle.index].id == handle.id
    }

    /// Makes `handle`'s frame the innermost, closing the open-ended frames inside it; gives up if
    /// the frame has closed or a value inside it is still being encoded.
    @inline(__always)
    mutating func claim(_ handle: JSONFrameHandle) throws {
        if handle.index == frames.count - 1 && frames[handle.index].id == handle.id { return }
        try claimOuter(handle)
    }

    private mutating func claimOuter(_ handle: JSONFrameHandle) throws {
        guard isOpen(handle) else { throw giveUp() }
        while frames.count - 1 > handle.index {
            guard frames[frames.count - 1].isOpenEnded else { throw giveUp() }
            closeInnermost()
        }
    }

    /// Closes `handle`'s frame, which must be the innermost once open-ended frames are closed.
    mutating func close(_ handle: JSONFrameHandle) throws {
        try claim(handle)
        closeInnermost()
    }

    /// Writes the text that ends the innermost frame's value, and closes the frame.
    mutating func closeInnermost() {
        let frame = frames.removeLast()
        if frame.shape != .scalar && frame.level > Self.maximumLevel { gaveUp = true }
        switch frame.shape {
        case .scalar: break
        case .pending: output.appendEmpty(UInt8(ascii: "{"), UInt8(ascii: "}"), level: frame.level)
        case .object: finishObject(frame)
        case .array:
            if frame.count == 0 {
                output.appendEmpty(UInt8(ascii: "["), UInt8(ascii: "]"), level: frame.level)
            } else {
                output[frame.start] = UInt8(ascii: "[")
                output.appendClosing(UInt8(ascii: "]"), level: frame.level)
            }
        }
    }

    /// Makes the frame `handle` an object or array for a container; false (having given up) if it
    /// has closed, was written whole, or is already something else.
    mutating func makeContainer(_ handle: JSONFrameHandle, _ shape: JSONFrame.Shape) -> Bool {
        guard isOpen(handle), !frames[handle.index].isSealed else {
            gaveUp = true
            return false
        }
        switch frames[handle.index].shape {
        case .pending: frames[handle.index].shape = shape
        case shape: break
        default: gaveUp = true
        }
        return !gaveUp
    }

    /// Begins the member of the object `handle` named `key`: separator, key, `" : "`.
    mutating func beginEntry(_ key: String, in handle: JSONFrameHandle) throws {
        try claim(handle)
        let start = output.count
        output.appendSeparator(level: frames[handle.index].level + 1)
        let keyStart = keys.count
        var key = key
        key.withUTF8 { utf8 in
            output.appendString(utf8: utf8)
            keys.append(utf8)
        }
        output.append(" : ")
        entries.append(JSONEntry(keyStart: keyStart, keyCount: keys.count - keyStart, start: start, end: start))
    }

    /// Begins the next member of the array `handle`: separator and indentation.
    mutating func beginElement(in handle: JSONFrameHandle) throws {
        try claim(handle)
        frames[handle.index].count += 1
        output.appendSeparator(level: frames[handle.index].level + 1)
    }

    /// Begins a scalar written through a single-value container as the value of `handle`.
    mutating func beginScalar(_ handle: JSONFrameHandle) throws {
        try beginWhole(handle)
        frames[handle.index].shape = .scalar
    }

    /// Checks that the frame `handle` can take a value written whole through a single-value
    /// container: open, innermost, and with nothing written yet.
    mutating func beginWhole(_ handle: JSONFrameHandle) throws {
        try claim(handle)
        guard frames[handle.index].shape == .pending, !frames[handle.index].isSealed else { throw giveUp() }
    }

    /// Marks the frame `handle` as written whole, after a value encoded itself into it; a value that
    /// encoded nothing is an empty object, as `JSONEncoder` holds it.
    mutating func seal(_ handle: JSONFrameHandle) throws {
        guard isOpen(handle) else { throw giveUp() }
        if frames[handle.index].shape == .pending { frames[handle.index].shape = .object }
        frames[handle.index].isSealed = true
    }

    /// Whether the frame `handle` has nothing written (so, at the top, nothing was encoded).
    func isPending(_ handle: JSONFrameHandle) -> Bool {
        isOpen(handle) && frames[handle.index].shape == .pending
    }

    /// The number of members of the array `handle`.
    func count(of handle: JSONFrameHandle) -> Int {
        isOpen(handle) ? frames[handle.index].count : 0
    }

    /// The keys leading to the value of `handle`.
    func codingPath(to handle: JSONFrameHandle) -> [any CodingKey] {
        pathKeys(to: handle)
    }

    /// `codingPath(to:)` as the writer's own keys.
    func pathKeys(to handle: JSONFrameHandle) -> [JSONPathKey] {
        guard isOpen(handle) else { return [] }
        return basePath + frames[...handle.index].compactMap { frame -> JSONPathKey? in
            switch frame.pathKey {
            case .none: nil
            case .index(let index): JSONPathKey(intValue: index)
            case .key(let start, let count):
                JSONPathKey(stringValue: String(decoding: UnsafeBufferPointer(rebasing: keys.bytes[start..<start + count]), as: UTF8.self))
            }
        }
    }
}
