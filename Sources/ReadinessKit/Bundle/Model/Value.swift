/// A fact in a case bundle, as loaded.
///
/// `null` means *absent*: the fact was not established. It is never the same as `false`,
/// and rules treat it as unknown (see `docs/rule-language.md`).
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case date(Day)
    case timestamp(Instant)
    case list([Value])
    case record(Record)

    /// Whether the fact is absent.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The record payload, if this is a record.
    public var recordValue: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    /// The elements, if this is a list.
    public var listValue: [Value]? {
        if case .list(let values) = self { return values }
        return nil
    }

    /// The boolean payload, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }
}

extension Value: CustomStringConvertible {
    /// A short human-readable rendering used in explanations and memos.
    public var description: String {
        switch self {
        case .null: "absent"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .number(let number): number.formatted()
        case .string(let text): "'\(text)'"
        case .date(let day): day.description
        case .timestamp(let instant): instant.description
        case .list(let values): "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .record(let record): record.path
        }
    }
}

extension Double {
    /// Shortest round-tripping decimal text, without a trailing `.0` for whole numbers.
    func formatted() -> String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
