import Foundation

/// Growable bytes in memory the buffer manages itself: appending is a capacity check and a copy,
/// without an array's uniqueness and bounds checks. It cannot be copied, so exactly one owner frees
/// the memory, when the buffer goes away.
struct JSONByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        guard let memory = malloc(self.capacity) else { fatalError("out of memory") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    /// The bytes written, handed over without copying; the buffer is left empty (and still to be
    /// released).
    mutating func takeData() -> Data {
        let length = count
        let bytes = realloc(base, max(length, 1)) ?? UnsafeMutableRawPointer(base)
        // The memory is the data's now; the buffer starts again in new memory (assigning a new
        // buffer to `self` would free the memory just handed over).
        guard let memory = malloc(16) else { fatalError("out of memory") }
        (base, count, capacity) = (memory.assumingMemoryBound(to: UInt8.self), 0, 16)
        return Data(bytesNoCopy: bytes, count: length, deallocator: .free)
    }

    /// The bytes written so far (valid until the next append).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    subscript(index: Int) -> UInt8 {
        get {
            precondition(index >= 0 && index < count)
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        guard let memory = realloc(base, capacity) else { fatalError("out of memory") }
        base = memory.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        (base + count).update(from: bytes, count: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    /// `length` bytes that `body` writes at the pointer it is given.
    @inline(__always)
    mutating func append(writing length: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
        reserve(length)
        body(base + count)
        count += length
    }

    /// `length` copies of `byte`.
    mutating func append(repeating byte: UInt8, count length: Int) {
        reserve(length)
        (base + count).initialize(repeating: byte, count: length)
        count += length
    }

    mutating func removeLast(_ length: Int) {
        precondition(length >= 0 && length <= count)
        count -= length
    }

    mutating func removeAll() { count = 0 }
}
