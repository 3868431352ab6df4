import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The hostile XML corpus for the CyberTip importer, which had not landed when this was written:
/// external entities (file, network, parameter), a billion-laughs DTD, deep nesting and malformed
/// XML, in `Fixtures/hostile/xml/`.
///
/// Until the importer lands these tests pin the parser it must use, `XMLParser`, with its default
/// settings: it never resolves an external entity and never expands the laughs, in bounded time.
/// When the importer lands, replace `parse` with the importer and assert its located diagnostics
/// (exit code 2), and add the importer to `FuzzEntryPoints`.
@Suite("Hostile XML (baseline for the CyberTip importer)") struct XMLHostileTests {
    /// Everything an `XMLParser` reports: text, errors, and whether it asked for an external entity.
    final class Recorder: NSObject, XMLParserDelegate, @unchecked Sendable {
        var text = ""
        var failed = false
        var externalRequests: [String] = []

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            if text.utf8.count > 10_000_000 { parser.abortParsing() }
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) { failed = true }
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            externalRequests.append(systemID ?? name)
            return nil
        }
    }

    struct Parsed: Sendable {
        var text: String
        var succeeded: Bool
        var externalRequests: [String]
    }

    func parse(_ data: Data) -> Parsed? {
        Hostile.bounded("parsing XML") {
            let parser = XMLParser(data: data)
            let recorder = Recorder()
            parser.delegate = recorder
            let succeeded = parser.parse()
            return Parsed(text: recorder.text, succeeded: succeeded && !recorder.failed, externalRequests: recorder.externalRequests)
        }
    }

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Hostile.fixture("xml/\(name)")))
    }

    @Test("an external file entity is never resolved: the file's text never appears")
    func externalFileEntity() throws {
        let secret = try Hostile.temporaryFolder("xxe") + "/secret.txt"
        try Hostile.write(Hostile.canary, to: secret)
        let xml = try String(decoding: fixture("xxe-file.xml"), as: UTF8.self).replacingOccurrences(of: "/etc/passwd", with: secret)
        let parsed = try #require(parse(Data(xml.utf8)))
        #expect(!parsed.text.contains(Hostile.canary))
        #expect(!parsed.text.contains("root:"))
        #expect(parsed.externalRequests.isEmpty)
    }

    @Test("external network and parameter entities are never fetched", arguments: ["xxe-network.xml", "xxe-parameter.xml"])
    func externalNetworkEntity(_ name: String) throws {
        let parsed = try #require(parse(try fixture(name)))
        #expect(parsed.externalRequests.isEmpty)
        #expect(!parsed.text.contains("leak"))
    }

    @Test("a billion-laughs DTD is not expanded: bounded time, bounded text")
    func billionLaughs() throws {
        let parsed = try #require(parse(try fixture("billion-laughs.xml")))
        #expect(parsed.text.utf8.count < 1_000_000)
    }

    @Test("malformed XML is an error, not silently repaired")
    func malformed() throws {
        #expect(try #require(parse(try fixture("malformed.xml"))).succeeded == false)
    }

    @Test("100,000 nested elements are parsed or refused without a stack overflow")
    func deepNesting() throws {
        let depth = 100_000
        let xml = "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        _ = try #require(parse(Data(xml.utf8)))
    }
}
