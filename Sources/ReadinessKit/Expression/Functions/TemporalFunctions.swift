/// Dates, timestamps and durations: `date`, `timestamp`, `days`, `hours` and `days_between`.
///
/// Literal arguments are checked when the rule is compiled: `date('2026-02-30')` is a
/// diagnostic, not a runtime error.
enum TemporalFunctions {
    static let all = [date, timestamp, days, hours, daysBetween]

    static let date = parser(
        "date", usage: "date('YYYY-MM-DD')", summary: "The calendar date written in ISO form.", wantTimestamp: false)
    static let timestamp = parser(
        "timestamp", usage: "timestamp('YYYY-MM-DDTHH:MM:SSZ')",
        summary: "The moment written in ISO form, with Z or a ±HH:MM offset.", wantTimestamp: true)

    static let days = duration("days", unit: TimeSemantics.secondsPerDay, summary: "A duration of n whole days.")
    static let hours = duration("hours", unit: 3600, summary: "A duration of n hours.")

    static let daysBetween = BuiltinFunction(
        name: "days_between", usage: "days_between(from, to)",
        summary: "Whole calendar days from the first time to the second (UTC days for timestamps); negative if the second is earlier.",
        arity: 2...2
    ) { arguments in
        guard arguments[0].type.fits(.time), arguments[1].type.fits(.time) else { return .mismatch }
        return .resolved(.int, .binary { from, to in
            guard let from = from.known.flatMap(TimeSemantics.utcDay), let to = to.known.flatMap(TimeSemantics.utcDay) else {
                return .error("days_between needs two dates or timestamps")
            }
            return .value(.int(to.daysSinceEpoch - from.daysSinceEpoch))
        })
    }

    private static func parser(_ name: String, usage: String, summary: String, wantTimestamp: Bool) -> BuiltinFunction {
        BuiltinFunction(name: name, usage: usage, summary: summary, arity: 1...1) { arguments in
            guard arguments[0].type.fits(.string) else { return .mismatch }
            if case .string(let text)? = arguments[0].literal {
                switch parse(text, name: name, wantTimestamp: wantTimestamp) {
                case .error(let message):
                    return .invalid(argument: 0, id: "expr.invalid-literal", message: message, hint: "write it as \(usage)")
                case let outcome:
                    return .resolved(.time, .constant(outcome))
                }
            }
            return .resolved(.time, .unary { argument in
                guard case .value(.string(let text)) = argument else { return .error("\(name) needs a string") }
                return parse(text, name: name, wantTimestamp: wantTimestamp)
            })
        }
    }

    private static func parse(_ text: String, name: String, wantTimestamp: Bool) -> Outcome {
        switch TemporalParser.parse(text) {
        case .date(let day) where !wantTimestamp: .value(.date(day))
        case .timestamp(let instant) where wantTimestamp: .value(.timestamp(instant))
        case .date: .error("'\(text)' is a date, not a timestamp; use date('\(text)') or add a time and offset")
        case .timestamp: .error("'\(text)' is a timestamp, not a date; use timestamp('\(text)')")
        case .invalid(let reason): .error(reason)
        }
    }

    private static func duration(_ name: String, unit: Int, summary: String) -> BuiltinFunction {
        BuiltinFunction(name: name, usage: "\(name)(n)", summary: summary, arity: 1...1) { arguments in
            guard arguments[0].type.fits(.int), !(arguments[0].type == .number) else { return .mismatch }
            let build: @Sendable (Outcome) -> Outcome = { argument in
                guard case .value(.int(let count)) = argument else { return .error("\(name) needs a whole number") }
                let (seconds, overflow) = count.multipliedReportingOverflow(by: unit)
                guard !overflow else { return .error("\(name)(\(count)) is too long a duration") }
                return .duration(seconds)
            }
            if let literal = arguments[0].literal { return .resolved(.duration, .constant(build(Outcome(literal)))) }
            return .resolved(.duration, .unary(build))
        }
    }
}
