import Foundation

/// The writer behind one `PrettyJSONEncoder.encode` call, which encoders and containers hold: the
/// steps that ask values to encode themselves, around a `JSONWriterState`.
///
/// The state sits behind a pointer. As stored properties of a class, every use would be checked
/// at run time for overlapping access, which costs more than the writing itself. Each use of
/// `state.pointee` is one method call that never calls back into a value, so none overlap.
final class PrettyJSONWriter {
    let state: UnsafeMutablePointer<JSONWriterState>
    /// When long arrays are encoded in chunks on several threads (`PrettyJSONWriter+Chunks.swift`);
    /// nil to encode everything on the calling thread, as a chunk's own writer does.
    var concurrency: JSONArrayConcurrency?
    /// How many chunks of arrays were encoded on other threads and spliced in (for tests).
    var chunksSpliced = 0

    init(concurrency: JSONArrayConcurrency? = JSONArrayConcurrency()) {
        self.concurrency = concurrency
        state = .allocate(capacity: 1)
        state.initialize(to: JSONWriterState())
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The JSON text written, then `terminator`; the writer is left empty.
    func takeText(terminator: StaticString = "") -> Data {
        state.pointee.output.append(terminator)
        return state.pointee.output.takeData()
    }

    /// Whether the text is not `JSONEncoder`'s (see `JSONWriterState.gaveUp` and `sawError`).
    var isUnusable: Bool { state.pointee.gaveUp || state.pointee.sawError }

    /// Encodes `value` as the whole document.
    func encodeRoot<T: Encodable>(_ value: T) throws {
        if try state.pointee.writeSpecial(value) { return }
        let root = state.pointee.push(level: 0, isOpenEnded: false, pathKey: .none)
        try encodeContent(value, into: root)
        try state.pointee.claim(root)
        if state.pointee.isPending(root), !isUnusable {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        state.pointee.closeInnermost()
    }

    /// Writes `value` as the member just begun in the innermost frame.
    @inline(__always)
    func encodeMember<T: Encodable>(_ value: T) throws {
        if try state.pointee.writeSpecial(value) { return }
        let member = state.pointee.pushMember(isOpenEnded: false)
        try encodeContent(value, into: member)
        try state.pointee.close(member)
    }

    /// Writes `value` through a single-value container as the whole value of `handle`.
    func encodeWhole<T: Encodable>(_ value: T, in handle: JSONFrameHandle) throws {
        try state.pointee.beginWhole(handle)
        if try state.pointee.writeSpecial(value) {
            try state.pointee.beginScalar(handle)
            return
        }
        try encodeContent(value, into: handle)
        try state.pointee.seal(handle)
    }

    private func encodeContent<T: Encodable>(_ value: T, into handle: JSONFrameHandle) throws {
        do {
            // An array is one reference wide: testing that first spares other values the cast
            // (some 20 ns each) and the checked read of `concurrency`.
            if MemoryLayout<T>.size == MemoryLayout<[Int]>.size, let concurrency,
               let arrayType = T.self as? any ConcurrentlyEncodableArray.Type,
               arrayType.encodeInChunks(value, by: self, into: handle, concurrency) {
                return
            }
            try value.encode(to: JSONValueEncoder(writer: self, handle: handle))
        } catch {
            state.pointee.sawError = true
            throw error
        }
    }
}
