import Foundation
import Testing
@testable import ReadinessKit

/// The hardened XML reader: malformed input, DTDs, entities, limits and positions.
@Suite struct SafeXMLTests {
    private func problems(_ xml: String, limits: SafeXML.Limits = .standard) -> [String] {
        described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(Data(xml.utf8), file: "x.xml", limits: limits)
        })
    }

    @Test func buildsTreeWithTrimmedTextAttributesAndStartTagPositions() throws {
        let xml = "<a>\n  <bé x=\"2\" w=\"1\">  t&amp;é<![CDATA[<raw>]]> </bé>\n  <c\n     y=\"3\"/>\n</a>"
        let root = try SafeXML.parse(Data(xml.utf8), file: "x.xml")
        #expect(root.name == "a")
        #expect(root.children.map(\.name) == ["bé", "c"])
        #expect(root.children[0].text == "t&é<raw>")
        #expect(root.children[0].attributes.map(\.name) == ["w", "x"])
        #expect(root.children[0].location.description == "x.xml:2:3")
        #expect(root.children[1].location.description == "x.xml:3:3")
    }

    @Test func mismatchedEndTagNamesBothTagsAndPosition() throws {
        let path = try importFixture("malformed-mismatch.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(file: path)
        }
        #expect(described(diagnostics) == [
            "F/malformed-mismatch.xml:4:36: error: end tag '</incidentSummary>' does not match the open element '<incidentType>' (opened at 4:5) (fix the XML at this place; the importer does not repair malformed files) [import.xml-malformed]"
        ])
    }

    @Test func truncatedDocumentIsAnErrorAtTheEnd() throws {
        let path = try importFixture("malformed-truncated.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(file: path)
        }
        #expect(described(diagnostics) == [
            "F/malformed-truncated.xml:5:1: error: the document ends before '<fileDetails>' (opened at 4:5) is closed (the file may be truncated; export it again) [import.xml-malformed]"
        ])
    }

    @Test func unquotedAttributeIsAnError() throws {
        let path = try importFixture("malformed-attribute.xml")
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(file: path)
        }
        #expect(described(diagnostics) == [
            "F/malformed-attribute.xml:3:21: error: malformed attribute: write it as name=\"value\" (fix the XML at this place; the importer does not repair malformed files) [import.xml-malformed]"
        ])
    }

    @Test(arguments: [
        ("hello", "x.xml:1:1: error: the document is empty or is not XML (expected a start tag '<')"),
        ("<a></a><b/>", "x.xml:1:8: error: extra content after the end of the root element"),
        ("<a>&undefined;</a>", "x.xml:1:15: error: reference to entity '&undefined;' is not accepted"),
        ("<a x=\"1\" x=\"2\"/>", "x.xml:1:15: error: the same attribute is given twice on one element"),
        ("", "x.xml:1:1: error: the document is empty or is not XML (expected a start tag '<')"),
        ("<a>\n  <b>", "x.xml:2:6: error: the document ends before '<b>' (opened at 2:3) is closed"),
    ])
    func malformedDocuments(xml: String, expected: String) {
        let found = problems(xml)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix(expected) == true, "\(found)")
    }

    @Test func externalEntityToLocalFileIsRefusedBeforeParsing() throws {
        let scratch = try ImportScratch(["secret.txt": "TOP-SECRET-MARKER"])
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE report [<!ENTITY xxe SYSTEM "file://\(scratch.path("secret.txt"))">]>
            <report id="1"><notes>&xxe;</notes></report>
            """
        #expect(problems(xml) == [
            "x.xml:2:1: error: '<!DOCTYPE' is not accepted: DTDs and entity declarations are refused for safety (remove the DOCTYPE and any entity declarations; CyberTipline exports need neither) [import.xml-doctype]"
        ])
    }

    /// Defence in depth: even with the byte-level check bypassed, the SAX parser must not read the file.
    @Test func parserDoesNotResolveExternalEntitiesEvenWithoutPrescan() throws {
        let scratch = try ImportScratch(["secret.txt": "TOP-SECRET-MARKER"])
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE report [<!ENTITY xxe SYSTEM "file://\(scratch.path("secret.txt"))">]>
            <report id="1"><notes>&xxe;</notes></report>
            """
        let outcome = Result { () throws(DiagnosticError) in
            try SafeXML.parseWithoutPrescan(Data(xml.utf8), file: "x.xml", limits: .standard)
        }
        switch outcome {
        case .success(let root):
            #expect(!root.children.contains { $0.text.contains("TOP-SECRET") })
            #expect(root.children.first?.text == "")
        case .failure(let error):
            #expect(!error.description.contains("TOP-SECRET"))
        }
    }

    @Test func billionLaughsFailsFast() throws {
        let path = try importFixture("billion-laughs.xml")
        let started = ContinuousClock.now
        let diagnostics = expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(file: path)
        }
        #expect(ContinuousClock.now - started < .seconds(1))
        #expect(described(diagnostics) == [
            "F/billion-laughs.xml:2:1: error: '<!DOCTYPE' is not accepted: DTDs and entity declarations are refused for safety (remove the DOCTYPE and any entity declarations; CyberTipline exports need neither) [import.xml-doctype]"
        ])
    }

    @Test func entityDeclarationOutsideDoctypeAndAnyCaseIsRefused() {
        #expect(problems("<a>\n<!entity x \"y\"></a>").first?.hasPrefix("x.xml:2:1: error: '<!ENTITY' is not accepted") == true)
        #expect(problems("<!-- <!DocType x> --><a/>").first?.hasPrefix("x.xml:1:6: error: '<!DOCTYPE' is not accepted") == true)
    }

    @Test func depthAndSizeLimits() {
        let deep = String(repeating: "<a>", count: 65) + String(repeating: "</a>", count: 65)
        #expect(problems(deep) == [
            "x.xml:1:193: error: elements are nested more than 64 deep (CyberTipline reports are shallow; check the file is the right export) [import.xml-too-deep]"
        ])
        let sixtyFour = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        #expect((try? SafeXML.parse(Data(sixtyFour.utf8), file: "x.xml")) != nil)
        var limits = SafeXML.Limits()
        limits.maxBytes = 10
        #expect(problems("<a>0123456789</a>", limits: limits).first?.hasPrefix("x.xml:1:1: error: file is larger than 0 MiB") == true)
        limits = SafeXML.Limits()
        limits.maxElements = 3
        #expect(problems("<a><b/><c/><d/></a>", limits: limits).first?.hasPrefix("x.xml:1:12: error: the document has more than 3 elements") == true)
    }

    @Test func onlyUTF8IsAccepted() {
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(contentsOf: Array("<a/>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(utf16, file: "x.xml")
        })
        #expect(found.first?.contains("only UTF-8 XML is accepted") == true)
        #expect(problems("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>") == [
            "x.xml:1:21: error: the XML declaration names encoding 'iso-8859-1'; only UTF-8 is accepted (re-save the export as UTF-8 and declare encoding=\"UTF-8\") [import.xml-encoding]"
        ])
        let latin1 = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try SafeXML.parse(Data([0x3C, 0x61, 0x3E, 0xE9, 0x3C, 0x2F, 0x61, 0x3E]), file: "x.xml")
        })
        #expect(latin1.first?.hasPrefix("x.xml:1:4: error: file is not valid UTF-8") == true)
    }

    @Test func namespacePrefixesAreDropped() throws {
        let root = try SafeXML.parse(Data("<n:report xmlns:n=\"urn:x\" id=\"1\"><n:fileDetails/></n:report>".utf8), file: "x.xml")
        #expect(root.name == "report")
        #expect(root.attributes.map(\.name) == ["id"])
        #expect(root.children.map(\.name) == ["fileDetails"])
    }
}
