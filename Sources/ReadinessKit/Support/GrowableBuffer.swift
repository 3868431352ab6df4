/// A growable run of trivial values that its owner deallocates: `Array` without copy-on-write.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private var base: UnsafeMutablePointer<Element>?
    private(set) var count = 0
    private var capacity = 0

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        (base.unsafelyUnwrapped + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// The elements, valid until the buffer next changes.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements, copied into an array.
    func array() -> [Element] {
        guard let base else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Forgets the elements, keeping the room they took.
    mutating func removeAll() {
        count = 0
    }

    /// Forgets the last `k` elements.
    mutating func removeLast(_ k: Int) {
        count -= k
    }

    /// Frees the room; the buffer must not be used again.
    func deallocate() {
        base?.deallocate()
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = Swift.max(minimum, 2 * capacity, 64)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.initialize(from: base, count: count)
            base.deallocate()
        }
        (base, capacity) = (newBase, newCapacity)
    }
}
