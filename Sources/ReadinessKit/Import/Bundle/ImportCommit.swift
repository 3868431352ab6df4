/// The steps every import shares around its own work: check the bundle first, then replace its
/// files as one change and check it again, restoring the originals if the result does not load.
struct ImportCommit {
    let bundle: String
    let schema: BundleSchema
    let options: ImportOptions
    let validation: ImportValidation
    /// The bundle's evidence listing after the import: the one it has, or the `evidence.csv` an evidence import writes.
    private let listing: String

    /// Decides the validation mode from the current evidence listing and, for `full`, loads the bundle.
    ///
    /// - Throws: the bundle's own errors, headed by one saying the bundle must be fixed first.
    init(bundle: String, layout: BundleLayout, options: ImportOptions) throws(DiagnosticError) {
        self.bundle = bundle
        self.schema = layout.schema
        self.options = options
        listing = layout.sectionFiles["evidence"] ?? layout.path(of: "evidence.csv")
        let evidenceBytes = ImportOptions.size(of: layout.sectionFiles["evidence"])
        validation = options.resolvedValidation(evidenceBytes: evidenceBytes)
        guard validation == .full else { return }
        do throws(DiagnosticError) {
            _ = try BundleLoader(schema: layout.schema).load(bundle)
        } catch {
            throw DiagnosticError([Diagnostic(
                id: "import.bundle-invalid", message: "the bundle '\(bundle)' has errors; nothing was imported",
                at: nil, hint: "fix them first ('readiness validate \(bundle)')")] + error.diagnostics)
        }
    }

    /// Runs `stage` to stage the import's files, then commits them; if staging fails, nothing
    /// staged is kept. Returns the report with its diagnostics sorted.
    func run(
        _ transaction: BundleTransaction, report: ImportReport, stage: (inout ImportReport) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> ImportReport {
        var report = report
        do throws(DiagnosticError) {
            try stage(&report)
        } catch {
            transaction.discard()
            throw error
        }
        try commit(transaction, report: &report)
        report.diagnostics.sort()
        return report
    }

    /// Commits the transaction (unless a dry run), validates, and rolls back on failure.
    func commit(_ transaction: BundleTransaction, report: inout ImportReport) throws(DiagnosticError) {
        report.dryRun = options.dryRun
        guard !options.dryRun, !transaction.isEmpty else {
            transaction.discard()
            report.validation = "none"
            return
        }
        let names = transaction.stagedNames
        try transaction.commit()
        report.written = names
        let mode = options.resolvedValidation(evidenceBytes: ImportOptions.size(of: listing))
        guard mode == .full else {
            transaction.finish()
            report.validation = "streamed"
            return
        }
        do throws(DiagnosticError) {
            let loaded = try BundleLoader(schema: schema).load(bundle)
            report.summary = BundleSummary(loaded.bundle)
            report.validation = "full"
            transaction.finish()
        } catch {
            transaction.rollback()
            report.written = []
            throw DiagnosticError([Diagnostic(
                id: "import.result-invalid", message: "the imported bundle did not validate; the bundle was restored as it was",
                at: nil, hint: "this is a bug in the importer or a problem with the input; please report it")] + error.diagnostics)
        }
    }
}
