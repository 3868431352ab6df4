extension BundleLoader {
    /// What validating a bundle found: a summary of its contents and its warnings.
    public struct Validated: Sendable {
        public var summary: BundleSummary
        public var warnings: [Diagnostic]
    }

    /// Validates the bundle at `path` as `load(path)` does, with the same summary and diagnostics,
    /// but reads an `evidence.csv` listing as a stream, as `readiness check` does, so a million-row
    /// listing is checked in bounded memory instead of being loaded whole.
    ///
    /// One difference: when rows of the listing have errors, references into it are not also
    /// reported as missing (a whole load reports them against the empty listing it is left with).
    ///
    /// - Throws: `DiagnosticError` with every error and warning found, sorted by location.
    public func validate(_ path: String) throws(DiagnosticError) -> Validated {
        let loaded: Loaded
        do {
            loaded = try load(path, streamingEvidence: true)
        } catch {
            // Loading whole gives every problem at once, the listing's rows among them.
            let whole = try load(path)
            return Validated(summary: BundleSummary(whole.bundle), warnings: whole.warnings)
        }
        guard let stream = loaded.evidenceStream else {
            return Validated(summary: BundleSummary(loaded.bundle), warnings: loaded.warnings)
        }
        do {
            let listing = try stream.forEachBlock { _ in }
            return Validated(summary: BundleSummary(loaded.bundle, evidenceItems: listing.count), warnings: loaded.warnings)
        } catch {
            throw DiagnosticError(loaded.warnings + error.diagnostics)
        }
    }
}
