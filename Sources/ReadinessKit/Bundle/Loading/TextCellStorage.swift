/// The buffers a text or text-list column is built in while a listing is read.
///
/// Appending to the three `Array`s of a `TextColumn` costs a uniqueness check, a capacity check
/// and a generic call per array per cell; with 20 million cells in a large listing that was about a
/// tenth of reading it. Here a cell is appended with plain pointer writes, and the arrays are made
/// once per block (`takeText()`, `takeList()`), with a copy of each buffer.
///
/// It is a reference type, so its `ColumnWriter` is not a value on its own: the writer gets a
/// storage of its own at the start of every block (`ColumnWriter.startBlock()`), which is the only
/// time a `BlockBuilder` is copied (to a parsing thread, or when resumed). That is also why it may
/// cross threads: a storage is changed only by a writer holding the one reference to it, so no
/// other thread can reach it meanwhile.
final class TextCellStorage: @unchecked Sendable {
    /// The buffers sit behind a pointer: as stored properties of a class, every use would be
    /// checked at run time for overlapping access, which costs more than the appending itself.
    private let buffers: UnsafeMutablePointer<Buffers>

    private struct Buffers {
        /// Every cell's (or list element's) bytes, one after another.
        var bytes = GrowableBuffer<UInt8>()
        /// Where each cell (element) ends in `bytes`, and whether it is present.
        var ends = GrowableBuffer<Int32>()
        var present = GrowableBuffer<Bool>()
        /// For lists: where each row's elements end among the elements, and whether the list is present.
        var rowEnds = GrowableBuffer<Int32>()
        var rowPresent = GrowableBuffer<Bool>()

        @inline(__always)
        mutating func append(_ cell: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: cell)
            ends.append(Int32(bytes.count))
            present.append(true)
        }

        @inline(__always)
        mutating func endList(present isPresent: Bool) {
            rowEnds.append(Int32(ends.count))
            rowPresent.append(isPresent)
        }

        mutating func removeAll() {
            bytes.removeAll()
            ends.removeAll()
            present.removeAll()
            rowEnds.removeAll()
            rowPresent.removeAll()
        }

        func deallocate() {
            bytes.deallocate()
            ends.deallocate()
            present.deallocate()
            rowEnds.deallocate()
            rowPresent.deallocate()
        }
    }

    init() {
        buffers = .allocate(capacity: 1)
        buffers.initialize(to: Buffers())
    }

    deinit {
        buffers.pointee.deallocate()
        buffers.deinitialize(count: 1)
        buffers.deallocate()
    }

    // MARK: Text cells

    /// Appends a present cell.
    @inline(__always)
    func append(_ cell: UnsafeBufferPointer<UInt8>) {
        buffers.pointee.append(cell)
    }

    /// Appends an absent cell.
    @inline(__always)
    func appendAbsent() {
        buffers.pointee.ends.append(Int32(buffers.pointee.bytes.count))
        buffers.pointee.present.append(false)
    }

    /// The cells appended since the last take, as a column; the storage is left empty, its room kept.
    func takeText() -> TextColumn {
        defer { buffers.pointee.removeAll() }
        let taken = buffers.pointee
        return TextColumn(bytes: taken.bytes.array(), ends: taken.ends.array(), present: taken.present.array())
    }

    // MARK: Lists

    /// Appends a present list whose elements are `cell` split at every `separator`, if every
    /// element passes `test`; otherwise appends nothing and returns false.
    @inline(__always)
    func appendList(
        splitting cell: UnsafeBufferPointer<UInt8>, at separator: UInt8, where test: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        let (byteCount, elementCount) = (buffers.pointee.bytes.count, buffers.pointee.ends.count)
        var start = 0
        for index in cell.indices where cell[index] == separator {
            let element = UnsafeBufferPointer(rebasing: cell[start..<index])
            guard test(element) else { return rollBack(bytes: byteCount, elements: elementCount) }
            buffers.pointee.append(element)
            start = index + 1
        }
        let last = UnsafeBufferPointer(rebasing: cell[start...])
        guard test(last) else { return rollBack(bytes: byteCount, elements: elementCount) }
        buffers.pointee.append(last)
        buffers.pointee.endList(present: true)
        return true
    }

    /// Forgets the elements of a list being appended; returns false.
    private func rollBack(bytes byteCount: Int, elements elementCount: Int) -> Bool {
        buffers.pointee.bytes.removeLast(buffers.pointee.bytes.count - byteCount)
        buffers.pointee.ends.removeLast(buffers.pointee.ends.count - elementCount)
        buffers.pointee.present.removeLast(buffers.pointee.present.count - elementCount)
        return false
    }

    /// Appends a present list of `elements`.
    func appendList(_ elements: [UnsafeBufferPointer<UInt8>]) {
        for element in elements { buffers.pointee.append(element) }
        buffers.pointee.endList(present: true)
    }

    /// Appends a present list of `elements`.
    func appendList(_ elements: [[UInt8]]) {
        for element in elements { element.withUnsafeBufferPointer { buffers.pointee.append($0) } }
        buffers.pointee.endList(present: true)
    }

    /// Appends an absent list.
    @inline(__always)
    func appendAbsentList() {
        buffers.pointee.endList(present: false)
    }

    /// The lists appended since the last take, as a column; the storage is left empty, its room kept.
    func takeList() -> TextListColumn {
        defer { buffers.pointee.removeAll() }
        let taken = buffers.pointee
        let elements = TextColumn(bytes: taken.bytes.array(), ends: taken.ends.array(), present: taken.present.array())
        return TextListColumn(elements: elements, rowEnds: taken.rowEnds.array(), present: taken.rowPresent.array())
    }
}
