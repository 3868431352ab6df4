import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension SafeXML {
    /// The SAX delegate that builds the element tree, enforces the limits and keeps the first error.
    final class TreeBuilder: NSObject, XMLParserDelegate {
        private let source: SourceText
        private let file: String
        private let limits: Limits
        private var stack: [Element] = []
        private var root: Element?
        private var elementCount = 0
        private var failure: Diagnostic?

        init(source: SourceText, file: String, limits: Limits) {
            self.source = source
            self.file = file
            self.limits = limits
        }

        /// The finished tree, or the first problem found.
        func finish(parserError: Error?, parser: XMLParser) throws(DiagnosticError) -> Element {
            if let failure { throw DiagnosticError(failure) }
            if let parserError {
                let code = (parserError as NSError).code
                throw DiagnosticError(diagnostic(code: code, line: parser.lineNumber, column: parser.columnNumber))
            }
            let end = source.endPosition
            let endLocation = SourceLocation(file: file, line: end.line, column: end.column)
            if let open = stack.last { throw DiagnosticError(truncated(open)) }
            guard let root else {
                throw DiagnosticError(Diagnostic(id: "import.xml-malformed", message: SafeXML.message(forParserError: 4),
                                                 at: endLocation, hint: "give an XML export of CyberTipline reports"))
            }
            return root
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            guard failure == nil else { return }
            let location = startTagLocation(line: parser.lineNumber, column: parser.columnNumber)
            elementCount += 1
            if stack.count + 1 > limits.maxDepth {
                fail(parser, Diagnostic(id: "import.xml-too-deep", message: "elements are nested more than \(limits.maxDepth) deep",
                                        at: location, hint: "CyberTipline reports are shallow; check the file is the right export"))
                return
            }
            if elementCount > limits.maxElements {
                fail(parser, Diagnostic(id: "import.xml-too-large", message: "the document has more than \(limits.maxElements) elements",
                                        at: location, hint: "split the export into several files"))
                return
            }
            let kept = attributes.filter { $0.key != "xmlns" && !$0.key.hasPrefix("xmlns:") }
                .map { (name: $0.key, value: $0.value) }
                .sorted { $0.name < $1.name }
            stack.append(Element(name: SafeXML.localName(elementName), attributes: kept, text: "", children: [],
                                 location: location))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard failure == nil, var element = stack.popLast() else { return }
            element.text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if stack.isEmpty {
                root = element
            } else {
                stack[stack.count - 1].children.append(element)
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard failure == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard failure == nil, !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard failure == nil else { return }
            let code = (parseError as NSError).code
            fail(parser, diagnostic(code: code, line: parser.lineNumber, column: parser.columnNumber))
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
            if failure == nil {
                let location = SourceLocation(file: file, line: parser.lineNumber, column: max(1, parser.columnNumber))
                fail(parser, Diagnostic(id: "import.xml-entity", message: "reference to entity '&\(name);' is not accepted",
                                        at: location, hint: "write the text itself, or '&amp;' for a literal '&'"))
            }
            return nil
        }

        private func fail(_ parser: XMLParser, _ diagnostic: Diagnostic) {
            failure = diagnostic
            parser.abortParsing()
        }

        /// Where the start tag just reported begins: libxml2 reports the position of its `>`.
        private func startTagLocation(line: Int, column: Int) -> SourceLocation {
            if let close = source.offset(line: line, column: column),
                let open = source.lastIndex(of: 0x3C, atOrBefore: close)
            {
                let (startLine, startColumn) = source.position(ofByte: open)
                return SourceLocation(file: file, line: startLine, column: startColumn)
            }
            return SourceLocation(file: file, line: max(1, line), column: max(1, column))
        }

        private func diagnostic(code: Int, line: Int, column: Int) -> Diagnostic {
            if code == 5 || code == 77, let open = stack.last {  // libxml2 reports a truncated document as code 5
                return truncated(open)
            }
            var location = SourceLocation(file: file, line: max(1, line), column: max(1, column))
            var message = SafeXML.message(forParserError: code)
            if code == 76, let open = stack.last, let reported = source.offset(line: line, column: column),
                let tag = source.lastIndex(of: 0x3C, atOrBefore: max(0, reported - 1))
            {
                let (tagLine, tagColumn) = source.position(ofByte: tag)
                location = SourceLocation(file: file, line: tagLine, column: tagColumn)
                let name = closingTagName(at: tag)
                message = "end tag '</\(name)>' does not match the open element '<\(open.name)>' "
                    + "(opened at \(open.location.line):\(open.location.column))"
            }
            return Diagnostic(id: "import.xml-malformed", message: message, at: location,
                              hint: "fix the XML at this place; the importer does not repair malformed files")
        }

        private func truncated(_ open: Element) -> Diagnostic {
            let end = source.endPosition
            return Diagnostic(
                id: "import.xml-malformed",
                message: "the document ends before '<\(open.name)>' (opened at \(open.location.line):\(open.location.column)) is closed",
                at: SourceLocation(file: file, line: end.line, column: end.column), hint: "the file may be truncated; export it again")
        }

        private func closingTagName(at offset: Int) -> String {
            let bytes = source.data.dropFirst(offset + 2).prefix(200)
            let name = bytes.prefix { $0 != 0x3E && $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
            return SafeXML.localName(String(decoding: name, as: UTF8.self))
        }
    }

    /// The name without its namespace prefix (`ncmec:report` → `report`).
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}
