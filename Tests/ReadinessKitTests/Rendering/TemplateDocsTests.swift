import Foundation
import Testing
@testable import ReadinessKit

/// `docs/templates.md` lists every template variable, and only variables that exist.
@Suite struct TemplateDocsTests {
    /// Lists documented once for several lists with the same fields.
    static let aliases = [
        "majors[]": "blockers[]", "progress.new[]": "progress.fixed[]", "progress.stillOpen[]": "progress.fixed[]",
        "evidence.byMediaType[]": "evidence.byLocation[]", "evidence.byDevice[]": "evidence.byLocation[]",
        "waivers.notApplied[]": "waivers.applied[]",
    ]

    static let paths = Set(TemplateShape.of(MemoView.self).paths() + TemplateShape.of(DiffView.self).paths())

    /// The backquoted names in the first column of the variable tables.
    static func documented() throws -> Set<String> {
        let text = try Repository.text("docs/templates.md")
        guard let start = text.range(of: "## Variables") else { return [] }
        var names: Set<String> = []
        for line in text[start.upperBound...].split(separator: "\n") where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for piece in cell.split(separator: "`").enumerated() where piece.offset % 2 == 0 { names.insert(String(piece.element)) }
        }
        return names
    }

    @Test func everyVariableIsDocumented() throws {
        let documented = try Self.documented()
        for path in Self.paths.sorted() {
            let canonical = Self.aliases.reduce(path) { text, alias in
                text.hasPrefix(alias.key) ? alias.value + text.dropFirst(alias.key.count) : text
            }
            #expect(documented.contains(path) || documented.contains(canonical), "docs/templates.md does not list '\(path)'")
        }
    }

    @Test func everyDocumentedVariableExists() throws {
        let known = Self.paths.union(["progress"])
        for name in try Self.documented().sorted() {
            #expect(known.contains(name), "docs/templates.md lists '\(name)', which no template can use")
        }
    }
}
