import Foundation
import Testing
@testable import ReadinessKit

/// Hostile YAML and broken encodings in `case.yaml`: each is refused with a located error (the CLI
/// exits 2 on these; see `CLIHostileTests`), in bounded time, without a crash.
@Suite("Hostile YAML and encodings") struct YAMLHostileTests {
    /// Loads a committed fixture and returns its problems with the folder shortened to `B`.
    func problems(_ fixture: String) throws -> LoadOutcome {
        try #require(Hostile.load(Hostile.fixture(fixture)))
    }

    /// Asserts the load failed with exactly these `id@line:column` errors, each in `file`.
    func expectErrors(_ outcome: LoadOutcome, _ expected: [String], file: String = "case.yaml",
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.bundle == nil, "the bundle must not load", sourceLocation: sourceLocation)
        #expect(outcome.everyErrorIsLocated, "every error needs a file, line and column", sourceLocation: sourceLocation)
        let found = outcome.errors.map { error in
            "\(error.id)@\(error.location.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column)" } ?? "-")"
        }
        #expect(found == expected.map { spec in
            let parts = spec.split(separator: "@")
            return "\(parts[0])@\(file):\(parts[1])"
        }, sourceLocation: sourceLocation)
    }

    @Test("a billion-laughs alias bomb is refused against the node budget, located, in bounded time")
    func aliasBomb() throws {
        expectErrors(try problems("yaml-alias-bomb"), ["bundle.too-large@1:1"])
    }

    @Test("an alias bomb nested under a section is refused the same way")
    func aliasBombInSection() throws {
        let folder = try Hostile.temporaryFolder()
        var lines = [Hostile.caseHeader + "devices:"]
        lines.append("  - &d0 {id: D1, kind: laptop, description: [x, x, x, x, x, x, x, x, x, x]}")
        var previous = "*d0"
        for level in 1...7 {
            lines.append("  - &d\(level) {id: D\(level + 1), kind: laptop, description: [\(Array(repeating: previous, count: 10).joined(separator: ", "))]}")
            previous = "*d\(level)"
        }
        try Hostile.write(lines.joined(separator: "\n") + "\n", to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.ids == ["bundle.too-large"])
        #expect(outcome.everyErrorIsLocated)
    }

    @Test("a duplicate key in the case is an error, never last-one-wins")
    func duplicateKeys() throws {
        expectErrors(try problems("yaml-duplicate-keys"), ["bundle.duplicate-key@6:3"])
    }

    @Test("a duplicate top-level section is an error, never last-one-wins")
    func duplicateSections() throws {
        expectErrors(try problems("yaml-duplicate-sections"), ["bundle.duplicate-key@7:1"])
    }

    @Test("a duplicate key inside a list element is an error, never last-one-wins")
    func duplicateKeysInList() throws {
        expectErrors(try problems("yaml-duplicate-keys-in-list"), ["bundle.duplicate-key@9:5"])
    }

    @Test("YAML merge keys are not honoured: '<<' is an unknown key, so no value arrives unseen")
    func mergeKeys() throws {
        let outcome = try problems("yaml-merge-keys")
        expectErrors(outcome, ["bundle.missing-field@9:5", "bundle.unknown-key@9:5"])
    }

    @Test("YAML tags (!!python/object, !!binary, custom) are never interpreted: values stay text or are refused")
    func tagsAreInert() throws {
        let outcome = try problems("yaml-tags")
        expectErrors(outcome, ["bundle.wrong-type@4:12"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/readiness-pwned"))
        // The tagged scalars that are valid strings load as their literal text.
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + "  summary: !!binary aGVsbG8=\n  venue: !custom D. Nev.\n", to: folder + "/case.yaml")
        let bundle = try #require(Hostile.load(folder)?.bundle)
        #expect(bundle.caseRecord["summary"] == .string("aGVsbG8="))
        #expect(bundle.caseRecord["venue"] == .string("D. Nev."))
    }

    @Test("deeply nested flow YAML (200,000 brackets) is refused with a located error, without a stack overflow")
    func deepFlowNesting() throws {
        let folder = try Hostile.temporaryFolder()
        let depth = 200_000
        try Hostile.write(Hostile.caseHeader + "  summary: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
                          to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.ids == ["bundle.yaml-syntax"])
        #expect(outcome.everyErrorIsLocated)
        #expect(outcome.errors.first?.location?.line == 7)
    }

    @Test("deeply nested block YAML is refused with a located error, without a stack overflow")
    func deepBlockNesting() throws {
        let folder = try Hostile.temporaryFolder()
        var text = Hostile.caseHeader + "devices:\n"
        for level in 0..<1_500 { text += String(repeating: " ", count: level) + "-\n" }
        try Hostile.write(text, to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.ids == ["bundle.yaml-syntax"])
        #expect(outcome.everyErrorIsLocated)
    }

    @Test("nesting just inside the YAML reader's limit loads or fails with a located error, without a stack overflow")
    func nestingBelowTheReaderLimit() throws {
        let folder = try Hostile.temporaryFolder()
        let depth = 990
        try Hostile.write(Hostile.caseHeader + "  summary: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n",
                          to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.bundle == nil)
        #expect(outcome.ids == ["bundle.wrong-type"])
        #expect(outcome.everyErrorIsLocated)
    }

    @Test("invalid UTF-8 is refused at the line and column of the first bad byte")
    func invalidUTF8() throws {
        expectErrors(try problems("invalid-utf8"), ["bundle.invalid-encoding@7:15"])
    }

    @Test("a UTF-16 file is refused as not UTF-8, located at its start")
    func utf16() throws {
        expectErrors(try problems("utf16-bom"), ["bundle.invalid-encoding@1:1"])
    }

    @Test("a raw NUL byte is refused at its own line and column, and the rendered line shows it escaped")
    func nulByte() throws {
        let outcome = try problems("nul-byte")
        expectErrors(outcome, ["bundle.invalid-encoding@7:18"])
        #expect(outcome.errors.first?.message == "control characters are not allowed (U+0000) at byte 145")
        #expect(outcome.rendered.contains("7 |   summary: before\\u{0}after"))
        #expect(!outcome.rendered.unicodeScalars.contains("\u{0}"))
    }

    @Test("a UTF-8 byte-order mark (as Windows editors write) is accepted and columns count from after it")
    func utf8ByteOrderMark() throws {
        let outcome = try problems("utf8-bom")
        #expect(outcome.bundle?.caseRecord.id == "H-1")
        #expect(outcome.errors.isEmpty)
    }

    @Test("an empty file, a lone document marker and plain non-YAML are refused with located errors")
    func emptyAndNonsense() throws {
        for text in ["", "---\n", "...\n", "\u{FEFF}", "just some words\n", "- a\n- b\n", "{", "format: [\n", "\t\tcase:\n"] {
            let folder = try Hostile.temporaryFolder()
            try Hostile.write(text, to: folder + "/case.yaml")
            let outcome = try #require(Hostile.load(folder))
            #expect(outcome.bundle == nil, "'\(text)' must not load")
            #expect(outcome.everyErrorIsLocated, "'\(text)': \(outcome.problems)")
        }
    }

    @Test("an empty required section ('case:' with nothing after it) is refused, not loaded (fuzzer find: crashed validate)",
          arguments: ["case:\n", "case: ~\n", "case: null\n", "case: \"\"\n"])
    func emptyRequiredSection(_ tail: String) throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write("format: readiness-bundle/1\n" + tail, to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.bundle == nil)
        #expect(outcome.everyErrorIsLocated)
        #expect(!outcome.ids.isEmpty)
    }

    @Test("an empty format line is refused, not loaded")
    func emptyFormat() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader.replacingOccurrences(of: "format: readiness-bundle/1", with: "format:"), to: folder + "/case.yaml")
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.bundle == nil)
        #expect(outcome.ids.contains("bundle.missing-field"))
        #expect(outcome.everyErrorIsLocated)
    }
}
