/// How dates (whole calendar days) and timestamps (moments) compare and combine.
///
/// A date is the interval of every instant that falls on that calendar day somewhere on earth:
/// from 00:00 at UTC+14 to 24:00 at UTC−12. A timestamp inside that interval cannot be ordered
/// against the date, so the comparison is unknown; outside it the answer is certain.
enum TimeSemantics {
    static let secondsPerDay = 86_400
    /// How far the earliest time zone (UTC+14) is ahead of UTC, in seconds.
    static let earliestOffset = 14 * 3600
    /// How far the latest time zone (UTC−12) is behind UTC, in seconds.
    static let latestOffset = 12 * 3600

    /// Every instant (seconds since the epoch) that is on `day` somewhere on earth.
    static func span(of day: Day) -> Range<Int> {
        let midnight = day.daysSinceEpoch * secondsPerDay
        return (midnight - earliestOffset)..<(midnight + secondsPerDay + latestOffset)
    }

    /// Orders a date against a timestamp: `.unknown` when the timestamp could fall on that date.
    static func order(_ day: Day, _ instant: Instant) -> Ordering {
        let span = span(of: day)
        if instant.secondsSinceEpoch < span.lowerBound { return .greater }
        if instant.secondsSinceEpoch >= span.upperBound { return .less }
        return .unknown
    }

    /// The UTC calendar day of a date or timestamp, for `days_between`.
    static func utcDay(_ value: Value) -> Day? {
        switch value {
        case .date(let day): day
        case .timestamp(let instant):
            Day(daysSinceEpoch: Int((Double(instant.secondsSinceEpoch) / Double(secondsPerDay)).rounded(.down)))
        default: nil
        }
    }

    /// A time moved by `seconds`; a date moves only by whole days.
    static func shift(_ value: Value, by seconds: Int) -> Outcome {
        switch value {
        case .date(let day):
            guard seconds % secondsPerDay == 0 else {
                return .error("cannot add a part of a day to the date \(day); use days(n)")
            }
            let (days, overflow) = day.daysSinceEpoch.addingReportingOverflow(seconds / secondsPerDay)
            guard !overflow, Day(daysSinceEpoch: days).components.year <= 9999, days >= -719_162 else {
                return .error("date out of range")
            }
            return .value(.date(Day(daysSinceEpoch: days)))
        case .timestamp(let instant):
            let (moved, overflow) = instant.secondsSinceEpoch.addingReportingOverflow(seconds)
            guard !overflow, abs(moved) < 253_402_300_800 else { return .error("timestamp out of range") }
            return .value(.timestamp(Instant(secondsSinceEpoch: moved, offsetMinutes: instant.offsetMinutes)))
        default:
            return .error("cannot add a duration to \(value)")
        }
    }

    /// The duration from `earlier` to `later`; unknown when a date and a timestamp overlap.
    static func difference(_ later: Value, _ earlier: Value) -> Outcome {
        switch (later, earlier) {
        case (.date(let a), .date(let b)):
            return .duration((a.daysSinceEpoch - b.daysSinceEpoch) * secondsPerDay)
        case (.timestamp(let a), .timestamp(let b)):
            return .duration(a.secondsSinceEpoch - b.secondsSinceEpoch)
        case (.date, .timestamp), (.timestamp, .date):
            return .error("cannot subtract a date and a timestamp; use days_between(a, b)")
        default:
            return .error("cannot subtract \(earlier) from \(later)")
        }
    }
}
