import Foundation

/// Converts one CSV column's cells into a `ColumnBlock.Column`.
///
/// Common forms (`true`, `42`, an enumeration word, `2026-01-31T10:00:00Z`, plain text) are
/// converted straight from the bytes; anything else goes through `ScalarConverter`, so a cell
/// means exactly what the same text means in YAML and fails with the same message.
struct ColumnWriter {
    let name: String
    let type: FieldType
    let required: Bool
    /// Whether the last cell appended was present.
    private(set) var lastPresent = false
    /// Until the block's first present cell, absent cells are only counted, so a column no row of
    /// the block gives costs nothing and is left out of it (a JSON Lines item leaves out most
    /// optional keys): `finish` then gives no column, which reads as absent on every row.
    private var anyPresent = false
    private var uncountedAbsent = 0
    private var kind: Kind
    /// The cases of an enumeration (or of a list's enumeration elements), as bytes; empty for free text.
    private let cases: CaseSet
    /// Text and list cells (see `startBlock()`).
    private var cells = TextCellStorage()
    private var flags: [Bool?] = []
    private var ints: [Int?] = []
    private var numbers: [Double?] = []
    private var days: [Day?] = []
    private var instants: [Instant?] = []
    /// The cells of a date-and-time column once a row gives a date only (see `ColumnBlock.Column.values`).
    private var mixed: [Value] = []

    private enum Kind { case text, textList, bool, int, number, date, timestamp, mixed }

    /// A writer for a field of `type`, or `nil` when cells cannot hold that type (a record, or a list of non-text).
    init?(name: String, type: FieldType, required: Bool) {
        self.name = name
        self.type = type
        self.required = required
        switch type {
        case .string, .reference, .attachment: (kind, cases) = (.text, CaseSet([]))
        case .enumeration(let values): (kind, cases) = (.text, CaseSet(values.cases))
        case .bool: (kind, cases) = (.bool, CaseSet([]))
        case .int: (kind, cases) = (.int, CaseSet([]))
        case .number: (kind, cases) = (.number, CaseSet([]))
        case .date: (kind, cases) = (.date, CaseSet([]))
        case .dateTime: (kind, cases) = (.timestamp, CaseSet([]))
        case .list(.string): (kind, cases) = (.textList, CaseSet([]))
        case .list(.enumeration(let values)): (kind, cases) = (.textList, CaseSet(values.cases))
        case .list, .record: return nil
        }
    }

    /// The column so far, or `nil` when every cell in it is absent; the writer starts a new, empty one.
    mutating func finish() -> ColumnBlock.Column? {
        defer { self = ColumnWriter(copying: self) }
        guard anyPresent else { return nil }
        return switch kind {
        case .text: .text(cells.takeText())
        case .textList: .textList(cells.takeList())
        case .bool: .bool(flags)
        case .int: .int(ints)
        case .number: .number(numbers)
        case .date: .date(days)
        case .timestamp: .timestamp(instants)
        case .mixed: .values(mixed)
        }
    }

    /// An empty writer for the same field, with room for as many rows as `writer` took; its text
    /// storage, emptied by `finish`, is kept.
    private init(copying writer: ColumnWriter) {
        (name, type, required, cases) = (writer.name, writer.type, writer.required, writer.cases)
        kind = writer.kind == .mixed ? .timestamp : writer.kind
        cells = writer.cells
        let rows = max(writer.flags.count, writer.ints.count, writer.numbers.count, writer.days.count, writer.instants.count,
                       writer.mixed.count)
        switch kind {
        case .text, .textList: break
        case .bool: flags.reserveCapacity(rows)
        case .int: ints.reserveCapacity(rows)
        case .number: numbers.reserveCapacity(rows)
        case .date: days.reserveCapacity(rows)
        case .timestamp, .mixed: instants.reserveCapacity(rows)
        }
    }

    /// Makes the text storage this writer's own: called before the first row of every block, as a
    /// copied `BlockBuilder` (one per parsing thread) otherwise shares it with the original.
    mutating func startBlock() {
        if !isKnownUniquelyReferenced(&cells) { cells = TextCellStorage() }
    }

    /// Appends an absent cell (also after a conversion failure, so the rows stay aligned).
    mutating func appendAbsent() {
        lastPresent = false
        guard anyPresent else { return uncountedAbsent += 1 }
        writeAbsent()
    }

    /// Marks the cell being appended present, first writing the absent cells counted before it.
    @inline(__always)
    private mutating func startPresent() {
        lastPresent = true
        guard !anyPresent else { return }
        anyPresent = true
        for _ in 0..<uncountedAbsent { writeAbsent() }
        uncountedAbsent = 0
    }

    private mutating func writeAbsent() {
        switch kind {
        case .text: cells.appendAbsent()
        case .textList: cells.appendAbsentList()
        case .bool: flags.append(nil)
        case .int: ints.append(nil)
        case .number: numbers.append(nil)
        case .date: days.append(nil)
        case .timestamp: instants.append(nil)
        case .mixed: mixed.append(.null)
        }
    }

    /// Converts and appends one cell's bytes; on failure nothing is appended.
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>) throws(ScalarConverter.Failure) {
        if Self.isNull(cell) { return appendAbsent() }
        startPresent()
        switch kind {
        case .text:
            guard cases.isEmpty || cases.contains(cell) else { return try appendSlowly(cell) }
            cells.append(cell)
        case .textList:
            guard cells.appendList(splitting: cell, at: UInt8(ascii: ";"), where: { isPlainElement($0) }) else { return try appendSlowly(cell) }
        case .bool:
            guard let flag = Self.bool(cell) else { return try appendSlowly(cell) }
            flags.append(flag)
        case .int:
            guard let number = Self.int(cell) else { return try appendSlowly(cell) }
            ints.append(number)
        case .date:
            guard case .date(let day) = TemporalParser.parse(bytes: cell) else { return try appendSlowly(cell) }
            days.append(day)
        case .timestamp:
            guard case .timestamp(let instant) = TemporalParser.parse(bytes: cell) else { return try appendSlowly(cell) }
            instants.append(instant)
        case .number, .mixed:
            try appendSlowly(cell)
        }
    }

    /// Whether an element of a list cell is plain: not empty, no surrounding blanks, not a null
    /// form, and one of the cases of an enumeration. A list of plain elements is stored as it is
    /// split; any other takes the converter's path.
    @inline(__always)
    private func isPlainElement(_ element: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = element.first, let last = element.last, first != 0x20, first != 0x09, last != 0x20, last != 0x09
        else { return false }
        return !Self.isNull(element) && (cases.isEmpty || cases.contains(element))
    }

    /// Converts and appends a quoted value (a JSON string): never absent, and never a boolean or a
    /// number, as a quoted YAML scalar is not; on failure nothing is appended.
    mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) throws(ScalarConverter.Failure) {
        startPresent()
        switch kind {
        case .text where cases.isEmpty || cases.contains(text):
            cells.append(text)
        case .date:
            guard case .date(let day) = TemporalParser.parse(bytes: text) else { return try appendSlowly(text, style: .quoted) }
            days.append(day)
        case .timestamp:
            guard case .timestamp(let instant) = TemporalParser.parse(bytes: text) else { return try appendSlowly(text, style: .quoted) }
            instants.append(instant)
        default:
            try appendSlowly(text, style: .quoted)
        }
    }

    /// Converts and appends a list given value by value (a JSON array); each element is quoted (a
    /// JSON string) or not (a JSON number or literal). On failure nothing is appended.
    mutating func appendList(_ elements: [(bytes: UnsafeBufferPointer<UInt8>, quoted: Bool)]) throws(ScalarConverter.Failure) {
        guard case .list(let elementType) = type else { preconditionFailure("appendList on a \(type) column") }
        startPresent()
        if elements.allSatisfy({ $0.quoted && (cases.isEmpty || cases.contains($0.bytes)) }) {
            return cells.appendList(elements.map(\.bytes))
        }
        var values: [[UInt8]] = []
        for element in elements {
            let text = String(decoding: element.bytes, as: UTF8.self)
            guard element.quoted || !ScalarConverter.isNull(text) else {
                lastPresent = false
                throw ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(name)' lists may not hold empty entries",
                                              hint: "remove the null from the list")
            }
            do throws(ScalarConverter.Failure) {
                let value = try ScalarConverter.convert(text, style: element.quoted ? .quoted : .plain, to: elementType, field: name)
                values.append(Array((value.stringValue ?? text).utf8))
            } catch {
                lastPresent = false
                throw error
            }
        }
        cells.appendList(values)
    }

    /// The shared converter's reading of the cell, which also gives the failure messages.
    private mutating func appendSlowly(_ cell: UnsafeBufferPointer<UInt8>, style: ScalarConverter.Style = .cell) throws(ScalarConverter.Failure) {
        let converted: Value
        do throws(ScalarConverter.Failure) {
            converted = try convert(String(decoding: cell, as: UTF8.self), style: style)
        } catch {
            lastPresent = false
            throw error
        }
        switch (kind, converted) {
        case (.text, .string(let string)): Array(string.utf8).withUnsafeBufferPointer { cells.append($0) }
        case (.textList, .list(let values)): cells.appendList(values.map { Array(($0.stringValue ?? "").utf8) })
        case (.bool, .bool(let flag)): flags.append(flag)
        case (.int, .int(let number)): ints.append(number)
        case (.number, .number(let number)): numbers.append(number)
        case (.date, .date(let day)): days.append(day)
        case (.timestamp, .timestamp(let instant)): instants.append(instant)
        case (.timestamp, .date):
            // A date-and-time field may hold a date only: the column keeps values from here on.
            mixed = instants.map { $0.map(Value.timestamp) ?? .null } + [converted]
            instants = []
            kind = .mixed
        case (.mixed, _): mixed.append(converted)
        default: preconditionFailure("ScalarConverter gave \(converted) for a \(type) field")
        }
    }

    /// The value of a cell: a list cell separates its values with `;`, each trimmed of spaces and tabs.
    private func convert(_ cell: String, style: ScalarConverter.Style) throws(ScalarConverter.Failure) -> Value {
        guard case .list(let element) = type, style == .cell else {
            return try ScalarConverter.convert(cell, style: style, to: type, field: name)
        }
        var values: [Value] = []
        for part in cell.split(separator: ";", omittingEmptySubsequences: false) {
            let text = Self.trimmed(part)
            guard !text.isEmpty, !ScalarConverter.isNull(text) else {
                throw ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(name)' has an empty list entry",
                                              hint: "separate list values with ';' and leave no empty entries")
            }
            values.append(try ScalarConverter.convert(text, style: .cell, to: element, field: name))
        }
        return .list(values)
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else { return "" }
        return String(text[first...last])
    }

    /// Whether the cell is one of the null forms of `ScalarConverter.isNull` (empty, `~`, `null`, `Null`, `NULL`).
    @inline(__always)
    static func isNull(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        switch cell.count {
        case 0: return true
        case 1: return cell[0] == UInt8(ascii: "~")
        case 4:
            let word = fourBytes(cell)
            return word == fourBytes("null") || word == fourBytes("Null") || word == fourBytes("NULL")
        default: return false
        }
    }

    @inline(__always)
    private static func bool(_ cell: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch cell.count {
        case 4 where fourBytes(cell) == fourBytes("true"): true
        case 5 where cell[4] == UInt8(ascii: "e") && fourBytes(cell) == fourBytes("fals"): false
        default: nil
        }
    }

    /// The first four bytes of a cell of at least four, as one little-endian word.
    @inline(__always)
    private static func fourBytes(_ cell: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(cell.baseAddress!).loadUnaligned(as: UInt32.self))
    }

    /// The four ASCII letters of `word`, as `fourBytes` reads them.
    @inline(__always)
    private static func fourBytes(_ word: StaticString) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self))
    }

    /// Plain decimal digits with an optional `-`, short enough not to overflow; other forms take the slow path.
    @inline(__always)
    private static func int(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = cell[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard cell.count > index, cell.count - index <= 18 else { return nil }
        var value = 0
        while index < cell.count {
            let digit = cell[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }
}
