import Foundation

/// Consecutive rows of one record type held column by column: how an evidence listing is read, so
/// rules can test a field over thousands of rows in one pass instead of one record at a time.
///
/// Every cell holds exactly the value the row's `Record` would hold in that slot (`record(at:)`
/// rebuilds it). A field the block has no column for is absent in every row.
public struct ColumnBlock: Sendable {
    /// The rows' record type (`EvidenceItem`).
    public let type: RecordType
    /// The number of rows.
    public let count: Int
    /// The position of the first row in its collection.
    public let firstIndex: Int
    /// Columns by field.
    public let columns: [FieldKey: Column]
    /// The collection the rows belong to (`evidence`), for their data paths.
    public let collection: String
    /// The record types of record-typed fields that have nested columns, by slot.
    public let nestedTypes: [Int: RecordType]
    /// The file the rows were read from, and the line each row starts on.
    let file: String
    let lines: [Int32]

    public init(
        type: RecordType, collection: String, firstIndex: Int, count: Int, columns: [FieldKey: Column],
        nestedTypes: [Int: RecordType], file: String, lines: [Int32]
    ) {
        self.type = type
        self.collection = collection
        self.firstIndex = firstIndex
        self.count = count
        self.columns = columns
        self.nestedTypes = nestedTypes
        self.file = file
        self.lines = lines
    }

    /// The same rows as items `items` further on in their collection, starting `lines` lines
    /// further into their file (for a part of a file read apart from what precedes it).
    func moved(byItems items: Int, lines offset: Int) -> ColumnBlock {
        ColumnBlock(type: type, collection: collection, firstIndex: firstIndex + items, count: count, columns: columns,
                    nestedTypes: nestedTypes, file: file, lines: lines.map { Int32(clamping: Int($0) + offset) })
    }

    /// A field of the rows' type (`nested` nil), or a field of a record-typed field (e.g. `grading.method`).
    public struct FieldKey: Hashable, Sendable {
        public var slot: Int
        public var nested: Int?

        public init(slot: Int, nested: Int? = nil) {
            self.slot = slot
            self.nested = nested
        }
    }

    /// One field's values for every row of the block; `nil` is absent.
    public enum Column: Sendable {
        /// `string`, enumeration, `reference` and `attachment` fields: the value's UTF-8 bytes.
        case text(TextColumn)
        case bool([Bool?])
        case int([Int?])
        case number([Double?])
        case date([Day?])
        case timestamp([Instant?])
        /// Lists of strings or enumeration values.
        case textList(TextListColumn)
        /// Values of more than one kind: a date-and-time field where a row gives a date only.
        case values([Value])
    }
}

/// Text cells packed in one buffer: cell `i` is `bytes[start(i)..<ends[i]]`, absent when `present[i]` is false.
public struct TextColumn: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var ends: [Int32] = []
    public private(set) var present: [Bool] = []

    public init() {}

    /// A column of the cells `bytes` holds: cell `i` ends at `ends[i]` and is absent unless `present[i]`.
    init(bytes: [UInt8], ends: [Int32], present: [Bool]) {
        (self.bytes, self.ends, self.present) = (bytes, ends, present)
    }

    public var count: Int { ends.count }

    /// Where cell `index` starts in `bytes`.
    @inline(__always)
    public func start(_ index: Int) -> Int { index == 0 ? 0 : Int(ends[index - 1]) }

    /// Appends a cell; `nil` is an absent cell.
    public mutating func append<Bytes: Collection>(_ cell: Bytes?) where Bytes.Element == UInt8 {
        if let cell { bytes.append(contentsOf: cell) }
        ends.append(Int32(bytes.count))
        present.append(cell != nil)
    }

    /// The cell as a string, or `nil` when absent.
    public func string(at index: Int) -> String? {
        guard present[index] else { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start(index)..<Int(ends[index])], as: UTF8.self) }
    }

    /// Whether cells `first` and `second` are both absent, or both present with the same bytes.
    public func cellsEqual(_ first: Int, _ second: Int) -> Bool {
        guard present[first] == present[second] else { return false }
        let (firstStart, secondStart) = (start(first), start(second))
        let length = Int(ends[first]) - firstStart
        guard length == Int(ends[second]) - secondStart else { return false }
        guard length > 0 else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + firstStart, $0.baseAddress! + secondStart, length) == 0 }
    }

    /// Calls `body` with cell `index`'s bytes (empty when absent).
    @inline(__always)
    public func withCell<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start(index)..<Int(ends[index])])) }
    }
}

/// Lists of text, one per row: row `i` holds elements `elementStart(i)..<rowEnds[i]` of `elements`;
/// an absent list has `present[i]` false and no elements. A present list always has an element.
public struct TextListColumn: Sendable {
    public private(set) var elements = TextColumn()
    public private(set) var rowEnds: [Int32] = []
    public private(set) var present: [Bool] = []

    public init() {}

    /// A column of lists: row `i`'s elements end at `rowEnds[i]`, and it is absent unless `present[i]`.
    init(elements: TextColumn, rowEnds: [Int32], present: [Bool]) {
        (self.elements, self.rowEnds, self.present) = (elements, rowEnds, present)
    }

    public var count: Int { rowEnds.count }

    /// Where row `index`'s elements start in `elements`.
    @inline(__always)
    public func elementStart(_ index: Int) -> Int { index == 0 ? 0 : Int(rowEnds[index - 1]) }

    /// Appends a row; `nil` is an absent list.
    public mutating func append<Bytes: Collection>(_ list: [Bytes]?) where Bytes.Element == UInt8 {
        for element in list ?? [] { elements.append(element) }
        rowEnds.append(Int32(elements.count))
        present.append(list != nil)
    }

    /// Row `index`'s elements as strings, or `nil` when absent.
    public func strings(at index: Int) -> [String]? {
        guard present[index] else { return nil }
        return (elementStart(index)..<Int(rowEnds[index])).map { elements.string(at: $0) ?? "" }
    }
}

extension ColumnBlock {
    /// The value of `key` in row `row`, as the row's record holds it (`.null` when absent).
    public func value(_ key: FieldKey, at row: Int) -> Value {
        guard let column = columns[key] else { return .null }
        return column.value(at: row)
    }

    /// Row `row` as a record: the same record a row-by-row read of the listing gives.
    ///
    /// A record-typed field (grading) is present when any of its nested cells is.
    public func record(at row: Int) -> Record {
        record(at: row, slots: nil)
    }

    /// Row `row` as a record with only the fields in `slots` (and the id) filled in, the others
    /// absent: for a rule that reads no others, so cells it never reads are not fetched. `nil`
    /// fills in every field.
    func record(at row: Int, slots: Set<Int>?) -> Record {
        var fields = [Value](repeating: .null, count: type.fields.count)
        var nested: [Int: [Value]] = [:]
        for (key, column) in columns where slots == nil || key.slot == type.idSlot || slots!.contains(key.slot) {
            let value = column.value(at: row)
            guard let inner = key.nested else {
                fields[key.slot] = value
                continue
            }
            guard !value.isNull, let nestedType = nestedTypes[key.slot] else { continue }
            nested[key.slot, default: [Value](repeating: .null, count: nestedType.fields.count)][inner] = value
        }
        let index = firstIndex + row
        let location = SourceLocation(file: file, line: Int(lines[row]), column: 1)
        if !nested.isEmpty {
            let parent = "\(collection)[\(type.idSlot.flatMap { fields[$0].stringValue } ?? String(index))]"
            for (slot, values) in nested {
                guard let nestedType = nestedTypes[slot] else { continue }
                fields[slot] = .record(Record(type: nestedType, fields: values, origin: .field(parent: parent, field: type.fields[slot].name),
                                              location: location))
            }
        }
        return Record(type: type, fields: fields, origin: .element(parent: nil, field: collection, index: index), location: location)
    }
}

extension ColumnBlock.Column {
    /// The value in row `row` (`.null` when absent).
    public func value(at row: Int) -> Value {
        switch self {
        case .text(let cells): cells.string(at: row).map(Value.string) ?? .null
        case .bool(let flags): flags[row].map(Value.bool) ?? .null
        case .int(let numbers): numbers[row].map(Value.int) ?? .null
        case .number(let numbers): numbers[row].map(Value.number) ?? .null
        case .date(let days): days[row].map(Value.date) ?? .null
        case .timestamp(let instants): instants[row].map(Value.timestamp) ?? .null
        case .textList(let lists): lists.strings(at: row).map { .list($0.map(Value.string)) } ?? .null
        case .values(let values): values[row]
        }
    }
}
