import Foundation
import Yams

/// Sets `cybertip_file` on evidence items whose hash matches an imported CyberTip file.
///
/// An item that already names a CyberTip file is never changed (a different match is a warning).
/// Where the evidence lives decides how: `evidence.csv` is rewritten as it streams past;
/// `evidence.yaml` is rewritten only if it has no comments; evidence kept in the case file (or in
/// a YAML file with comments) is not touched, and each match becomes a warning saying what to add.
struct EvidenceLinker {
    let files: CyberTipHashIndex
    let layout: BundleLayout
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var linked = 0
    private static let warningLimit = 100

    init(files: CyberTipHashIndex, layout: BundleLayout) {
        self.files = files
        self.layout = layout
    }

    /// Stages the linked evidence in `transaction`, or records warnings.
    mutating func link(into transaction: BundleTransaction) throws(DiagnosticError) {
        guard !files.isEmpty else { return }
        if layout.sectionsInMainFile.contains("evidence") {
            linkYAML(file: layout.mainFile, node: layout.sectionNode("evidence"), rewrite: nil)
        } else if let path = layout.sectionFiles["evidence"] {
            if path.lowercased().hasSuffix(".csv") {
                try linkCSV(path, transaction: transaction)
            } else {
                linkYAML(file: path, node: layout.sectionNode("evidence"), rewrite: transaction)
            }
        }
    }

    private mutating func linkCSV(_ path: String, transaction: BundleTransaction) throws(DiagnosticError) {
        var reader = try ChunkedCSVReader(path: path)
        defer { reader.close() }
        guard let header = try reader.next()?.fields else { return }
        reader.expectedWidth = header.count
        let column = { (name: String) in header.firstIndex(of: name) }
        let name = (path as NSString).lastPathComponent
        let output = header.contains("cybertip_file") ? header : header + ["cybertip_file"]
        guard let linkColumn = output.firstIndex(of: "cybertip_file") else { return }
        var writer = try CSVWriter(path: transaction.stage(name))
        try writer.write(output)
        var changed = 0
        while let record = try reader.next() {
            var cells = record.fields
            if cells.count < output.count { cells.append("") }
            let sha256 = column("sha256").map { cells[$0] }, md5 = column("md5").map { cells[$0] }
            let id = column("id").map { cells[$0] } ?? "record \(record.index)"
            if let target = decide(item: id, current: cells[linkColumn].nonEmpty, sha256: sha256, md5: md5,
                                   at: record.positions[0])
            {
                cells[linkColumn] = target
                changed += 1
            }
            try writer.write(cells)
        }
        try writer.close()
        if changed == 0 { transaction.unstage(name) }
        linked += changed
    }

    /// Links items in a YAML list; rewrites the file through `rewrite` when allowed, else warns.
    private mutating func linkYAML(file: String, node: Yams.Node?, rewrite: BundleTransaction?) {
        guard case .sequence(var items)? = node else { return }
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let canRewrite = rewrite != nil && !YAMLWriter.mayHaveComments(text)
        var manual: [(item: String, file: String, location: SourceLocation)] = []
        for (index, item) in items.enumerated() {
            guard case .mapping(var mapping) = item, let id = mapping["id"]?.string else { continue }
            let location = SourceLocation(file: file, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)
            guard let target = decide(item: id, current: mapping["cybertip_file"]?.string?.nonEmpty,
                                      sha256: mapping["sha256"]?.string, md5: mapping["md5"]?.string, at: location)
            else { continue }
            if canRewrite {
                mapping["cybertip_file"] = YAMLWriter.string(target)
                items[index] = .mapping(mapping)
                linked += 1
            } else {
                manual.append((id, target, location))
            }
        }
        let why = rewrite == nil ? "evidence is kept in the case file, which imports never rewrite"
            : "'\(file)' has comments that rewriting would drop"
        for entry in manual.prefix(EvidenceLinker.warningLimit) {
            diagnostics.append(Diagnostic(
                .warning, id: "import.link-by-hand",
                message: "evidence item '\(entry.item)' matches CyberTip file '\(entry.file)' by hash but was not linked: \(why)",
                at: entry.location, hint: "add 'cybertip_file: \(entry.file)' to the item"))
        }
        guard canRewrite, let rewrite, linked > 0, manual.isEmpty else { return }
        do throws(DiagnosticError) {
            try rewrite.stage((file as NSString).lastPathComponent,
                              text: try YAMLWriter.serialize(.sequence(Yams.Node.Sequence(items))))
        } catch {
            diagnostics += error.diagnostics
        }
    }

    /// The file to link an item to, or `nil` to leave it; warns about conflicts and ambiguity.
    private mutating func decide(item: String, current: String?, sha256: String?, md5: String?, at location: SourceLocation)
        -> String?
    {
        let matches = files.matches(sha256: sha256, md5: md5)
        guard let first = matches.first else { return nil }
        if let current {
            if !matches.contains(current), diagnostics.count < EvidenceLinker.warningLimit {
                diagnostics.append(Diagnostic(
                    .warning, id: "import.link-conflict",
                    message: "evidence item '\(item)' is linked to '\(current)' but its hash matches imported file '\(first)'; left unchanged",
                    at: location, hint: "check which CyberTip file the item really is"))
            }
            return nil
        }
        if matches.count > 1, diagnostics.count < EvidenceLinker.warningLimit {
            diagnostics.append(Diagnostic(
                .warning, id: "import.link-ambiguous",
                message: "evidence item '\(item)' matches several CyberTip files (\(matches.joined(separator: ", "))); linked to '\(first)'",
                at: location, hint: "a bundle item names one CyberTip file; record the others in its notes if they matter"))
        }
        return first
    }
}
