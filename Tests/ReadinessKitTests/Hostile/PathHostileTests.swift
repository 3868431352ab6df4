import Foundation
import Testing
@testable import ReadinessKit

/// Paths that try to leave the bundle folder: attachment paths with `..` and absolute paths, and
/// symbolic links (made at run time) from section files, the evidence listing, the case file,
/// folders and attachments to a secret outside. Nothing outside the bundle is ever read: the
/// secret's text never appears in any diagnostic, rendered or not.
@Suite("Hostile paths and symbolic links") struct PathHostileTests {
    /// A folder holding `secret/` (files with the canary) next to `bundle/` (a valid case file).
    struct Layout {
        let root: String
        var bundle: String { root + "/bundle" }
        var secretFolder: String { root + "/secret" }
        var secretYAML: String { secretFolder + "/witnesses.yaml" }
        var secretCSV: String { secretFolder + "/evidence.csv" }
        var secretText: String { secretFolder + "/secret.txt" }

        init() throws {
            root = try Hostile.temporaryFolder("symlink")
            try Hostile.write(Hostile.caseHeader, to: root + "/bundle/case.yaml")
            // Valid content, so nothing but the location check can stop it being read.
            try Hostile.write("- {id: W1, role: case_agent, name: \(Hostile.canary)}\n", to: secretYAML)
            try Hostile.write("id,location,notes\nE1,allocated,\(Hostile.canary)\n", to: secretCSV)
            try Hostile.write(Hostile.canary + "\n", to: secretText)
        }

        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: bundle + "/" + name, withDestinationPath: target)
        }
    }

    /// No diagnostic, rendered diagnostic or loaded value mentions the canary.
    func expectNoLeak(_ outcome: LoadOutcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!outcome.rendered.contains(Hostile.canary), "rendered diagnostics leak the secret", sourceLocation: sourceLocation)
        #expect(!outcome.diagnostics.map(\.description).joined().contains(Hostile.canary), sourceLocation: sourceLocation)
        #expect(outcome.bundle == nil, "a bundle with an escaping file must not load", sourceLocation: sourceLocation)
    }

    @Test("attachment paths with '..', absolute paths and home paths are refused at their line and column")
    func attachmentTraversal() throws {
        let outcome = try #require(Hostile.load(Hostile.fixture("attachment-traversal")))
        #expect(outcome.bundle == nil)
        let byLine = Dictionary(grouping: outcome.diagnostics, by: { $0.location?.line ?? 0 })
        // Lines 8-16 and 20 escape; 17-19 are odd but inside the folder, so they are only missing.
        for line in [8, 9, 10, 11, 12, 13, 14, 15, 16, 20] {
            #expect(byLine[line]?.map(\.id) == ["bundle.attachment-escapes"], "line \(line): \(byLine[line]?.map(\.description) ?? [])")
        }
        for line in [17, 18, 19] {
            #expect(byLine[line]?.map(\.id) == ["bundle.attachment-missing"], "line \(line)")
        }
    }

    @Test("'docs//..//..//x' is refused as escaping: empty path components cannot hide a '..' (was accepted as missing)")
    func emptyComponentsCannotHideParentSteps() throws {
        let layout = try Layout()
        try FileManager.default.createDirectory(atPath: layout.bundle + "/docs", withIntermediateDirectories: true)
        try Hostile.write(Hostile.caseHeader + "documents:\n  - {id: DOC1, kind: other, path: 'docs//..//..//secret/secret.txt'}\n",
                          to: layout.bundle + "/case.yaml")
        let outcome = try #require(Hostile.load(layout.bundle))
        #expect(outcome.problems == [
            "B/case.yaml:8:35: error: attachment 'docs//..//..//secret/secret.txt' resolves outside the bundle folder (keep every file of a bundle inside its folder; copy it in rather than linking) [bundle.attachment-escapes]"
        ])
        expectNoLeak(outcome)
    }

    @Test("'..' that stays inside the folder is refused too, because through a symbolic link it need not")
    func parentStepsInsideAreRefused() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + "documents:\n  - {id: DOC1, kind: other, path: docs/../report.pdf}\n", to: folder + "/case.yaml")
        try Hostile.write("%PDF", to: folder + "/report.pdf")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.ids == ["bundle.attachment-escapes"])
        #expect(outcome.errors.first?.message == "attachment 'docs/../report.pdf' goes up a folder with '..'")
    }

    @Test("a section file that is a symbolic link out of the bundle is refused and never read")
    func sectionFileSymlink() throws {
        let layout = try Layout()
        try layout.link("witnesses.yaml", to: layout.secretYAML)
        let outcome = try #require(Hostile.load(layout.bundle))
        #expect(outcome.ids == ["bundle.attachment-escapes"])
        #expect(outcome.errors.first?.location == nil, "no location, so the renderer does not print the file's first line")
        expectNoLeak(outcome)
    }

    @Test("evidence.csv as a symbolic link out of the bundle is refused and never read")
    func evidenceListingSymlink() throws {
        let layout = try Layout()
        try layout.link("evidence.csv", to: layout.secretCSV)
        let outcome = try #require(Hostile.load(layout.bundle))
        #expect(outcome.ids == ["bundle.attachment-escapes"])
        expectNoLeak(outcome)
    }

    @Test("case.yaml as a symbolic link out of the bundle is refused and never read")
    func caseFileSymlink() throws {
        let layout = try Layout()
        try FileManager.default.removeItem(atPath: layout.bundle + "/case.yaml")
        try Hostile.write(Hostile.caseHeader + "  summary: \(Hostile.canary)\n", to: layout.secretFolder + "/case.yaml")
        try layout.link("case.yaml", to: layout.secretFolder + "/case.yaml")
        let outcome = try #require(Hostile.load(layout.bundle))
        #expect(outcome.ids == ["bundle.attachment-escapes"])
        expectNoLeak(outcome)
    }

    @Test("an attachment through a symbolic-linked folder, or itself a link, out of the bundle is refused")
    func attachmentSymlinks() throws {
        let layout = try Layout()
        try layout.link("docs", to: layout.secretFolder)
        try FileManager.default.createDirectory(atPath: layout.bundle + "/own", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: layout.bundle + "/own/report.pdf", withDestinationPath: layout.secretText)
        try Hostile.write(Hostile.caseHeader + """
            documents:
              - {id: DOC1, kind: other, path: docs/secret.txt}
              - {id: DOC2, kind: other, path: own/report.pdf}

            """, to: layout.bundle + "/case.yaml")
        let outcome = try #require(Hostile.load(layout.bundle))
        #expect(outcome.problems.map { String($0.prefix(18)) } == ["B/case.yaml:8:35: ", "B/case.yaml:9:35: "])
        #expect(outcome.ids == ["bundle.attachment-escapes"])
        expectNoLeak(outcome)
    }

    @Test("symbolic links that stay inside the bundle are accepted (no false alarm)")
    func insideLinksAreFine() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + "documents:\n  - {id: DOC1, kind: other, path: latest/report.pdf}\n", to: folder + "/case.yaml")
        try Hostile.write("%PDF", to: folder + "/v1/report.pdf")
        try FileManager.default.createSymbolicLink(atPath: folder + "/latest", withDestinationPath: "v1")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.bundle != nil)
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test("a symbolic-link loop as an attachment is refused or reported missing, without hanging")
    func symlinkLoop() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + "documents:\n  - {id: DOC1, kind: other, path: loop/x.pdf}\n", to: folder + "/case.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder + "/loop", withDestinationPath: "loop")
        let outcome = try #require(Hostile.load(folder))
        #expect(!outcome.ids.isEmpty)
        #expect(outcome.diagnostics.allSatisfy { $0.location?.line == 8 })
    }

    @Test("control characters and NUL in an attachment path are handled without a crash")
    func controlCharactersInPaths() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + """
            documents:
              - {id: DOC1, kind: other, path: "docs/a\\0b.pdf"}
              - {id: DOC2, kind: other, path: "\\e[2Jdocs/x.pdf"}
              - {id: DOC3, kind: other, path: ""}

            """, to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.errors.isEmpty)
        #expect(!outcome.rendered.unicodeScalars.contains { TerminalText.isUnsafe($0) })
    }

    @Test("a bundle path that is not there, or a file of the wrong kind, is refused without a crash")
    func missingAndOddBundlePaths() throws {
        for path in ["/nonexistent/\(UUID().uuidString)", "/dev/null", ""] {
            let outcome = try #require(Hostile.load(path))
            #expect(outcome.bundle == nil, "'\(path)' must not load")
        }
    }
}
