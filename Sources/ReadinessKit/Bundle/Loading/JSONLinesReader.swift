import Foundation

/// A strict, streaming JSON Lines reader for evidence listings: one JSON object per line, its keys
/// naming `EvidenceItem` fields, with the line and column of every value.
///
/// Written for this project rather than built on Foundation's JSON parsers, which decode a
/// million-line listing in about 11 s (ten times the whole check of the same items as CSV) and
/// give no line or column. A line feed always ends a record (JSON escapes the line feeds inside
/// strings), so every line is parsed on its own: a line that is not valid JSON is reported and
/// the next one read, and a file can be cut at any line feed to be parsed on several threads. It
/// accepts a UTF-8 byte-order mark, CRLF or LF line ends, and blank lines.
struct JSONLinesReader {
    /// Which column each key of an item fills.
    struct Layout {
        /// The item's own keys (`id`, `sha256`, …) and their columns.
        var keys: [(name: [UInt8], column: Int)]
        /// The key of the nested record (`grading`), whose keys are `nestedKeys`.
        var nestedKey: [UInt8]
        var nestedKeys: [(name: [UInt8], column: Int)]
        /// Per column: its name in messages, and whether it holds lists.
        var names: [String]
        var isList: [Bool]
        /// Whether keys outside the layout are passed over rather than reported (for a reader that
        /// wants a few keys of items already validated).
        var ignoresUnknownKeys = false

        /// A layout of single-valued `keys`, column by column in order, passing over every other key.
        init(keys: [String]) {
            self.keys = keys.enumerated().map { (name: Array($1.utf8), column: $0) }
            nestedKey = Array(TabularEvidenceReader.nestedKey.utf8)
            nestedKeys = []
            names = keys
            isList = keys.map { _ in false }
            ignoresUnknownKeys = true
        }

        /// A layout for `columns`, named as in a CSV header (`grading.uk_category` for a nested field).
        init(columns: [BlockBuilder.Column], nestedKey: String) {
            keys = []
            nestedKeys = []
            self.nestedKey = Array(nestedKey.utf8)
            names = columns.map(\.writer.name)
            isList = columns.map {
                if case .list = $0.writer.type { return true }
                return false
            }
            let prefix = nestedKey + "."
            for (column, name) in names.enumerated() {
                if name.hasPrefix(prefix) {
                    nestedKeys.append((Array(name.dropFirst(prefix.count).utf8), column))
                } else {
                    keys.append((Array(name.utf8), column))
                }
            }
        }
    }

    let file: String
    let source: ListingSource
    /// Bytes read per chunk from a file.
    var chunkSize = 4 << 20

    init(file: String, data: Data) {
        self.file = file
        self.source = .data(data)
    }

    init(file: String, path: String) {
        self.file = file
        self.source = .file(path)
    }

    /// Calls `body` with each non-blank line in order, as a row of `layout`'s columns (items count
    /// from 1). `chunk` sees the bytes as they are read, for hashing. Reading starts in `state` (a
    /// part of a file that begins at a line start is read from the record number and line found
    /// before it) and ends in the state returned.
    ///
    /// - Throws: `DiagnosticError` only when the file cannot be read; problems in lines are the rows' `problems`.
    @discardableResult
    func forEachRow(
        from state: ListingScanState = ListingScanState(), layout: Layout, chunk: (Data) -> Void = { _ in },
        _ body: (Row) -> Void
    ) throws(DiagnosticError) -> ListingScanState {
        var state = state
        var parser = JSONLineParser(layout: layout, file: file)
        try source.forEachChunk(file: file, chunkSize: chunkSize, chunk: chunk) { data, final in
            data.withUnsafeBytes { raw in
                scan(raw.bindMemory(to: UInt8.self), final: final, state: &state, parser: &parser, body)
            }
        }
        return state
    }

    /// Parses the whole lines in `bytes` (and a last line without a line feed when `final`);
    /// returns the bytes consumed.
    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, state: inout ListingScanState, parser: inout JSONLineParser,
        _ body: (Row) -> Void
    ) -> Int {
        var index = 0
        if !state.started {
            guard bytes.count >= 3 || final else { return 0 }
            state.started = true
            state.number = max(state.number, 1)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }
        parser.ascii = CSVReader.isASCII(bytes)
        while index < bytes.count {
            let end: Int
            if let base = bytes.baseAddress, let found = memchr(base + index, 0x0A, bytes.count - index) {
                end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            } else {
                guard final else { break }
                end = bytes.count
            }
            if parser.parse(bytes, line: index..<end, lineNumber: state.line, record: state.number) {
                body(Row(number: state.number, line: state.line, parser: parser, buffer: bytes, lineStart: index))
                state.number += 1
            }
            state.line += 1
            index = min(end + 1, bytes.count)
        }
        return index
    }
}
