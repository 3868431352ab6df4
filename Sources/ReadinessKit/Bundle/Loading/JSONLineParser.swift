import Foundation

/// Parses one line of a JSON Lines listing (RFC 8259 JSON) into the cells of a row: where each
/// key's value is, checked for syntax but not yet converted (`ColumnWriter` does that).
///
/// Problems with the line are collected in `problems`: a syntax error ends the line's parse (the
/// line then holds no item); an unknown or repeated key is reported and the rest is still read.
struct JSONLineParser {
    let layout: JSONLinesReader.Layout
    let file: String
    /// Whether the buffer being parsed is all ASCII (strings then need no UTF-8 check).
    var ascii: Bool {
        get { scanner.ascii }
        set { scanner.ascii = newValue }
    }
    /// Strings with escapes, written out.
    var scratch: [UInt8] { scanner.scratch }
    private(set) var cells: [JSONCell]
    private(set) var elements: [JSONCell] = []
    private(set) var problems: [Diagnostic] = []
    private(set) var isItem = false
    /// Where the line's object starts.
    private(set) var objectStart = 0
    private var scanner = JSONScanner()
    private var lineStart = 0
    private var lineNumber = 0
    /// The number of the record being parsed.
    private(set) var record = 0
    /// Items usually give their keys in the same order, so each key is first looked for where the
    /// key after the previous one was found last time: `successor[k + 1]` is the key that followed
    /// key `k` (`successor[0]`, the first key of an item), and `previous` the key just read.
    private var successor: [Int]
    private var previous = -1

    init(layout: JSONLinesReader.Layout, file: String) {
        self.layout = layout
        self.file = file
        cells = Array(repeating: JSONCell(), count: layout.names.count)
        successor = Array(0...layout.keys.count)
    }

    /// Parses `line` of `buffer`; returns whether it holds a record (it is not blank). After a
    /// syntax error the record holds no item (`isItem` is false) and `problems` says why.
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>, lineNumber: Int, record: Int) -> Bool {
        (scanner.bytes, scanner.index, scanner.end) = (buffer, line.lowerBound, line.upperBound)
        (lineStart, self.lineNumber, self.record) = (line.lowerBound, lineNumber, record)
        scanner.skipSpace()
        guard scanner.index < scanner.end else { return false }
        for column in cells.indices { cells[column].kind = .absent }
        elements.removeAll(keepingCapacity: true)
        scanner.scratch.removeAll(keepingCapacity: true)
        problems.removeAll()
        objectStart = scanner.index
        previous = -1
        do throws(SyntaxError) {
            guard scanner.peek == UInt8(ascii: "{") else {
                throw SyntaxError(offset: scanner.index, message: "a line must hold one JSON object, found \(scanner.describe(scanner.index))",
                                  hint: "write each evidence item as {\"id\": \"E-0001\", …} on a line of its own")
            }
            try parseObject(nested: false)
            guard scanner.index == scanner.end else {
                throw SyntaxError(offset: scanner.index, message: "unexpected \(scanner.describe(scanner.index)) after the item's closing '}'",
                                  hint: "put one JSON object on each line")
            }
            isItem = true
        } catch {
            problems.append(Diagnostic(id: "bundle.jsonl-syntax", message: "record \(record): \(error.message)", at: location(error.offset), hint: error.hint))
            isItem = false
        }
        return true
    }

    /// The text of `column`'s value when it is a string, a number or `true`/`false` (`nil` when
    /// it is absent, `null`, a list or an object).
    func text(ofColumn column: Int) -> String? {
        let cell = cells[column]
        guard cell.kind == .string || cell.kind == .literal else { return nil }
        let text = scanner.withBytes(cell) { String(decoding: $0, as: UTF8.self) }
        return cell.kind == .literal && text == "null" ? nil : text
    }

    private typealias SyntaxError = JSONScanner.SyntaxError

    // MARK: Objects and values

    /// Parses the object at the next byte, the item's (`nested` false) or its nested record's, and the spaces after it.
    private mutating func parseObject(nested: Bool) throws(SyntaxError) {
        scanner.index += 1
        scanner.skipSpace()
        if scanner.skip(UInt8(ascii: "}")) { return }
        var sawNested = false
        repeat {
            let keyOffset = scanner.index
            let key = try scanner.parseKey()
            if !nested, scanner.equals(key, layout.nestedKey) {
                try parseNested(at: keyOffset, repeated: sawNested)
                sawNested = true
            } else if let column = column(for: key, nested: nested) {
                if cells[column].kind == .absent {
                    try parseValue(into: column)
                } else {
                    report("bundle.duplicate-key", "'\(layout.names[column])' appears twice", at: keyOffset, hint: "remove one of the two")
                    try scanner.skipValue(depth: 0)
                }
            } else {
                // Past the listing's limit on problems the rest would be dropped: no suggestion is searched for.
                if !layout.ignoresUnknownKeys, problems.count < TabularEvidenceReader.diagnosticLimit {
                    reportUnknown(key, nested: nested, at: keyOffset)
                }
                try scanner.skipValue(depth: 0)
            }
        } while try !scanner.skipSeparator(orClose: UInt8(ascii: "}"), in: "an object")
    }

    /// Parses the nested record's value: an object, or `null` for none.
    private mutating func parseNested(at keyOffset: Int, repeated: Bool) throws(SyntaxError) {
        let name = String(decoding: layout.nestedKey, as: UTF8.self)
        if repeated {
            report("bundle.duplicate-key", "'\(name)' appears twice", at: keyOffset, hint: "remove one of the two")
            return try scanner.skipValue(depth: 0)
        }
        if scanner.peek == UInt8(ascii: "{") { return try parseObject(nested: true) }
        let offset = scanner.index
        try scanner.skipValue(depth: 0)
        if !scanner.bytes[offset..<scanner.index].elementsEqual("null".utf8) {
            report("bundle.wrong-type", "'\(name)' must be an object, found \(scanner.describe(offset))", at: offset,
                   hint: "write \"\(name)\": {\"method\": \"manual\", …}, or leave it out")
        }
    }

    /// Parses a value for `column`, recording where it is.
    private mutating func parseValue(into column: Int) throws(SyntaxError) {
        let offset = scanner.index
        switch scanner.peek {
        case UInt8(ascii: "\""):
            cells[column] = try scanner.parseString()
        case UInt8(ascii: "[") where layout.isList[column]:
            cells[column] = try parseArray()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let kind: JSONCell.Kind = scanner.peek == UInt8(ascii: "[") ? .array : .object
            try scanner.skipValue(depth: 0)
            cells[column] = JSONCell(kind: kind)
        default:
            cells[column] = try scanner.parseLiteral()
        }
        cells[column].offset = offset
    }

    /// Parses an array of single values into `elements`; one holding an array or object is marked `nested`.
    private mutating func parseArray() throws(SyntaxError) -> JSONCell {
        var cell = JSONCell(kind: .array)
        let first = elements.count
        scanner.index += 1
        scanner.skipSpace()
        if !scanner.skip(UInt8(ascii: "]")) {
            repeat {
                switch scanner.peek {
                case UInt8(ascii: "\""): elements.append(try scanner.parseString())
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    try scanner.skipValue(depth: 1)
                    cell.nested = true
                default: elements.append(try scanner.parseLiteral())
                }
            } while try !scanner.skipSeparator(orClose: UInt8(ascii: "]"), in: "a list")
        }
        cell.elements = first..<elements.count
        return cell
    }

    // MARK: Keys and problems

    /// The column `key` names among the item's keys or the nested record's.
    private mutating func column(for key: JSONCell, nested: Bool) -> Int? {
        guard !nested else { return layout.nestedKeys.first { scanner.equals(key, $0.name) }?.column }
        let guess = successor[previous + 1]
        let found = guess < layout.keys.count && scanner.equals(key, layout.keys[guess].name) ? guess
            : layout.keys.firstIndex { scanner.equals(key, $0.name) }
        guard let found else { return nil }
        successor[previous + 1] = found
        previous = found
        return layout.keys[found].column
    }

    private mutating func reportUnknown(_ key: JSONCell, nested: Bool, at offset: Int) {
        let name = scanner.withBytes(key) { String(decoding: $0, as: UTF8.self) }
        let nestedName = String(decoding: layout.nestedKey, as: UTF8.self)
        let allowed = nested ? layout.nestedKeys.map { String(decoding: $0.name, as: UTF8.self) }
            : layout.keys.map { String(decoding: $0.name, as: UTF8.self) } + [nestedName]
        let shown = nested ? "\(nestedName).\(name)" : name
        let hint = name.hasPrefix(nestedName + ".") && !nested
            ? "write the \(nestedName) fields inside an object: \"\(nestedName)\": {\"\(name.dropFirst(nestedName.count + 1))\": …}"
            : Suggestion.didYouMean(name, in: allowed) ?? "allowed keys: \(allowed.joined(separator: ", "))"
        report("bundle.unknown-key", "unknown key '\(shown)' for evidence items", at: offset, hint: hint)
    }

    private mutating func report(_ id: String, _ message: String, at offset: Int, hint: String) {
        problems.append(Diagnostic(id: id, message: "record \(record): \(message)", at: location(offset), hint: hint))
    }

    private func location(_ offset: Int) -> SourceLocation {
        ListingPosition(line: lineNumber, lineStart: lineStart, offset: offset).location(in: scanner.bytes, file: file)
    }

}
