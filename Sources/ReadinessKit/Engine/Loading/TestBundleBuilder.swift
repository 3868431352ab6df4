import Yams

/// Builds a rule test's bundle: its sections merged over a minimal valid bundle, decoded with the
/// same validation as any bundle, so problems point at the test's lines in the pack file.
struct TestBundleBuilder {
    let document: YAMLDocument
    let jurisdiction: String
    var diagnostics: [Diagnostic] = []

    /// The merged, validated bundle, or `nil` with diagnostics.
    mutating func bundle(from node: Yams.Node?) -> CaseBundle? {
        let schema = BundleSchema.v1
        var caseNode = Yams.Node.Mapping([
            (Yams.Node("id"), Yams.Node("TEST")), (Yams.Node("caption"), Yams.Node("Rule test (fictional)")),
            (Yams.Node("jurisdiction"), Yams.Node(jurisdiction)), (Yams.Node("stage"), Yams.Node("pre_charge")),
        ])
        var sections: [(Yams.Node, Yams.Node)] = []
        if let node {
            guard case .mapping(let mapping) = node else {
                diagnostics.append(Diagnostic(id: "rules.wrong-type", message: "a test's 'bundle' must be a mapping of sections",
                                              at: document.location(of: node)))
                return nil
            }
            for (key, value) in mapping {
                if key.string == "case", case .mapping(let overrides) = value {
                    for (field, fieldValue) in overrides { caseNode[field] = fieldValue }
                } else {
                    sections.append((key, value))
                }
            }
        }
        var decoder = RecordDecoder(schema: schema, document: document)
        var fields = [Value](repeating: .null, count: schema.root.fields.count)
        if let slot = schema.root.slot(of: "format") { fields[slot] = .string(schema.formatTag) }
        if let slot = schema.root.slot(of: "case") {
            fields[slot] = decoder.decodeValue(.mapping(caseNode), as: .record("Case"), field: "case", parentPath: nil)
        }
        for (key, value) in sections {
            guard let name = key.string, let slot = schema.root.slot(of: name), name != "format" else {
                diagnostics.append(Diagnostic(id: "rules.unknown-key", message: "unknown bundle section '\(key.string ?? "")' in a test",
                                              at: document.location(of: key),
                                              hint: Suggestion.didYouMean(key.string ?? "", in: schema.root.fieldNames)))
                continue
            }
            fields[slot] = decoder.decodeValue(value, as: schema.root.fields[slot].type, field: name, parentPath: nil)
        }
        let bundle = CaseBundle(schema: schema, root: Record(type: schema.root, fields: fields, origin: .root, location: nil),
                                sources: [])
        diagnostics += decoder.diagnostics + ReferenceChecker(bundle: bundle).check(decoder.references)
        return diagnostics.isEmpty ? bundle : nil
    }
}
