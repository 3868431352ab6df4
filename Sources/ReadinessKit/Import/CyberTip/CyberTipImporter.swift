import Foundation
import Yams

/// Imports CyberTipline XML reports into a bundle's `cybertips.yaml`.
///
/// Each file is read with the hardened `SafeXML` reader, mapped by `CyberTipXMLMapper`, merged
/// by report number and file id (`CyberTipMerger`), and linked to evidence items by hash
/// (`EvidenceLinker`). All files change together or not at all; see `docs/import.md`.
///
///     let report = try CyberTipImporter().importReports(["tips.xml"], into: "cases/2026-CR-0142")
///     print(report.added)   // ["cybertips": 2, "cybertip_files": 5]
public struct CyberTipImporter: Sendable {
    /// The bundle schema the reports are mapped to.
    public let schema: BundleSchema
    /// Limits applied to every XML file.
    public var limits: ParserLimits

    /// Size and shape limits for imported XML.
    public struct ParserLimits: Sendable {
        /// Largest accepted file, in bytes (64 MiB).
        public var maxBytes: Int
        /// Deepest accepted element nesting (64).
        public var maxDepth: Int

        /// Limits; the defaults are 64 MiB and 64 levels.
        public init(maxBytes: Int = 64 << 20, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    /// An importer for `schema` with the given XML limits.
    public init(schema: BundleSchema = .v1, limits: ParserLimits = ParserLimits()) {
        self.schema = schema
        self.limits = limits
    }

    /// Reads the reports in XML `files` without touching any bundle.
    ///
    /// - Returns: The reports, as `CyberTip` YAML, and the warnings.
    /// - Throws: `DiagnosticError` with every error (and warning) found across the files.
    func readReports(_ files: [String]) throws(DiagnosticError) -> (reports: [ImportedRecord], warnings: [Diagnostic]) {
        var reports: [ImportedRecord] = [], diagnostics: [Diagnostic] = []
        let xmlLimits = SafeXML.Limits(maxBytes: limits.maxBytes, maxDepth: limits.maxDepth)
        for file in files {
            do throws(DiagnosticError) {
                let root = try SafeXML.parse(file: file, limits: xmlLimits)
                var mapper = CyberTipXMLMapper(schema: schema)
                reports += mapper.reports(in: root)
                diagnostics += mapper.diagnostics
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(diagnostics) }
        return (reports, diagnostics)
    }

    /// Imports the reports in XML `files` into the bundle folder `bundle`.
    ///
    /// - Returns: Reports and files added or already present, links made, and warnings.
    /// - Throws: `DiagnosticError` for unreadable or malformed XML, bad values, a bundle that keeps
    ///   CyberTips in its case file, or a bundle that does not validate; the bundle is then unchanged.
    public func importReports(_ files: [String], into bundle: String, options: ImportOptions = ImportOptions())
        throws(DiagnosticError) -> ImportReport
    {
        let (reports, warnings) = try readReports(files)
        let layout = try BundleLayout(path: bundle, schema: schema)
        let target = try targetFile(layout)
        let commit = try ImportCommit(bundle: bundle, layout: layout, options: options)
        let transaction = try BundleTransaction(folder: bundle)
        var initial = ImportReport(bundle: bundle)
        initial.diagnostics = warnings
        return try commit.run(transaction, report: initial) { (report) throws(DiagnosticError) in
            var merger = CyberTipMerger(existing: layout.sectionNode("cybertips"), file: target.path, schema: schema)
            for tip in reports { merger.merge(tip) }
            if merger.diagnostics.contains(where: { $0.severity == .error }) {
                throw DiagnosticError(merger.diagnostics + warnings)
            }
            report.diagnostics += merger.diagnostics
            if merger.tipsAdded > 0 || merger.filesAdded > 0 || merger.completed > 0 {
                try transaction.stage(target.name, text: try cyberTipsText(merger, target: target))
            }
            var linker = EvidenceLinker(files: importedFiles(reports), layout: layout)
            try linker.link(into: transaction)
            report.diagnostics += linker.diagnostics
            report.added = ["cybertips": merger.tipsAdded, "cybertip_files": merger.filesAdded]
            report.alreadyPresent = ["cybertips": merger.tipsPresent, "cybertip_files": merger.filesPresent]
            report.completed = merger.completed
            report.linked = linker.linked
        }
    }

    /// The file the CyberTips go to; refuses bundles that keep them in the case file or in JSON.
    private func targetFile(_ layout: BundleLayout) throws(DiagnosticError) -> (name: String, path: String, existing: String?) {
        if layout.sectionsInMainFile.contains("cybertips") {
            throw DiagnosticError(Diagnostic(
                id: "import.cybertips-in-case-file",
                message: "the bundle keeps its CyberTips in '\(layout.mainFile)'; imports write cybertips.yaml and never rewrite the case file",
                at: SourceLocation(file: layout.mainFile, line: 1, column: 1),
                hint: "move the list under 'cybertips:' into a new cybertips.yaml (the list itself, without the key), "
                    + "delete it from the case file, check with 'readiness validate', then import again; nothing was changed"))
        }
        if let existing = layout.sectionFiles["cybertips"] {
            guard !existing.lowercased().hasSuffix(".json") else {
                throw DiagnosticError(Diagnostic(
                    id: "import.cybertips-in-json", message: "the bundle keeps its CyberTips in JSON ('\(existing)'); imports write YAML",
                    at: SourceLocation(file: existing, line: 1, column: 1),
                    hint: "convert it to cybertips.yaml (JSON is valid YAML: renaming it is enough), then import again"))
            }
            return ((existing as NSString).lastPathComponent, existing, existing)
        }
        return ("cybertips.yaml", layout.path(of: "cybertips.yaml"), nil)
    }

    /// The new text of the CyberTips file: the old text with new reports appended when only
    /// reports were added (keeping comments and layout), otherwise the whole list re-emitted.
    private func cyberTipsText(_ merger: CyberTipMerger, target: (name: String, path: String, existing: String?))
        throws(DiagnosticError) -> String
    {
        let merged = Yams.Node.sequence(Yams.Node.Sequence(merger.tips))
        guard let existing = target.existing else { return try YAMLWriter.serialize(merged) }
        let old = (try? String(contentsOfFile: existing, encoding: .utf8)) ?? ""
        if !merger.changedExisting {
            let added = Yams.Node.sequence(Yams.Node.Sequence(Array(merger.tips[merger.originalCount...])))
            let appended = (old.hasSuffix("\n") ? old : old + "\n") + (try YAMLWriter.serialize(added))
            if let reread = try? Yams.compose(yaml: appended), YAMLWriter.shape(of: reread) == YAMLWriter.shape(of: merged) {
                return appended
            }
        }
        guard !YAMLWriter.mayHaveComments(old) else {
            throw DiagnosticError(Diagnostic(
                id: "import.would-drop-comments",
                message: "adding to CyberTips already in '\(existing)' means rewriting it, which would drop its comments",
                at: SourceLocation(file: existing, line: 1, column: 1),
                hint: "move the comments into the reports' 'notes' fields (or delete them), then import again; nothing was changed"))
        }
        return try YAMLWriter.serialize(merged)
    }

    private func importedFiles(_ reports: [ImportedRecord]) -> CyberTipHashIndex {
        var index = CyberTipHashIndex()
        for tip in reports {
            guard case .records(let files)? = tip["files"] else { continue }
            for file in files {
                if let id = file.id { index.add(id: id, sha256: file.text("sha256"), md5: file.text("md5")) }
            }
        }
        return index
    }
}
