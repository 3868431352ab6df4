/// Checks that ids are unique within each collection and that every reference names a record that exists.
struct ReferenceChecker {
    let bundle: CaseBundle

    /// Every duplicate id and dangling reference, as diagnostics.
    func check(_ references: [PendingReference]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (collection, record) in bundle.duplicates {
            guard let id = record.id else { continue }
            diagnostics.append(Self.duplicate(id: id, collection: collection, at: record.location,
                                              first: bundle.record(in: collection, id: id)?.location))
        }
        for reference in references where bundle.record(in: reference.collection, id: reference.id) == nil {
            let known = Set(bundle.index[reference.collection]?.keys ?? [:].keys)
            diagnostics.append(Self.dangling(field: reference.field, id: reference.id, collection: reference.collection,
                                             known: known, at: reference.location, record: nil))
        }
        return diagnostics
    }

    /// The diagnostic for a second entry with an id that `first` already has.
    static func duplicate(id: String, collection: String, at location: SourceLocation?, first: SourceLocation?) -> Diagnostic {
        Diagnostic(id: "bundle.duplicate-id", message: "duplicate id '\(id)' in \(collection)" + (first.map { " (first at \($0))" } ?? ""),
                   at: location, hint: "give each entry in '\(collection)' its own id")
    }

    /// The most ids searched for a "did you mean" (each missing reference sorts and compares them
    /// all; a million-row listing would take seconds per reference).
    static let suggestionLimit = 100_000

    /// The diagnostic for a reference to an id that does not exist; `known` are the collection's
    /// ids (`hasEntries` says whether it has any when they are not all given).
    static func dangling(
        field: String, id: String, collection: String, known: Set<String>, hasEntries: Bool? = nil,
        at location: SourceLocation, record: Int?
    ) -> Diagnostic {
        let prefix = record.map { "record \($0): " } ?? ""
        let searched = known.count <= suggestionLimit ? Suggestion.didYouMean(id, in: known.sorted()) : nil
        let hint = searched
            ?? (hasEntries ?? !known.isEmpty
                ? "define '\(id)' in \(collection) or correct the id" : "the bundle has no \(collection); add one with id '\(id)'")
        return Diagnostic(
            id: "bundle.dangling-reference",
            message: "\(prefix)'\(field)' names '\(id)', but there is no such entry in \(collection)",
            at: location, hint: hint)
    }
}
