/// Checks that ids are unique within each collection and that every reference names a record that exists.
struct ReferenceChecker {
    let bundle: CaseBundle

    /// Every duplicate id and dangling reference, as diagnostics.
    func check(_ references: [PendingReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (collection, record) in bundle.duplicates {
            guard let id = record.id else { continue }
            let place = bundle.record(in: collection, id: id)?.location.map { " (first at \($0))" } ?? ""
            diagnostics.append(Diagnostic(
                id: "bundle.duplicate-id", message: "duplicate id '\(id)' in \(collection)\(place)",
                at: record.location, hint: "give each entry in '\(collection)' its own id"))
        }
        for reference in references where bundle.record(in: reference.collection, id: reference.id) == nil {
            let known = Set(bundle.index[reference.collection]?.keys ?? [:].keys)
            diagnostics.append(Self.dangling(field: reference.field, id: reference.id, collection: reference.collection,
                                             known: known, at: reference.location, record: nil))
        }
        return diagnostics
    }

    /// The diagnostic for a reference to an id that does not exist.
    static func dangling(
        field: String, id: String, collection: String, known: Set<String>, at location: SourceLocation, record: Int?
    ) -> Diagnostic {
        let prefix = record.map { "record \($0): " } ?? ""
        let hint = Suggestion.didYouMean(id, in: known.sorted())
            ?? (known.isEmpty ? "the bundle has no \(collection); add one with id '\(id)'" : "define '\(id)' in \(collection) or correct the id")
        return Diagnostic(
            id: "bundle.dangling-reference",
            message: "\(prefix)'\(field)' names '\(id)', but there is no such entry in \(collection)",
            at: location, hint: hint)
    }
}
