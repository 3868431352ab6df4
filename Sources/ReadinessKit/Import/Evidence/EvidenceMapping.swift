/// How the columns of a forensic tool's file listing become evidence item fields.
///
/// Written as YAML (see `docs/import.md`) or taken from a built-in preset:
///
///     tool: ExampleTool 4 file export (fictional)
///     columns:
///       "Item #": id
///       "Full Path": path
///       "SHA-256": sha256
///       "Deleted": deleted
///       "Status": location
///     values:
///       deleted: {"Yes": true, "No": false, "Unknown": null}
///       location: {"Active": allocated, "Unallocated Clusters": unallocated}
///     set:
///       device: D1
///     timestamps:
///       assume_offset: Z
public struct EvidenceMapping: Sendable {
    /// Order of day and month in dates written with slashes.
    public enum DateOrder: String, Sendable, CaseIterable {
        /// `YYYY-MM-DD` only (ISO 8601).
        case iso
        /// `MM/DD/YYYY` (US tools).
        case mdy
        /// `DD/MM/YYYY` (European tools).
        case dmy
    }

    /// One source column and the bundle field it fills.
    public struct Column: Sendable, Equatable {
        /// The header text in the listing.
        public var source: String
        /// An `EvidenceItem` field, or `grading.<field>`.
        public var field: String
        /// Where the mapping names it, for diagnostics.
        public var location: SourceLocation?
    }

    /// What the mapping describes, e.g. `ExampleTool 4 file export (fictional)`.
    public var tool: String?
    /// The field separator byte (`,`, `;` or tab).
    public var delimiter: UInt8 = 0x2C
    /// Source columns in the order the mapping lists them.
    public var columns: [Column] = []
    /// Per bundle field: source text → bundle text (`nil` maps the text to an absent fact).
    public var values: [String: [String: String?]] = [:]
    /// Constant values for every imported row, by bundle field (e.g. `device: D1`).
    public var constants: [String: String] = [:]
    /// The offset (`Z` or `±HH:MM`) to assume for timestamps written without one.
    public var assumeOffset: String?
    /// How dates with slashes are ordered.
    public var dateOrder: DateOrder = .iso
    /// The separator between values in list cells.
    public var listSeparator: Character = ";"
    /// Prefix put before every imported id: the tool's own ids (none by default), or the ids
    /// generated for rows without an id column (`E-` when empty).
    public var idPrefix = ""
    /// The mapping file, or `preset:<name>`, for diagnostics.
    public var origin: String

    /// An empty mapping; fill in columns and values.
    public init(origin: String) {
        self.origin = origin
    }

    /// The column that fills `field`, if any.
    public func column(for field: String) -> Column? {
        columns.first { $0.field == field }
    }

    /// Whether a row's `field` gets a value from a column or a constant.
    public func provides(_ field: String) -> Bool {
        column(for: field) != nil || constants[field] != nil
    }

    /// The mapped text for a source value of `field`: exact match first, then ignoring letter case.
    ///
    /// Returns `.some(nil)` when the mapping sends the value to "absent", and `nil` when it has no entry.
    func mapped(_ text: String, for field: String) -> String?? {
        guard let table = values[field] else { return nil }
        if let exact = table[text] { return .some(exact) }
        let lowered = text.lowercased()
        if let match = table.first(where: { $0.key.lowercased() == lowered }) { return .some(match.value) }
        return nil
    }
}
