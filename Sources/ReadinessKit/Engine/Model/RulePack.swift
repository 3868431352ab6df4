/// A rule pack as written in YAML: a declarative checklist for one jurisdiction (or all).
public struct RulePack: Sendable {
    public var id: String
    public var title: String
    public var version: String
    public var jurisdictions: [String]
    public var extends: String?
    public var description: String
    public var profiles: [Profile]
    public var tables: [TableDeclaration]
    public var offences: [Offence]
    public var rules: [Rule]
    /// The pack file and its SHA-256, for reproducibility footers.
    public var file: String
    public var sha256: String
}

/// A named selection of rules with severity overrides and decision thresholds.
public struct Profile: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var severityOverrides: [String: Severity]
    /// Severities whose open findings make the decision `not_ready`.
    public var notReady: Set<Severity>
    /// Severities whose open findings make the decision `ready_with_conditions`.
    public var conditions: Set<Severity>

    /// The thresholds used when no profile is chosen.
    public static let standard = Profile(
        name: "default", description: "All rules.", severityOverrides: [:], notReady: [.blocker], conditions: [.major])
}

/// A data table declared by a pack: typed columns and rows keyed by string, with an optional default row.
public struct TableDeclaration: Sendable {
    public var name: String
    public var description: String
    public var columns: [(name: String, type: ExpressionType)]
    public var rows: [String: [String: Value]]
    public var defaultRow: [String: Value]?
    public var location: SourceLocation
}

/// An offence a pack covers, resolved from a charge by its statute, with its elements.
public struct Offence: Sendable, Hashable, Codable {
    public var id: String
    public var statute: String
    public var title: String
    public var elements: [Element]

    /// One element the prosecution must prove.
    public struct Element: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// Witness roles that usually prove it.
        public var provedBy: [String]
    }
}
