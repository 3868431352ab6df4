import Foundation
import Yams

/// Where an existing bundle folder keeps each section, and the ids it already defines.
///
/// Read without loading the evidence listing (`evidence.csv` or `evidence.jsonl`), so that it costs the same for a bundle with a
/// million evidence rows as for an empty one. The YAML files are composed with the same
/// hardened reader the loader uses (node budget, duplicate keys).
struct BundleLayout {
    let schema: BundleSchema
    /// The bundle folder as the user named it.
    let folder: String
    /// The main file (`case.yaml` or `case.json`).
    let mainFile: String
    /// Section files by section name, e.g. `cybertips` → `B/cybertips.yaml`, `evidence` → `B/evidence.csv`.
    let sectionFiles: [String: String]
    /// Sections given (non-null) inside the main file.
    let sectionsInMainFile: Set<String>
    private let documents: [String: YAMLDocument]

    /// Reads the layout of the bundle folder at `path`.
    init(path: String, schema: BundleSchema) throws(DiagnosticError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(Diagnostic(
                id: "import.not-a-folder", message: "'\(path)' is not a bundle folder", at: nil,
                hint: "import into a bundle folder holding case.yaml; run 'readiness init \(path)' to start one"))
        }
        self.schema = schema
        folder = path
        let sectionNames = schema.root.fields.filter { $0.name != "format" && $0.name != "case" }.map(\.name)
        let files = try BundleFiles(path: path, sections: sectionNames)
        var sectionFiles: [String: String] = [:]
        var documents: [String: YAMLDocument] = [:]
        var main = ""
        for part in files.parts {
            if let section = part.section {
                sectionFiles[section] = part.path
                guard ListingFormat(path: part.path) == nil else { continue }
                documents[section] = try BundleLayout.compose(part.path, files: files)
            } else {
                main = part.path
                documents[""] = try BundleLayout.compose(part.path, files: files)
            }
        }
        mainFile = main
        self.sectionFiles = sectionFiles
        self.documents = documents
        var inMain: Set<String> = []
        if let root = documents[""]?.root, case .mapping(let mapping) = root {
            for (key, value) in mapping {
                guard let name = key.string, sectionNames.contains(name) else { continue }
                if case .scalar(let scalar) = value, ScalarConverter.isNull(scalar.string), scalar.style == .plain { continue }
                inMain.insert(name)
            }
        }
        sectionsInMainFile = inMain
    }

    /// The path of a file in the bundle folder.
    func path(of name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The composed list of a section held in its own YAML file, with that document.
    func sectionDocument(_ section: String) -> YAMLDocument? { documents[section] }

    /// The node of a section, wherever it is held in YAML (own file or main file).
    func sectionNode(_ section: String) -> Yams.Node? {
        if let document = documents[section] { return document.root }
        guard sectionsInMainFile.contains(section), let root = documents[""]?.root, case .mapping(let mapping) = root else {
            return nil
        }
        return mapping[section]
    }

    /// The ids a collection defines in the bundle's YAML files (not in an evidence listing).
    func ids(in collectionKey: String) -> Set<String> {
        guard let collection = schema.collection(named: collectionKey), let first = collection.path.first,
            let node = sectionNode(first)
        else { return [] }
        var ids: Set<String> = []
        BundleLayout.collect(node, path: collection.path.dropFirst(), into: &ids)
        return ids
    }

    private static func collect(_ node: Yams.Node, path: ArraySlice<String>, into ids: inout Set<String>) {
        guard case .sequence(let sequence) = node else { return }
        for element in sequence {
            guard case .mapping(let mapping) = element else { continue }
            if let next = path.first {
                if let child = mapping[next] { collect(child, path: path.dropFirst(), into: &ids) }
            } else if let id = mapping["id"]?.string {
                ids.insert(id)
            }
        }
    }

    private static func compose(_ path: String, files: BundleFiles) throws(DiagnosticError) -> YAMLDocument {
        let data = try files.read(path)
        return try YAMLDocument(text: try BundleLoader.text(of: data, file: path), file: path)
    }
}
