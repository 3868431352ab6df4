/// Text kernels: `size`, `startsWith`, `endsWith`, `contains` and `matches` on a text column.
///
/// Plain cells (see `PlainText`) are tested on their bytes; every other cell is handed to the
/// built-in's own implementation as a string, so the answer is the record path's.
extension BatchRun {
    /// `size(cells)`: list lengths, or text lengths in Unicode scalars.
    func size(_ operand: Operand, _ implementation: Implementation) -> Operand {
        switch operand {
        case .cells(.textList(let lists)):
            return .cells(.int((0..<block.count).map { lists.present[$0] ? Int(lists.rowEnds[$0]) - lists.elementStart($0) : nil }))
        case .cells(.text(let cells)):
            var lengths = [Int?](repeating: nil, count: block.count)
            for row in 0..<block.count where cells.present[row] {
                if let length = cells.withCell(row, { PlainText.isPlain($0) ? $0.count : nil }) {
                    lengths[row] = length
                } else if case .value(.int(let length)) = Self.apply(implementation, .value(ColumnBlock.Column.text(cells).value(at: row))) {
                    lengths[row] = length
                } else {
                    return .undecided
                }
            }
            return .cells(.int(lengths))
        case .absent: return .absent
        case .invariant(let outcome): return .invariant(outcome.isUnknownOrError ? outcome : Self.apply(implementation, outcome))
        case .cells, .undecided: return .undecided
        }
    }

    /// `cells.startsWith(argument)` and the like, with an invariant argument.
    func text(_ test: Kernel.TextTest, _ subject: Operand, _ argument: Operand, _ implementation: Implementation) -> [BatchTruth] {
        guard case .cells = subject else { return pair(subject, argument) { _, _, _ in broadcast(.undecided) } }
        return pair(subject, argument) { column, constant, _ in
            guard case .text(let cells) = column, case .value(.string(let text)) = constant, PlainText.isPlain(text) else {
                return eachCell(column) { BatchTruth(Self.apply(implementation, .value($0), constant)) }
            }
            let part = Array(text.utf8)
            return (0..<block.count).map { row in
                guard cells.present[row] else { return .unknown }
                let decided: Bool? = cells.withCell(row) { bytes in
                    guard PlainText.isPlain(bytes) else { return nil }
                    switch test {
                    case .startsWith: return bytes.starts(with: part)
                    case .endsWith: return bytes.count >= part.count && bytes[(bytes.count - part.count)...].elementsEqual(part)
                    case .contains: return ByteSearch.contains(bytes, part)
                    }
                }
                guard let decided else { return BatchTruth(Self.apply(implementation, .value(column.value(at: row)), constant)) }
                return decided ? .yes : .no
            }
        }
    }

    /// `cells.matches(pattern)`: the byte matcher on plain cells within the text limit, the regex on the rest.
    func matches(_ subject: Operand, _ matcher: ByteMatcher?, _ implementation: Implementation) -> [BatchTruth] {
        switch subject {
        case .cells(.text(let cells)):
            return (0..<block.count).map { row in
                guard cells.present[row] else { return .unknown }
                let decided: Bool? = cells.withCell(row) { bytes in
                    guard let matcher, bytes.count <= RegexFunctions.textLimit, PlainText.isPlain(bytes) else { return nil }
                    return matcher.matches(bytes)
                }
                if let decided { return decided ? .yes : .no }
                return BatchTruth(Self.apply(implementation, .value(ColumnBlock.Column.text(cells).value(at: row))))
            }
        case .cells(let column): return eachCell(column) { BatchTruth(Self.apply(implementation, .value($0))) }
        case .absent: return broadcast(.unknown)
        case .invariant, .undecided: return broadcast(.undecided)
        }
    }

    /// A built-in's value for known arguments.
    static func apply(_ implementation: Implementation, _ arguments: Outcome...) -> Outcome {
        switch implementation {
        case .unary(let body): body(arguments[0])
        case .binary(let body): body(arguments[0], arguments[1])
        case .constant(let outcome): outcome
        }
    }
}

/// Substring search on bytes.
enum ByteSearch {
    /// Whether `part` occurs in `bytes`; the empty part occurs everywhere.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard let first = part.first else { return true }
        guard bytes.count >= part.count else { return false }
        for start in 0...(bytes.count - part.count) where bytes[start] == first {
            if bytes[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
    }
}
