import Foundation
import Testing
@testable import ReadinessKit

/// Template checks: unknown names, partials, raw output and content types are errors at the
/// template's file:line:column; the shipped templates pass; no HTML template prints raw values.
@Suite struct TemplateValidationTests {
    /// A template directory holding `files` (paths relative to it).
    func directory(_ files: [String: String]) throws -> String {
        try TemporaryBundle(files).path
    }

    func problems(_ files: [String: String], format: MemoFormat = .html) throws -> [String] {
        let root = try directory(files)
        let report = try MemoFixtures.report("ready")
        do throws(DiagnosticError) {
            _ = try MemoRenderer.render(report, as: format, templateDirectory: root)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
        }
    }

    @Test func unknownVariableIsAnErrorAtItsPosition() throws {
        let found = try problems(["html/memo.mustache": "<p>{{heading.to}}</p>\n<p>{{decision.labl}}</p>\n{{#blockers}}{{titl}}{{/blockers}}"])
        #expect(found == [
            "html/memo.mustache:2:4: error: unknown variable 'labl' in 'decision.labl' (did you mean 'label'?) [template.unknown-variable]",
            "html/memo.mustache:3:14: error: unknown variable 'titl' (did you mean 'title'?) [template.unknown-variable]",
        ])
    }

    @Test func namesInsideEmptyListsAreStillChecked() throws {
        // The ready bundle has no blockers, so Mustache would never look at this name.
        let found = try problems(["html/memo.mustache": "{{#blockers}}{{#items}}{{nonsense}}{{/items}}{{/blockers}}"])
        #expect(found.count == 1 && found[0].hasPrefix("html/memo.mustache:1:24: error: unknown variable 'nonsense'"))
    }

    @Test func outerNamesAreVisibleInsideSections() throws {
        #expect(try problems(["html/memo.mustache": "{{#blockers}}{{heading.caseID}} {{number}}{{/blockers}}"]).isEmpty)
    }

    @Test func unknownPartialAndTransform() throws {
        let found = try problems(["html/memo.mustache": "{{> headng}}\n{{#rules}}{{uppercase(rule)}}{{/rules}}",
                                  "html/heading.mustache": "x"])
        #expect(found == [
            "html/memo.mustache:1:1: error: no partial 'headng' in the html templates (did you mean 'heading'?) [template.unknown-partial]",
            "html/memo.mustache:2:11: error: unknown transform 'uppercase' (did you mean 'uppercased'?) [template.unknown-transform]",
        ])
    }

    @Test func rawOutputIsRefusedInHTML() throws {
        let found = try problems(["html/memo.mustache": "{{{heading.caption}}}\n{{& heading.to}}"])
        #expect(found.count == 2 && found.allSatisfy { $0.contains("[template.raw-output]") })
        #expect(found[0].hasPrefix("html/memo.mustache:1:1: error: raw output '{{{heading.caption}}}'"))
    }

    @Test func delimiterChangesAreRefused() throws {
        let found = try problems(["html/memo.mustache": "{{=<% %>=}}<%heading.caption%>"])
        #expect(found.contains { $0.contains("[template.delimiters]") }, "\(found)")
    }

    @Test func textPartialsMustDeclareTheirContentType() throws {
        let found = try problems(["text/memo.mustache": "{{% CONTENT_TYPE: TEXT}}\n{{> part}}", "text/part.mustache": "{{heading.to}}"],
                                 format: .text)
        #expect(found == ["text/part.mustache:1:1: error: text templates must start with {{% CONTENT_TYPE: TEXT}} "
                          + "(a partial does not inherit the content type of the template that includes it) [template.content-type]"])
        let html = try problems(["html/memo.mustache": "{{> part}}", "html/part.mustache": "{{% CONTENT_TYPE: TEXT}}{{heading.to}}"])
        #expect(html == ["html/part.mustache:1:1: error: content type 'TEXT' in a html template [template.content-type]"])
    }

    @Test func syntaxErrorsCarryTheirPosition() throws {
        let found = try problems(["html/memo.mustache": "<p>\n{{#blockers}}x"])
        #expect(found.count == 1 && found[0].hasPrefix("html/memo.mustache:2:") && found[0].hasSuffix("[template.syntax]"))
    }

    @Test(arguments: ["html", "text", "markdown"])
    func shippedTemplatesValidate(set: String) throws {
        guard let kind = TemplateKind(rawValue: set) else { return }
        let templates = try TemplateSet.load(root: MemoFixtures.templates, kind: kind)
        var memo = TemplateValidator(files: templates.tags, kind: kind)
        #expect(memo.validate(entry: "memo", root: TemplateShape.of(MemoView.self)).isEmpty)
        if templates.has("diff") {
            var diff = TemplateValidator(files: templates.tags, kind: kind)
            #expect(diff.validate(entry: "diff", root: TemplateShape.of(DiffView.self)).isEmpty)
        }
    }

    /// `{{{` and `{{&` print raw values; none may appear in templates/html beyond the allow-list.
    @Test func noRawOutputInHTMLTemplates() throws {
        let folder = Repository.path("templates/html")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
            let raw = TemplateScanner.tags(in: text, file: file).tags.filter { $0.kind == .unescaped }
            let allowed = TemplateValidator.rawOutputAllowList[String(file.dropLast(".mustache".count))] ?? []
            #expect(raw.allSatisfy { allowed.contains($0.content) }, "\(file): \(raw.map(\.source))")
            #expect(!text.contains("{{{") || !allowed.isEmpty, "\(file) contains '{{{'")
        }
    }
}
