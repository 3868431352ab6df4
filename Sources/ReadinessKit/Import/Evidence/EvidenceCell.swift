import Foundation

/// Turns one cell of a tool's listing into the text `evidence.csv` holds for a field.
///
/// The mapping's value table applies first (exact, then ignoring case); dates are brought into
/// ISO form with an offset; hashes are lowercased and checked; then the text must pass the same
/// `ScalarConverter` the loader uses, so an imported row can never fail to load.
enum EvidenceCell {
    typealias Failure = ScalarConverter.Failure

    /// The bundle text for `raw`, or `nil` for an absent fact.
    static func convert(_ raw: String, field: String, type: FieldType, mapping: EvidenceMapping) throws(Failure) -> String? {
        let text = trimmed(raw)
        guard case .list(let element) = type else {
            return try scalar(text, field: field, type: type, mapping: mapping)
        }
        if let mapped = mapping.mapped(text, for: field) {  // a table entry for the whole cell
            guard let mapped else { return nil }
            return try list(mapped, separator: ";", field: field, element: element, mapping: mapping)
        }
        return try list(text, separator: mapping.listSeparator, field: field, element: element, mapping: mapping)
    }

    private static func list(
        _ text: String, separator: Character, field: String, element: FieldType, mapping: EvidenceMapping
    ) throws(Failure) -> String? {
        guard !text.isEmpty else { return nil }
        var parts: [String] = []
        for part in text.split(separator: separator, omittingEmptySubsequences: false) {
            let item = trimmed(String(part))
            guard !item.isEmpty else {
                throw Failure(id: "import.wrong-type", message: "'\(field)' has an empty list entry",
                              hint: "separate list values with '\(separator)' and leave no empty entries")
            }
            if let value = try scalar(item, field: field, type: element, mapping: mapping), !parts.contains(value) {
                parts.append(value)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ";")
    }

    private static func scalar(_ input: String, field: String, type: FieldType, mapping: EvidenceMapping) throws(Failure) -> String? {
        var text = input
        if let mapped = mapping.mapped(text, for: field) {
            guard let mapped else { return nil }
            text = mapped
        }
        guard !text.isEmpty else { return nil }
        switch type {
        case .date, .dateTime: text = timestamp(text, mapping: mapping)
        default: break
        }
        if let length = hashLengths[field] {
            text = text.lowercased()
            guard text.utf8.count == length, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
                throw Failure(id: "import.invalid-hash", message: "'\(input.prefix(80))' is not a \(field) hash (\(length) hex digits)",
                              hint: "check the column mapped to '\(field)'")
            }
        }
        switch try ScalarConverter.convert(text, style: .cell, to: type, field: field) {
        case .null: return nil
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        default: return text
        }
    }

    /// Hex digest lengths of the hash fields.
    static let hashLengths = ["sha256": 64, "md5": 32, "sha1": 40]

    /// A tool's timestamp in the form the bundle reads: ISO date order, `T`, and an offset.
    ///
    /// `01/05/2026 14:22:10 -05:00` (mdy) → `2026-01-05T14:22:10-05:00`; a trailing `UTC`/`GMT`
    /// becomes `Z`; with `assume_offset` a time without offset gets that offset.
    static func timestamp(_ input: String, mapping: EvidenceMapping) -> String {
        var text = input
        if let last = text.utf8.last, last == 0x43 || last == 0x54 || last == 0x29 {  // C, T or )
            for suffix in [" (UTC)", " UTC", " GMT", "UTC"] where text.hasSuffix(suffix) {
                text = trimmed(String(text.dropLast(suffix.count))) + "Z"
                break
            }
        }
        if mapping.dateOrder != .iso, let reordered = reorder(text, order: mapping.dateOrder) { text = reordered }
        if let offset = mapping.assumeOffset, case .invalid(let reason) = TemporalParser.parse(text),
            reason.contains("no UTC offset")
        {
            text += offset
        }
        return text
    }

    /// `DD/MM/YYYY[ HH:MM[:SS]][ offset]` or `MM/DD/YYYY…` in ISO form, or `nil` if it is not that shape.
    /// Day and month may have one digit, and `.` may separate them instead of `/`.
    private static func reorder(_ text: String, order: EvidenceMapping.DateOrder) -> String? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(maxDigits: Int) -> String? {
            let start = index
            while index < bytes.count, index - start < maxDigits, (0x30...0x39).contains(bytes[index]) { index += 1 }
            return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
        }
        guard let first = number(maxDigits: 2), index < bytes.count, bytes[index] == 0x2F || bytes[index] == 0x2E else { return nil }
        let separator = bytes[index]
        index += 1
        guard let second = number(maxDigits: 2), index < bytes.count, bytes[index] == separator else { return nil }
        index += 1
        let yearStart = index
        guard let year = number(maxDigits: 4), index - yearStart == 4 else { return nil }
        let (month, day) = order == .mdy ? (first, second) : (second, first)
        let pad = { (value: String) in value.utf8.count == 1 ? "0" + value : value }
        var result = "\(year)-\(pad(month))-\(pad(day))"
        guard index < bytes.count else { return result }
        guard bytes[index] == 0x20 || bytes[index] == 0x54 else { return nil }
        index += 1
        let timeStart = index
        while index < bytes.count, bytes[index] != 0x20 { index += 1 }
        let time = String(decoding: bytes[timeStart..<index], as: UTF8.self)
        let oneDigitHour = index - timeStart >= 2 && bytes[timeStart + 1] == 0x3A
        result += "T" + (oneDigitHour ? "0" + time : time)
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        result += String(decoding: bytes[index...], as: UTF8.self)
        return result
    }

    /// `text` without leading and trailing spaces and tabs; no copy when there are none.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[start...end])
    }
}
