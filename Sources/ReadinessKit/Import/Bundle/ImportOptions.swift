import Foundation

/// How an import checks the bundle before and after writing it.
public enum ImportValidation: String, Sendable, CaseIterable, Codable {
    /// `full` unless the bundle's `evidence.csv` is larger than `ImportOptions.fullValidationLimit`.
    case auto
    /// Load the whole bundle with `BundleLoader` before and after the import (memory grows with
    /// the number of evidence rows: about 1.3 GB for a million).
    case full
    /// Check every imported row as it streams past, against the same field rules the loader
    /// uses, and the bundle's YAML files; do not load `evidence.csv` as a whole.
    case streamed
}

/// Options shared by the importers.
public struct ImportOptions: Sendable {
    /// How to validate; see `ImportValidation`.
    public var validation: ImportValidation
    /// Do everything except replacing the bundle's files.
    public var dryRun: Bool
    /// Above this size of `evidence.csv`, `auto` validation streams instead of loading the bundle.
    public var fullValidationLimit: Int

    /// The default `auto` limit: 64 MiB of `evidence.csv` (about 300,000 rows), which the loader
    /// holds in roughly 450 MB.
    public static let defaultFullValidationLimit = 64 << 20

    /// Options for one import; the defaults validate `auto` and write the bundle.
    public init(validation: ImportValidation = .auto, dryRun: Bool = false,
                fullValidationLimit: Int = ImportOptions.defaultFullValidationLimit) {
        self.validation = validation
        self.dryRun = dryRun
        self.fullValidationLimit = fullValidationLimit
    }

    /// The validation actually used for a bundle whose `evidence.csv` has `evidenceBytes` bytes.
    func resolvedValidation(evidenceBytes: Int) -> ImportValidation {
        guard validation == .auto else { return validation }
        return evidenceBytes > fullValidationLimit ? .streamed : .full
    }

    /// The size of a file, or 0 if it does not exist.
    static func size(of path: String?) -> Int {
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return 0 }
        return (attributes[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// What an import did.
public struct ImportReport: Sendable, Encodable {
    /// The bundle folder imported into.
    public var bundle: String
    /// Records added (CyberTips, CyberTip files, or evidence items).
    public var added: [String: Int] = [:]
    /// Records that were already in the bundle and were left as they were.
    public var alreadyPresent: [String: Int] = [:]
    /// Existing records given fields they lacked.
    public var completed: Int = 0
    /// Evidence items linked to CyberTip files by hash.
    public var linked: Int = 0
    /// The bundle files replaced or created (none for a dry run or a no-op).
    public var written: [String] = []
    /// How the bundle was validated: `full`, `streamed`, or `none` for a dry run.
    public var validation: String = "none"
    /// Counts of the bundle after import (full validation only).
    public var summary: BundleSummary?
    /// Warnings and notes, sorted by location.
    public var diagnostics: [Diagnostic] = []
    /// Whether this was a dry run.
    public var dryRun = false

    /// An empty report for an import into `bundle`.
    public init(bundle: String) {
        self.bundle = bundle
    }
}
