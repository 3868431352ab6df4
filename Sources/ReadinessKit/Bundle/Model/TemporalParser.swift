/// Strict ISO 8601 parsing for bundle dates and timestamps.
///
/// Accepted: `YYYY-MM-DD` (a date) and `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)` (a timestamp).
/// A timestamp without an offset is rejected as ambiguous: the same wall-clock time names
/// different instants in different places, and clocks in these cases are measured in hours.
public enum TemporalParser {
    /// What a text holds, or why it is not a date.
    public enum Parsed: Equatable, Sendable {
        case date(Day)
        case timestamp(Instant)
        case invalid(String)
    }

    /// Parses `text` as a date or a timestamp with offset.
    public static func parse(_ text: String) -> Parsed {
        var utf8 = text
        return utf8.withUTF8 { parse(bytes: $0, text: text) }
    }

    /// Parses UTF-8 `bytes` as a date or a timestamp with offset.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Parsed {
        parse(bytes: bytes, text: String(decoding: bytes, as: UTF8.self))
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, text: @autoclosure () -> String) -> Parsed {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let dayOfMonth = number(bytes, 8, 2)
        else {
            return .invalid("'\(text())' is not a date in the form YYYY-MM-DD")
        }
        guard let day = Day(year: year, month: month, day: dayOfMonth) else {
            return .invalid("'\(text())' is not a real calendar date")
        }
        if bytes.count == 10 { return .date(day) }
        guard bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20, bytes.count >= 16,
            let hour = number(bytes, 11, 2), bytes[13] == 0x3A, let minute = number(bytes, 14, 2),
            hour < 24, minute < 60
        else {
            return .invalid("'\(text())' is not a timestamp in the form YYYY-MM-DDTHH:MM:SS±HH:MM")
        }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == 0x3A {
            guard let parsed = number(bytes, index + 1, 2), parsed < 60 else {
                return .invalid("'\(text())' has invalid seconds")
            }
            second = parsed
            index += 3
            if index < bytes.count, bytes[index] == 0x2E {
                index += 1
                let start = index
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
                if index == start { return .invalid("'\(text())' has an empty fraction of a second") }
            }
        }
        guard index < bytes.count else {
            return .invalid(
                "timestamp '\(text())' has no UTC offset, so the moment it names is ambiguous")
        }
        var offset = 0
        if bytes[index] == 0x5A || bytes[index] == 0x7A {
            index += 1
        } else if bytes[index] == 0x2B || bytes[index] == 0x2D, index + 6 == bytes.count,
            let hours = number(bytes, index + 1, 2), bytes[index + 3] == 0x3A,
            let minutes = number(bytes, index + 4, 2), hours <= 14, minutes < 60
        {
            offset = (hours * 60 + minutes) * (bytes[index] == 0x2D ? -1 : 1)
            index += 6
        } else {
            return .invalid("'\(text())' has an invalid UTC offset (use Z or ±HH:MM)")
        }
        guard index == bytes.count else { return .invalid("'\(text())' has unexpected text after the offset") }
        let seconds = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset * 60
        return .timestamp(Instant(secondsSinceEpoch: seconds, offsetMinutes: offset))
    }

    @inline(__always)
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }
}
