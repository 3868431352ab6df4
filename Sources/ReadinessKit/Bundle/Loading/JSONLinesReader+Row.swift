import Foundation

/// Where one value of a JSON line is: its bytes in the line (or unescaped into the parser's
/// scratch buffer), and what kind of JSON value it is.
struct JSONCell {
    enum Kind: UInt8 {
        case absent, string, literal, array, object
    }

    var kind = Kind.absent
    var start = 0
    var end = 0
    /// Whether the bytes are in the scratch buffer (a string with escapes) rather than the line.
    var unescaped = false
    /// The offset of the value in the line's buffer, for its location (not kept for a list's elements).
    var offset = 0
    /// For an array: its elements in the parser's `elements`, and whether one is itself an array or object.
    var elements = 0..<0
    var nested = false

    /// The cell's bytes: in `line`, or in `scratch` for a string with escapes.
    @inline(__always)
    func bytes(in line: UnsafeBufferPointer<UInt8>, scratch: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: (unescaped ? scratch : line)[start..<end])
    }

    /// Calls `body` with the cell's bytes (see `bytes(in:scratch:)`).
    @inline(__always)
    func withBytes<Result, Failure: Error>(
        in line: UnsafeBufferPointer<UInt8>, scratch: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        guard unescaped else { return try body(UnsafeBufferPointer(rebasing: line[start..<end])) }
        return try scratch.withUnsafeBufferPointer { (scratch) throws(Failure) in try body(bytes(in: line, scratch: scratch)) }
    }
}

extension JSONLinesReader {
    /// One line's item, valid only during the callback that receives it.
    struct Row: ListingRow {
        let number: Int
        let line: Int
        let problems: [Diagnostic]
        let isItem: Bool
        private let layout: Layout
        private let cells: [JSONCell]
        private let elements: [JSONCell]
        private let scratch: [UInt8]
        private let buffer: UnsafeBufferPointer<UInt8>
        private let lineStart: Int
        private let objectStart: Int
        private let file: String

        init(number: Int, line: Int, parser: JSONLineParser, buffer: UnsafeBufferPointer<UInt8>, lineStart: Int) {
            self.number = number
            self.line = line
            problems = parser.problems
            isItem = parser.isItem
            layout = parser.layout
            cells = parser.cells
            elements = parser.elements
            scratch = parser.scratch
            self.buffer = buffer
            self.lineStart = lineStart
            objectStart = parser.objectStart
            file = parser.file
        }

        func write(_ index: Int, into writer: inout ColumnWriter) throws(ScalarConverter.Failure) {
            let cell = cells[index]
            switch cell.kind {
            case .absent:
                writer.appendAbsent()
            case .string:
                guard !layout.isList[index] else { throw wrongShape(index, found: "a single value") }
                // The writer is called directly for text in the line (nearly every value): a closure
                // capturing it made a copy of it, in and out, for every cell.
                if cell.unescaped {
                    try withBytes(cell) { (text) throws(ScalarConverter.Failure) in try writer.appendQuoted(text) }
                } else {
                    try writer.appendQuoted(UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]))
                }
            case .literal:
                // A literal is `true`, `false`, `null` or a number, never escaped: read as a CSV
                // cell reads it, `null` being absent.
                let text = UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end])
                guard !layout.isList[index] || ColumnWriter.isNull(text) else { throw wrongShape(index, found: "a single value") }
                try writer.append(text)
            case .array:
                guard layout.isList[index] else { throw wrongShape(index, found: "a list") }
                guard !cell.nested else {
                    throw ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(layout.names[index])' lists hold single values, found a list or object in one",
                                                  hint: "write the list as [\"a\", \"b\"], without nesting")
                }
                try scratch.withUnsafeBufferPointer { (scratch) throws(ScalarConverter.Failure) in
                    try writer.appendList(elements[cell.elements].map { ($0.bytes(in: buffer, scratch: scratch), $0.kind == .string) })
                }
            case .object:
                throw wrongShape(index, found: "an object")
            }
        }

        func withField<Result, Failure: Error>(
            _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            let cell = cells[index]
            guard cell.kind == .string || cell.kind == .literal else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
            return try withBytes(cell, body)
        }

        func location(ofField index: Int) -> SourceLocation {
            let offset = cells[index].kind == .absent ? objectStart : cells[index].offset
            return ListingPosition(line: line, lineStart: lineStart, offset: offset).location(in: buffer, file: file)
        }

        @inline(__always)
        private func withBytes<Result, Failure: Error>(
            _ cell: JSONCell, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            try cell.withBytes(in: buffer, scratch: scratch, body)
        }

        private func wrongShape(_ index: Int, found: String) -> ScalarConverter.Failure {
            let name = layout.names[index]
            return layout.isList[index]
                ? ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(name)' must be a list, found \(found)",
                                          hint: "write a JSON array, e.g. \"\(name)\": [\"a\", \"b\"]; leave the key out if the fact is not established")
                : ScalarConverter.Failure(id: "bundle.wrong-type", message: "'\(name)' must be a single value, found \(found)",
                                          hint: "write one string, number, true or false; leave the key out if the fact is not established")
        }
    }
}
