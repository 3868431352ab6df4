import Foundation
import Yams

/// Sets `cybertip_file` on evidence items whose hash matches an imported CyberTip file.
///
/// An item that already names a CyberTip file is never changed (a different match is a warning).
/// Where the evidence lives decides how: `evidence.csv` and `evidence.jsonl` are rewritten as they stream past;
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
            switch ListingFormat(path: path) {
            case .csv: try linkCSV(path, transaction: transaction)
            case .jsonLines: try linkJSONLines(path, transaction: transaction)
            case nil:
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

    /// The keys read from each item of a JSON Lines listing, as columns of `JSONLineParser`.
    private static let linkKeys = ["id", "sha256", "md5", "cybertip_file"]

    /// Links items in a JSON Lines listing, rewriting it as it streams past: a linked item gains
    /// `"cybertip_file": "…"` before its closing brace, or in place of a `null` or empty one. Every
    /// other byte of the file is kept as it was.
    mutating func linkJSONLines(_ path: String, transaction: BundleTransaction) throws(DiagnosticError) {
        let name = (path as NSString).lastPathComponent
        let staged = transaction.stage(name)
        guard FileManager.default.createFile(atPath: staged, contents: nil), let output = FileHandle(forWritingAtPath: staged) else {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write '\(staged)'", at: nil,
                                             hint: "check the bundle folder is writable and the disk has room"))
        }
        defer { try? output.close() }
        var parser = JSONLineParser(layout: JSONLinesReader.Layout(keys: Self.linkKeys), file: path)
        var written = Data()
        var (line, record, changed) = (1, 1, 0)
        var failure: DiagnosticError?
        try ListingSource.file(path).forEachChunk(file: path, chunkSize: 4 << 20, chunk: { _ in }) { data, final in
            let consumed = data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                parser.ascii = CSVReader.isASCII(bytes)
                var index = 0
                while index < bytes.count {
                    guard let end = bytes[index...].firstIndex(of: 0x0A) ?? (final ? bytes.count : nil) else { break }
                    let next = min(end + 1, bytes.count)
                    if parser.parse(bytes, line: index..<end, lineNumber: line, record: record) {
                        record += 1
                        if let edit = linkEdit(parser, bytes: bytes, line: index..<end, at: SourceLocation(file: path, line: line, column: 1)) {
                            written.append(contentsOf: bytes[index..<edit.range.lowerBound])
                            written.append(edit.text)
                            written.append(contentsOf: bytes[edit.range.upperBound..<next])
                            changed += 1
                        } else {
                            written.append(contentsOf: bytes[index..<next])
                        }
                    } else {
                        written.append(contentsOf: bytes[index..<next])
                    }
                    (line, index) = (line + 1, next)
                }
                return index
            }
            if written.count >= 1 << 20 || final {
                do {
                    try output.write(contentsOf: written)
                } catch {
                    failure = failure ?? DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write '\(staged)': \(error.localizedDescription)",
                                                                    at: nil, hint: "check the disk has room"))
                }
                written.removeAll(keepingCapacity: true)
            }
            return consumed
        }
        if let failure { throw failure }
        if changed == 0 { transaction.unstage(name) }
        linked += changed
    }

    /// The bytes to write in place of `range` of a parsed line to link its item, or `nil` to leave it.
    private mutating func linkEdit(
        _ parser: JSONLineParser, bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>, at location: SourceLocation
    ) -> (range: Range<Int>, text: Data)? {
        guard parser.isItem else { return nil }
        let current = parser.cells[3]
        guard current.kind == .absent || current.kind == .literal || current.kind == .string,
            let target = decide(item: parser.text(ofColumn: 0) ?? "record \(parser.record)", current: parser.text(ofColumn: 3)?.nonEmpty,
                                sha256: parser.text(ofColumn: 1), md5: parser.text(ofColumn: 2), at: location)
        else { return nil }
        var quoted = JSONByteBuffer(capacity: target.utf8.count + 8)
        quoted.appendString(target)
        let value = Data(bytes: quoted.base, count: quoted.count)
        if current.kind != .absent {
            // `null` or `""`: the value's token is replaced.
            return (current.offset..<current.offset + (current.kind == .string ? 2 : 4), value)
        }
        // Before the closing brace, after the last non-blank byte inside the object.
        var close = line.upperBound - 1
        while bytes[close] != UInt8(ascii: "}") { close -= 1 }
        var last = close - 1
        while [0x20, 0x09, 0x0D].contains(bytes[last]) { last -= 1 }
        let separator = bytes[last] == UInt8(ascii: "{") ? "" : ", "
        return (last + 1..<last + 1, Data("\(separator)\"cybertip_file\": ".utf8) + value)
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
