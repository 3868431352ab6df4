import Foundation

/// When `PrettyJSONWriter` splits the elements of a long array across threads.
struct JSONArrayConcurrency: Sendable {
    /// The default `threshold`. 2,048 findings take a few milliseconds to write on one thread;
    /// splitting shorter arrays as well saved nothing measurable on a 34 MB report.
    static let defaultThreshold = 2_048

    /// The fewest elements an array has for them to be split.
    var threshold = Self.defaultThreshold
    /// How many contiguous runs of elements an array is split into: two per core, so that a core
    /// done early takes another. One or fewer means no splitting.
    var chunks = 2 * ProcessInfo.processInfo.activeProcessorCount
}

extension PrettyJSONWriter {
    /// Writes `elements` as the array `handle`, the value just begun at the end of the output, as
    /// `Array.encode(to:)` would: each chunk of elements is written by a writer of its own on its
    /// own thread, at the array's depth and with the elements' coding paths, and the chunks' text
    /// is appended in order. Nested arrays inside a chunk are written on its thread.
    ///
    /// An element is encoded on its own frame and only sees its own encoder, so its text, and
    /// whether it throws or gives up, do not depend on what came before it. If any chunk threw or
    /// made its text unusable, nothing is written and this returns false: the array is then encoded
    /// again on this thread (and every array after it), which throws the first error in element
    /// order, or gives up, exactly as without chunks.
    func encodeInChunks<Element: ConcurrentlyEncodable>(
        _ elements: [Element], into handle: JSONFrameHandle, _ concurrency: JSONArrayConcurrency
    ) -> Bool {
        let chunkCount = min(concurrency.chunks, elements.count)
        guard elements.count >= concurrency.threshold, chunkCount > 1, !isUnusable,
              state.pointee.makeContainer(handle, .array)
        else { return false }
        let path = state.pointee.pathKeys(to: handle), level = state.pointee.level(of: handle)
        let bounds = (0...chunkCount).map { elements.count * $0 / chunkCount }
        let texts = SharedSlot<[Data?]>()
        texts.value = Array(repeating: nil, count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let slice = elements[bounds[chunk]..<bounds[chunk + 1]]
            let text = Element.text(of: slice, level: level) ?? Self.encodeChunk(slice, path: path, level: level)
            texts.update { $0?[chunk] = text }
        }
        let chunks = (texts.value ?? []).compactMap { $0 }
        guard chunks.count == chunkCount else {
            self.concurrency = nil
            return false
        }
        state.pointee.output.reserve(chunks.reduce(0) { $0 + $1.count })
        for (chunk, text) in chunks.enumerated() {
            text.withUnsafeBytes { state.pointee.appendElements($0, count: bounds[chunk + 1] - bounds[chunk], to: handle) }
        }
        chunksSpliced += chunkCount
        return true
    }

    /// The text of `elements` as members of the array `path` leads to, whose brackets are at
    /// `level`: each element with its separator, as `Array.encode(to:)` writes them through an
    /// unkeyed container. Nil if an element threw or made the text unusable.
    private static func encodeChunk<Element: Encodable>(_ elements: ArraySlice<Element>, path: [JSONPathKey], level: Int) -> Data? {
        let writer = PrettyJSONWriter(concurrency: nil)
        let array = writer.state.pointee.beginChunk(path: path, level: level, firstIndex: elements.startIndex)
        var container = JSONUnkeyedContainer(writer: writer, handle: array)
        do {
            for element in elements { try container.encode(element) }
        } catch {
            return nil
        }
        return writer.isUnusable ? nil : writer.takeText()
    }
}
