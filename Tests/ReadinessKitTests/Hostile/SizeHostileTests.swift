import Foundation
import Testing
@testable import ReadinessKit

/// Inputs that are hostile by size: single 50 MB fields (generated at run time rather than
/// committed), a file over the size limit, and files that are not files at all. Each loads or is
/// refused in bounded time, with messages of bounded length. Serialized, so that at most one
/// 50 MB input is in memory at a time.
@Suite("Hostile sizes", .serialized) struct SizeHostileTests {
    static let fifty = 50 << 20

    func bundle(_ extra: String) throws -> String {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader + extra, to: folder + "/case.yaml")
        return folder
    }

    @Test("a single 50 MB string field loads in bounded time and keeps every byte")
    func fiftyMegabyteString() throws {
        let folder = try bundle("  summary: " + String(repeating: "x", count: Self.fifty) + "\n")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.errors.isEmpty)
        #expect(outcome.bundle?.caseRecord["summary"]?.stringValue?.utf8.count == Self.fifty)
    }

    @Test("a 50 MB value in an enumerated field is refused in bounded time with a short, located message (was a hang)")
    func fiftyMegabyteEnumValue() throws {
        let folder = try bundle("evidence:\n  - {id: E1, location: " + String(repeating: "u", count: Self.fifty) + "}\n")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.ids == ["bundle.unknown-enum-case"])
        #expect(outcome.everyErrorIsLocated)
        #expect(outcome.errors.allSatisfy { $0.message.utf8.count <= Diagnostic.textLimit + 3 })
        #expect(outcome.rendered.utf8.count < 20_000)
    }

    @Test("a 50 MB quoted key is refused in bounded time with a short, located message (was a hang)")
    func fiftyMegabyteKey() throws {
        // An explicit key ('? '): libyaml caps implicit keys at 1,024 characters, not explicit ones.
        let folder = try bundle("  ? \"" + String(repeating: "k", count: Self.fifty) + "\"\n  : 1\n")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.ids == ["bundle.unknown-key"])
        #expect(outcome.everyErrorIsLocated)
        #expect(outcome.errors.allSatisfy { $0.message.utf8.count <= Diagnostic.textLimit + 3 })
    }

    @Test("a 50 MB date is refused in bounded time with a short, located message")
    func fiftyMegabyteDate() throws {
        let folder = try bundle("  search_at: 2026-01-01" + String(repeating: "9", count: Self.fifty) + "\n")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.ids == ["bundle.invalid-date"])
        #expect(outcome.errors.allSatisfy { $0.message.utf8.count <= Diagnostic.textLimit + 3 })
    }

    @Test("a YAML file over the size limit is refused before it is read, naming the file")
    func oversizedDocument() throws {
        let folder = try bundle("")
        let path = folder + "/witnesses.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(BundleLoader.documentByteLimit + 1))  // sparse: nothing is written
        try handle.close()
        let outcome = try #require(Hostile.load(folder))
        #expect(outcome.ids == ["bundle.too-large"])
        #expect(outcome.errors.first?.message == "'\(path)' is larger than 128 MB")
    }

    @Test("a FIFO in place of a section file or evidence.csv is refused without blocking (was a hang on the CSV)")
    func fifoInsteadOfFile() throws {
        for name in ["witnesses.yaml", "evidence.csv"] {
            let folder = try bundle("")
            #expect(mkfifo(folder + "/" + name, 0o600) == 0)
            let outcome = try #require(Hostile.load(folder, seconds: 10))
            #expect(outcome.ids == ["bundle.not-found"])
            #expect(outcome.errors.first?.message == "'\(folder)/\(name)' is not a regular file")
        }
    }

    @Test("a 50 MB cell in a text column loads in bounded time and keeps its length")
    func fiftyMegabyteCell() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        let big = String(repeating: "x", count: 50 << 20)
        try Hostile.write("id,location,notes\nE1,allocated,\"" + big + "\"\n", to: folder + "/evidence.csv")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.bundle?.records(in: "evidence").first?["notes"]?.stringValue?.utf8.count == 50 << 20)
    }

    @Test("a 50 MB cell in an enumerated column is refused quickly with a short, located message")
    func fiftyMegabyteEnumCell() throws {
        let folder = try Hostile.temporaryFolder()
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        try Hostile.write("id,location\nE1," + String(repeating: "u", count: 50 << 20) + "\n", to: folder + "/evidence.csv")
        let outcome = try #require(Hostile.load(folder, seconds: 60))
        #expect(outcome.ids.contains("bundle.unknown-enum-case"))
        #expect(outcome.everyErrorIsLocated)
        #expect(outcome.errors.allSatisfy { $0.message.utf8.count <= Diagnostic.textLimit + 3 })
    }
}
