import Foundation
import Testing
@testable import ReadinessKit

/// Where templates come from: `--template-dir`, the working directory, beside the executable, or
/// the resource bundle built into the program.
@Suite struct TemplateLocatorTests {
    @Test func explicitDirectoryMustHoldTheSet() throws {
        let folder = try TemporaryBundle(["text/memo.mustache": "{{% CONTENT_TYPE: TEXT}}"]).path
        #expect(try TemplateLocator.locate(explicit: folder, format: .text) == (folder, .option))
        #expect(throws: DiagnosticError.self) { try TemplateLocator.locate(explicit: folder, format: .html) }
    }

    @Test func workingDirectoryTemplatesComeFirst() throws {
        let found = try TemplateLocator.locate(explicit: nil, format: .html, workingDirectory: Repository.root)
        #expect(found.origin == .workingDirectory && found.directory == MemoFixtures.templates)
    }

    @Test func embeddedDefaultsAreFoundFromAnyDirectory() throws {
        let empty = try TemporaryBundle([:]).path
        let found = try TemplateLocator.locate(explicit: nil, format: .markdown, workingDirectory: empty)
        #expect(found.origin == .embedded)
        let embedded = try MemoFixtures.render(try MemoFixtures.report("ready"), .text)
        let fromBundle = try MemoRenderer.render(try MemoFixtures.report("ready"), as: .text, templateDirectory: found.directory)
        #expect(fromBundle == embedded, "the embedded templates are the ones in templates/")
    }
}
