import Foundation
import Yams

/// Reads rule-pack files (`format: readiness-rules/1`) into `RulePack`s, collecting every problem
/// with its file, line and column. Expressions are checked later, by `PackCompiler`.
public struct RulePackLoader: Sendable {
    /// The format tag pack files must declare.
    public static let formatTag = "readiness-rules/1"

    public init() {}

    /// Loads every `.yaml`/`.yml` pack in the given files and folders (folders are searched one level deep).
    public func load(_ paths: [String]) throws(DiagnosticError) -> [RulePack] {
        var packs: [RulePack] = []
        var diagnostics: [Diagnostic] = []
        let files = Self.packFiles(in: paths, diagnostics: &diagnostics)
        // Files are read on every core (a check reads four packs before it starts); results are
        // taken in file order, so diagnostics come out as from one thread.
        let results = SharedSlot<[Int: Result<RulePack, DiagnosticError>]>()
        results.value = [:]
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result: Result<RulePack, DiagnosticError>
            do throws(DiagnosticError) {
                result = .success(try loadFile(files[index]))
            } catch {
                result = .failure(error)
            }
            results.update { $0?[index] = result }
        }
        for index in files.indices {
            switch results.value?[index] {
            case .success(let pack)?: packs.append(pack)
            case .failure(let error)?: diagnostics += error.diagnostics
            case nil: preconditionFailure("every pack file is read")
            }
        }
        var seen: [String: String] = [:]
        for pack in packs {
            if let other = seen[pack.id] {
                diagnostics.append(Diagnostic(id: "rules.duplicate-id", message: "pack id '\(pack.id)' is used by both \(other) and \(pack.file)",
                                              at: SourceLocation(file: pack.file, line: 1, column: 1), hint: "give each pack its own id"))
            }
            seen[pack.id] = pack.file
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(diagnostics) }
        return packs.sorted { $0.id < $1.id }
    }

    /// Loads one pack file.
    public func loadFile(_ file: String) throws(DiagnosticError) -> RulePack {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DiagnosticError(Diagnostic(id: "rules.not-found", message: "cannot read rule pack '\(file)'", at: nil,
                                             hint: "check the path; packs live under rules/"))
        }
        let text = try BundleLoader.text(of: data, file: file)
        let document = try YAMLDocument(text: text, file: file)
        var reader = PackReader(document: document, text: text)
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let root = document.root,
            let fields = reader.fields(
                of: root, in: "a rule pack",
                allowed: ["format", "pack", "title", "version", "jurisdictions", "extends", "description", "profiles",
                          "tables", "offences", "rules"],
                required: ["format", "pack", "title", "version", "rules"])
        else {
            let found = reader.diagnostics.isEmpty
                ? [Diagnostic(id: "rules.wrong-type", message: "a rule pack must be a mapping", at: start)] : reader.diagnostics
            throw DiagnosticError(found)
        }
        if let format = reader.string(fields["format"], "format"), format != Self.formatTag, let node = fields["format"] {
            reader.report("rules.unsupported-format", "unsupported rule-pack format '\(format)'; this tool reads \(Self.formatTag)",
                          at: node, hint: "write 'format: \(Self.formatTag)'")
        }
        let id = reader.string(fields["pack"], "pack") ?? ""
        let jurisdictions = reader.strings(fields["jurisdictions"], "jurisdictions") ?? []
        var sections = PackSections(reader: reader, packID: id, defaultJurisdiction: jurisdictions.first ?? "US-FED")
        let profiles = sections.profiles(fields["profiles"])
        let tables = sections.tables(fields["tables"])
        let offences = sections.offences(fields["offences"])
        let rules = sections.rules(fields["rules"])
        reader = sections.reader
        guard !reader.diagnostics.contains(where: { $0.severity == .error }) else { throw DiagnosticError(reader.diagnostics) }
        return RulePack(
            id: id, title: reader.string(fields["title"], "title") ?? id, version: reader.string(fields["version"], "version") ?? "",
            jurisdictions: jurisdictions, extends: reader.string(fields["extends"], "extends"),
            description: reader.string(fields["description"], "description") ?? "", profiles: profiles, tables: tables,
            offences: offences, rules: rules, file: file, sha256: BundleFiles.sha256(data))
    }

    /// The pack files named by `paths`: files as given, folders' `.yaml`/`.yml` files in name order.
    static func packFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(id: "rules.not-found", message: "no rule pack or folder at '\(path)'", at: nil,
                                              hint: "give a pack file or a folder of packs, e.g. rules/"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                files.append(path.hasSuffix("/") ? path + name : path + "/" + name)
            }
        }
        return files
    }
}
