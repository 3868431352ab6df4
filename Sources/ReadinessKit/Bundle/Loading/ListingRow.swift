/// One record of an evidence listing as a reader hands it to `BlockBuilder`, whatever the file's
/// format; valid only during the callback that receives it.
protocol ListingRow {
    /// 1-based number among the listing's records.
    var number: Int { get }
    /// The line the record starts on.
    var line: Int { get }
    /// Problems with the record as a whole, found while reading it (an unknown key, say).
    var problems: [Diagnostic] { get }
    /// Whether the record holds an item; one that could not be read has only `problems`.
    var isItem: Bool { get }
    /// Appends field `index`'s value to `writer`, which converts it to the field's type.
    func write(_ index: Int, into writer: inout ColumnWriter) throws(ScalarConverter.Failure)
    /// Calls `body` with the UTF-8 bytes of field `index`'s single value (empty when it has none).
    func withField<Result, Failure: Error>(
        _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result
    /// The file location of field `index`, or of the record when the field is not given.
    func location(ofField index: Int) -> SourceLocation
}

extension ListingRow {
    /// Field `index`'s single value as a string.
    func field(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A place in a listing's bytes: the line, the offset where that line starts, and the offset.
struct ListingPosition {
    var line: Int
    var lineStart: Int
    var offset: Int

    /// The location in `file`, counting columns in Unicode scalars from the start of the line.
    func location(in buffer: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        let end = min(offset, buffer.count)
        let prefix = buffer[min(lineStart, end)..<end]
        let column = prefix.reduce(1) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }
}
