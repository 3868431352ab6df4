import Crypto
import Foundation

/// Finds and reads the files of a bundle: a folder (`case.yaml` plus section files) or a single file.
///
/// Nothing outside the bundle is read: section files and attachments that resolve (through `..`
/// or symbolic links) outside the bundle folder are refused.
struct BundleFiles {
    /// One file of the bundle and the root section it supplies (`nil` for the main file).
    struct Part {
        var path: String
        var section: String?
    }

    let folder: URL
    let parts: [Part]
    let warnings: [Diagnostic]

    /// Files a bundle folder may hold besides its sections, which are not read.
    static let companions: Set<String> = ["README.md", "expected.yaml", "docs"]
    static let dataExtensions = ["yaml", "yml", "json"]

    /// Lists the parts of the bundle at `path`.
    init(path: String, sections: [String]) throws(DiagnosticError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiagnosticError(Diagnostic(
                id: "bundle.not-found", message: "no bundle at '\(path)'", at: nil,
                hint: "give a bundle folder holding case.yaml, or a single .yaml or .json bundle file"))
        }
        guard isDirectory.boolValue else {
            folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            parts = [Part(path: path, section: nil)]
            warnings = []
            return
        }
        folder = URL(fileURLWithPath: path, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let join = { (name: String) in path.hasSuffix("/") ? path + name : path + "/" + name }
        var found: [Part] = []
        var warnings: [Diagnostic] = []
        let mains = names.filter { Self.stem($0) == "case" && Self.dataExtensions.contains(Self.ext($0)) }
        guard mains.count == 1, let main = mains.first else {
            throw DiagnosticError(Diagnostic(
                id: "bundle.not-found",
                message: mains.isEmpty ? "bundle folder '\(path)' has no case.yaml" : "bundle folder '\(path)' has more than one case file: \(mains.joined(separator: ", "))",
                at: nil, hint: "a bundle folder holds exactly one case.yaml (or case.json); run 'readiness init' for a starter"))
        }
        found.append(Part(path: join(main), section: nil))
        var claimed: [String: String] = [:]
        for name in names where name != main && !Self.companions.contains(name) && !name.hasPrefix(".") {
            let stem = Self.stem(name), ext = Self.ext(name)
            let isListing = ListingFormat.fileExtensions.contains(ext)
            guard Self.dataExtensions.contains(ext) || isListing else { continue }
            let accepts = sections.contains(stem) && (!isListing || stem == "evidence")
            guard accepts else {
                warnings.append(Diagnostic(
                    .warning, id: "bundle.unknown-file", message: "'\(name)' is not a bundle section and was not read",
                    at: SourceLocation(file: join(name), line: 1, column: 1),
                    hint: Suggestion.didYouMean(stem, in: sections).map { "rename it: \($0)" }
                        ?? "section files are named after sections: \(sections.joined(separator: ", "))"))
                continue
            }
            if let other = claimed[stem] {
                throw DiagnosticError(Diagnostic(
                    id: "bundle.duplicate-section", message: "section '\(stem)' is given by both '\(other)' and '\(name)'",
                    at: SourceLocation(file: join(name), line: 1, column: 1), hint: "keep one file per section"))
            }
            claimed[stem] = name
            found.append(Part(path: join(name), section: stem))
        }
        parts = found
        self.warnings = warnings
    }

    /// Reads a part's bytes after checking it lies inside the bundle folder and is a regular file
    /// of at most `limit` bytes.
    func read(_ path: String, limit: Int = .max) throws(DiagnosticError) -> Data {
        try checkReadable(path, limit: limit)
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw DiagnosticError(Diagnostic(id: "bundle.not-found", message: "cannot read '\(path)'", at: nil,
                                             hint: "check the file exists and is readable"))
        }
        return data
    }

    /// Checks an attachment path: relative, inside the bundle folder, present.
    func checkAttachment(_ attachment: PendingAttachment) -> Diagnostic? {
        if attachment.path.hasPrefix("/") || attachment.path.hasPrefix("~") {
            return Diagnostic(id: "bundle.attachment-escapes", message: "attachment '\(attachment.path)' is an absolute path",
                              at: attachment.location, hint: "give the path relative to the bundle folder, e.g. docs/report.pdf")
        }
        // '..' is refused outright rather than resolved: Foundation's path normalisation and the
        // operating system's disagree ('docs//..//..//x' looked inside to one and was outside to the
        // other), and through a symbolic link even the operating system's answer depends on the link.
        let components = attachment.path.split(separator: "/")
        if components.contains("..") {
            var depth = 0, climbsOut = false
            for component in components where component != "." {
                depth += component == ".." ? -1 : 1
                climbsOut = climbsOut || depth < 0
            }
            return Diagnostic(
                id: "bundle.attachment-escapes",
                message: climbsOut ? "attachment '\(attachment.path)' resolves outside the bundle folder"
                    : "attachment '\(attachment.path)' goes up a folder with '..'",
                at: attachment.location,
                hint: climbsOut ? "keep every file of a bundle inside its folder; copy it in rather than linking"
                    : "write the path from the bundle folder down, without '..', e.g. docs/report.pdf")
        }
        let full = folder.appendingPathComponent(components.joined(separator: "/")).path
        do throws(DiagnosticError) {
            try ensureInside(full, location: attachment.location, what: "attachment '\(attachment.path)'")
        } catch {
            return error.diagnostics.first
        }
        guard FileManager.default.fileExists(atPath: full) else {
            return Diagnostic(.warning, id: "bundle.attachment-missing", message: "attachment '\(attachment.path)' does not exist",
                              at: attachment.location, hint: "add the file to the bundle folder or correct the path")
        }
        return nil
    }

    /// Checks a part before it is opened: inside the bundle folder, a regular file (a FIFO would
    /// block the open and a device never end), and at most `limit` bytes (a huge YAML file would
    /// exhaust memory). The diagnostics have no location: the renderer would print the file's first
    /// line, which for a file that escapes the bundle is outside it.
    private func checkReadable(_ path: String, limit: Int) throws(DiagnosticError) {
        try ensureInside(path, location: nil, what: "file '\(path)'")
        let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: path).resolvingSymlinksInPath().path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw DiagnosticError(Diagnostic(id: "bundle.not-found", message: "'\(path)' is not a regular file", at: nil,
                                             hint: "a bundle holds ordinary files only; replace it with a copy of the file"))
        }
        if let size = attributes?[.size] as? Int, size > limit {
            throw DiagnosticError(Diagnostic(
                id: "bundle.too-large", message: "'\(path)' is larger than \(limit >> 20) MB", at: nil,
                hint: "put long evidence lists in evidence.csv or evidence.jsonl; a case file this large is not metadata"))
        }
    }

    private func ensureInside(_ path: String, location: SourceLocation?, what: String) throws(DiagnosticError) {
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard target == base || target.hasPrefix(prefix) else {
            throw DiagnosticError(Diagnostic(
                id: "bundle.attachment-escapes", message: "\(what) resolves outside the bundle folder",
                at: location, hint: "keep every file of a bundle inside its folder; copy it in rather than linking"))
        }
    }

    /// A streaming reader for the evidence listing at `path`, after checking it lies inside the bundle.
    func tabularReader(_ path: String, schema: BundleSchema, knownIDs: [String: Set<String>]) throws(DiagnosticError)
        -> TabularEvidenceReader
    {
        try checkReadable(path, limit: .max)
        return TabularEvidenceReader(schema: schema, reader: ListingReader(file: path, path: path), knownIDs: knownIDs)
    }

    /// Lowercase hex SHA-256 of `data`.
    static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    /// Lowercase hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func stem(_ name: String) -> String { (name as NSString).deletingPathExtension }
    private static func ext(_ name: String) -> String { (name as NSString).pathExtension.lowercased() }
}
