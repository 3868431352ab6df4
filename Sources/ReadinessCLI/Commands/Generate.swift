import ArgumentParser
import ReadinessKit

/// `readiness generate`: write a synthetic bundle of any size.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic, fictional, deterministic bundle of any size.",
        discussion: """
            The same options give byte-identical files. Gap patterns plant documented weaknesses at a \
            chosen rate (default \(GapPattern.defaultRate)); patterns: \
            \(GapPattern.allCases.map { "\($0.rawValue) (\($0.summary))" }.joined(separator: "; ")).

            Examples:
              readiness generate --items 1000 --seed 7 --output exercise-1
              readiness generate --items 1000000 --seed 1 --pattern unallocated-only=0.1 --pattern unverified-hash --output big
              readiness generate --items 1000 --listing jsonl --output exercise-jsonl
            """)

    @Option(help: "Number of evidence items.")
    var items: Int

    @Option(help: "Seed for the pseudo-random choices.")
    var seed: UInt64 = 1

    @Option(help: "US-FED or UK-EW.")
    var jurisdiction: String = "US-FED"

    @Option(help: "A gap pattern to plant, optionally with a rate: NAME or NAME=RATE (repeatable).")
    var pattern: [String] = []

    @Option(help: "The evidence listing's format: csv (evidence.csv) or jsonl (evidence.jsonl, JSON Lines).")
    var listing: ListingFormat = .csv

    @Option(help: "The folder to create.")
    var output: String

    func run() throws {
        guard items >= 0 else { throw ValidationError("--items must be 0 or more") }
        guard ["US-FED", "UK-EW"].contains(jurisdiction) else { throw ValidationError("--jurisdiction must be US-FED or UK-EW") }
        var rates: [GapPattern: Double] = [:]
        for spec in pattern {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            guard let gap = GapPattern(rawValue: parts[0]) else {
                throw ValidationError("unknown pattern '\(parts[0])'; patterns: \(GapPattern.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let rate = parts.count == 2 ? Double(parts[1]) : GapPattern.defaultRate
            guard let rate, (0...1).contains(rate) else { throw ValidationError("the rate in '\(spec)' must be between 0 and 1") }
            rates[gap] = rate
        }
        try BundleGenerator(items: items, seed: seed, jurisdiction: jurisdiction, rates: rates, listing: listing).write(to: output)
        Terminal.print("Wrote \(items) evidence items to \(output) (seed \(seed)). Next: readiness validate \(output)")
    }
}

extension ListingFormat: ExpressibleByArgument {}
