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
        let text = raw.trimmingCharacters(in: .whitespaces)
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
            let item = part.trimmingCharacters(in: .whitespaces)
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
            guard text.count == length, text.allSatisfy(\.isHexDigit) else {
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
        for suffix in [" (UTC)", " UTC", " GMT", "UTC"] where text.hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces) + "Z"
            break
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
    private static func reorder(_ text: String, order: EvidenceMapping.DateOrder) -> String? {
        let pieces = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard let date = pieces.first else { return nil }
        let parts = date.split(separator: date.contains("/") ? "/" : ".").map(String.init)
        guard parts.count == 3, parts[2].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let (month, day) = order == .mdy ? (parts[0], parts[1]) : (parts[1], parts[0])
        let pad = { (value: String) in value.count == 1 ? "0" + value : value }
        var result = "\(parts[2])-\(pad(month))-\(pad(day))"
        if pieces.count > 1 {
            let time = pieces[1]
            result += "T" + (time.split(separator: ":").first?.count == 1 ? "0" + time : time)
            if pieces.count > 2 { result += pieces[2] }
        }
        return result
    }
}
