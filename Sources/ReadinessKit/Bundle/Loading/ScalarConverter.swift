/// Turns the text of one scalar into a typed `Value`, or says why it cannot.
///
/// Shared by the YAML and CSV readers so that a field means the same whatever file it came from.
struct ScalarConverter {
    /// How the scalar was written, which decides whether `true` or `12` is a string.
    enum Style { case plain, quoted, cell }

    /// A conversion failure: the diagnostic id, message and hint (the caller adds the location).
    struct Failure: Error {
        var id: String
        var message: String
        var hint: String?
    }

    /// Converts `text` for a field of `type`; `field` names the field in messages.
    ///
    /// Returns `.null` for the YAML null forms (`~`, `null`, empty plain scalar) and empty CSV cells.
    static func convert(_ text: String, style: Style, to type: FieldType, field: String) throws(Failure) -> Value {
        if style != .quoted, isNull(text) { return .null }
        switch type {
        case .string, .reference, .attachment:
            return .string(text)
        case .int:
            guard style != .quoted, let number = Int(text) else {
                throw Failure(id: "bundle.wrong-type", message: "'\(field)' must be an integer, found \(quoted(text))",
                              hint: "write a whole number without quotes, e.g. 3")
            }
            return .int(number)
        case .number:
            guard style != .quoted, let number = Double(text), number.isFinite else {
                throw Failure(id: "bundle.wrong-type", message: "'\(field)' must be a number, found \(quoted(text))",
                              hint: "write a number without quotes, e.g. 2.5")
            }
            return .number(number)
        case .bool:
            return try convertBool(text, style: style, field: field)
        case .date, .dateTime:
            return try convertTemporal(text, dateOnly: type == .date, field: field)
        case .enumeration(let enumType):
            guard enumType.cases.contains(text) else {
                throw Failure(
                    id: "bundle.unknown-enum-case",
                    message: "'\(text)' is not a valid \(enumType.name) for '\(field)'",
                    hint: Suggestion.didYouMean(text, in: enumType.cases)
                        ?? "use one of: \(enumType.cases.joined(separator: ", "))")
            }
            return .string(text)
        case .list, .record:
            throw Failure(id: "bundle.wrong-type", message: "'\(field)' must be a \(type), found a single value",
                          hint: nil)
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    private static func convertBool(_ text: String, style: Style, field: String) throws(Failure) -> Value {
        if style != .quoted {
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
        }
        throw Failure(
            id: "bundle.wrong-type",
            message: "'\(field)' must be true or false, found \(quoted(text))",
            hint: "write true or false without quotes; leave the field out if the fact is not established")
    }

    private static func convertTemporal(_ text: String, dateOnly: Bool, field: String) throws(Failure) -> Value {
        switch TemporalParser.parse(text) {
        case .date(let day):
            return .date(day)
        case .timestamp(let instant):
            guard !dateOnly else {
                throw Failure(id: "bundle.invalid-date", message: "'\(field)' takes a date only, found timestamp '\(text)'",
                              hint: "write the date as YYYY-MM-DD")
            }
            return .timestamp(instant)
        case .invalid(let reason):
            let ambiguous = reason.contains("no UTC offset")
            throw Failure(
                id: ambiguous ? "bundle.ambiguous-timestamp" : "bundle.invalid-date",
                message: "'\(field)': \(reason)",
                hint: ambiguous
                    ? "add the offset the time was recorded in, e.g. \(text)Z or \(text)-05:00, or give the date only"
                    : dateOnly ? "write a real date as YYYY-MM-DD" : "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM")
        }
    }

    private static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'\(shown)'"
    }
}
