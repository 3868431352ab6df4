import Yams

/// Merges imported CyberTips into the bundle's `cybertips` list, keyed by report number and
/// file id, never changing or removing what the bundle holds.
///
/// - A report not in the bundle is appended.
/// - A report already in the bundle keeps every value it has; fields it lacks are filled from
///   the import, files it lacks are appended, and its notes gain the imported notes unless they
///   already contain them. Where the bundle and the import disagree, the bundle's value is kept
///   and a warning names both.
/// - A file id used by another report is an error.
struct CyberTipMerger {
    /// The merged list.
    private(set) var tips: [Yams.Node]
    /// How many entries the list had before the import; later ones are new.
    let originalCount: Int
    /// Whether any entry that was already in the bundle changed.
    private(set) var changedExisting = false
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var tipsAdded = 0, tipsPresent = 0, filesAdded = 0, filesPresent = 0, completed = 0

    private let file: String
    private let tipType: RecordType
    private let fileType: RecordType
    private var tipIndex: [String: Int] = [:]
    /// Which report holds each file id.
    private var fileOwner: [String: String] = [:]

    /// Starts from the bundle's `cybertips` list (`nil` when the bundle has none), read from `file`.
    init(existing: Yams.Node?, file: String, schema: BundleSchema) {
        guard let tipType = schema.type(named: "CyberTip"), let fileType = schema.type(named: "CyberTipFile") else {
            preconditionFailure("the bundle schema defines CyberTip and CyberTipFile")
        }
        self.tipType = tipType
        self.fileType = fileType
        self.file = file
        if case .sequence(let sequence)? = existing { tips = Array(sequence) } else { tips = [] }
        originalCount = tips.count
        for (index, tip) in tips.enumerated() {
            guard let id = tip.mapping?["id"]?.string else { continue }
            tipIndex[id] = index
            for fileID in CyberTipMerger.fileIDs(of: tip) { fileOwner[fileID] = id }
        }
    }

    /// Merges one imported report.
    mutating func merge(_ tip: ImportedRecord) {
        guard let id = tip.id else { return }
        let files: [ImportedRecord] = if case .records(let files)? = tip["files"] { files } else { [] }
        for file in files {
            guard let fileID = file.id, let owner = fileOwner[fileID], owner != id else { continue }
            diagnostics.append(Diagnostic(
                id: "import.duplicate-id", message: "file id '\(fileID)' of report \(id) is already used by report \(owner)",
                at: file.location, hint: "file ids must be unique across the bundle; check the report and file numbers"))
            return
        }
        guard let index = tipIndex[id] else {
            tipIndex[id] = tips.count
            tips.append(YAMLWriter.node(for: tip))
            for fileID in files.compactMap(\.id) { fileOwner[fileID] = id }
            tipsAdded += 1
            filesAdded += files.count
            return
        }
        tipsPresent += 1
        guard case .mapping(var mapping) = tips[index] else { return }
        var changed = fill(&mapping, from: tip, label: "report \(id)")
        var fileNodes: [Yams.Node] = if case .sequence(let sequence)? = mapping["files"] { Array(sequence) } else { [] }
        for file in files {
            guard let fileID = file.id else { continue }
            if let position = fileNodes.firstIndex(where: { $0.mapping?["id"]?.string == fileID }),
                case .mapping(var fileMapping) = fileNodes[position]
            {
                filesPresent += 1
                if fill(&fileMapping, from: file, label: "file \(fileID)") {
                    fileNodes[position] = .mapping(fileMapping)
                    changed = true
                }
            } else {
                fileNodes.append(YAMLWriter.node(for: file))
                fileOwner[fileID] = id
                filesAdded += 1
                changed = true
            }
        }
        if changed {
            if !fileNodes.isEmpty { mapping["files"] = .sequence(Yams.Node.Sequence(fileNodes)) }
            tips[index] = .mapping(mapping)
            if index < originalCount { changedExisting = true }
        }
    }

    /// Fills fields the bundle lacks; warns where it disagrees. Returns whether anything changed.
    private mutating func fill(_ mapping: inout Yams.Node.Mapping, from record: ImportedRecord, label: String) -> Bool {
        var changed = false
        for (field, value) in record.orderedValues where field.name != "files" && field.name != "id" {
            guard let existing = mapping[field.name], !CyberTipMerger.isNull(existing) else {
                mapping[field.name] = YAMLWriter.node(for: value, type: field.type)
                changed = true
                continue
            }
            if field.name == "notes", case .scalar(let imported) = value, let current = existing.string {
                if !current.contains(imported) {
                    mapping["notes"] = YAMLWriter.string(current + "\n\n" + imported)
                    changed = true
                }
                continue
            }
            guard !CyberTipMerger.same(existing, value, field: field) else { continue }
            let place = existing.mark.map { " (\(file):\($0.line):\($0.column))" } ?? ""
            diagnostics.append(Diagnostic(
                .warning, id: "import.conflict",
                message: "\(label): '\(field.name)' is \(CyberTipMerger.describe(existing)) in the bundle\(place) "
                    + "but \(CyberTipMerger.describe(value)) in the import; the bundle's value was kept",
                at: record.location, hint: "correct the bundle by hand if the import is right"))
        }
        if changed { completed += 1 }
        return changed
    }

    /// Whether a bundle node and an imported value mean the same, compared as the loader reads them.
    static func same(_ node: Yams.Node, _ value: ImportedRecord.Value, field: FieldSchema) -> Bool {
        switch (node, value) {
        case (.scalar(let scalar), .scalar(let text)):
            let style: ScalarConverter.Style = scalar.style == .plain ? .plain : .quoted
            let left = try? ScalarConverter.convert(scalar.string, style: style, to: field.type, field: field.name)
            let right = try? ScalarConverter.convert(text, style: .plain, to: field.type, field: field.name)
            if let left, let right { return left == right }
            return scalar.string == text
        case (.sequence(let sequence), .list(let texts)):
            return Set(sequence.compactMap(\.string)) == Set(texts)
        default:
            return false
        }
    }

    static func isNull(_ node: Yams.Node) -> Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ScalarConverter.isNull(scalar.string) }
        return false
    }

    private static func describe(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string.prefix(60))'"
        case .sequence(let sequence): "[" + sequence.compactMap(\.string).joined(separator: ", ") + "]"
        default: "a mapping"
        }
    }

    private static func describe(_ value: ImportedRecord.Value) -> String {
        switch value {
        case .scalar(let text): "'\(text.prefix(60))'"
        case .list(let texts): "[" + texts.joined(separator: ", ") + "]"
        case .records: "records"
        }
    }

    private static func fileIDs(of tip: Yams.Node) -> [String] {
        guard case .sequence(let files)? = tip.mapping?["files"] else { return [] }
        return files.compactMap { $0.mapping?["id"]?.string }
    }
}
