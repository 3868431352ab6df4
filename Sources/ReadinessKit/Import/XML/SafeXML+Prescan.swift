import Foundation

extension SafeXML {
    /// Rejects, before any XML parsing, everything the importer never needs and an attacker could use.
    ///
    /// - Files over the size limit.
    /// - Anything but UTF-8 (UTF-16/32 byte-order marks, NUL bytes, invalid UTF-8, or an XML
    ///   declaration naming another encoding): the byte checks below are only sound on UTF-8.
    /// - Any `<!DOCTYPE` or `<!ENTITY`, wherever it appears (even inside a comment): no DTD
    ///   processing, no entity declarations, hence no external entities and no expansion bombs.
    static func prescan(_ data: Data, file: String, limits: Limits) throws(DiagnosticError) {
        let source = SourceText(data)
        func location(_ offset: Int) -> SourceLocation {
            let (line, column) = source.position(ofByte: offset)
            return SourceLocation(file: file, line: line, column: column)
        }
        guard data.count <= limits.maxBytes else {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-too-large", message: "file is larger than \(limits.maxBytes >> 20) MiB", at: location(0),
                hint: "split the export into several files of fewer reports each"))
        }
        let utf16or32 = data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE])
            || data.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        if utf16or32 || data.contains(0) {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-encoding", message: "only UTF-8 XML is accepted (the file looks like UTF-16 or UTF-32)",
                at: location(0), hint: "re-save the export as UTF-8"))
        }
        _ = try BundleLoader.text(of: data, file: file)
        try checkDeclaredEncoding(data, at: location)
        if let offset = firstProcessingInstruction(in: data) {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-processing-instruction",
                message: "processing instructions ('<?…?>') other than the '<?xml …?>' declaration are not accepted",
                at: location(offset), hint: "remove it; CyberTipline exports need none"))
        }
        if let (offset, keyword) = firstDeclaration(in: data) {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-doctype",
                message: "'<!\(keyword)' is not accepted: DTDs and entity declarations are refused for safety",
                at: location(offset),
                hint: "remove the DOCTYPE and any entity declarations; CyberTipline exports need neither"))
        }
    }

    /// Throws if an XML declaration names an encoding other than UTF-8 or US-ASCII.
    ///
    /// The declaration is taken to run to the first `>`, not to `?>`: libxml2 switches encoding
    /// even for a declaration that is never closed, and it then crashes on `UTF-7` (a NULL
    /// dereference in xmlSwitchToEncoding, libxml2 2.9.14). Whitespace around `=` may be any
    /// length and include line breaks, and every `encoding` in it is checked.
    private static func checkDeclaredEncoding(_ data: Data, at location: (Int) -> SourceLocation) throws(DiagnosticError) {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard data.dropFirst(bom).starts(with: Array("<?xml".utf8)) else { return }
        let end = data.firstIndex(of: UInt8(ascii: ">")) ?? data.endIndex
        let declaration = String(decoding: data[data.startIndex..<end], as: UTF8.self)
        var searchFrom = declaration.startIndex
        while let keyword = declaration.range(of: "encoding", range: searchFrom..<declaration.endIndex) {
            searchFrom = keyword.upperBound
            let rest = declaration[keyword.upperBound...].drop { $0.isWhitespace || $0 == "=" }
            let quote = rest.first
            let name = quote == "\"" || quote == "'" ? rest.dropFirst().prefix { $0 != quote }.lowercased() : ""
            guard name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" else {
                let offset = declaration.utf8.distance(from: declaration.startIndex, to: keyword.lowerBound)
                throw DiagnosticError(Diagnostic(
                    id: "import.xml-encoding", message: "the XML declaration names encoding '\(name)'; only UTF-8 is accepted",
                    at: location(offset), hint: "re-save the export as UTF-8 and declare encoding=\"UTF-8\""))
            }
        }
    }

    /// The byte offset of the first `<?` that is not the XML declaration at the start (`<?xml`
    /// followed by white space), wherever it appears. Foundation's `XMLParser` on Linux crashes
    /// (strlen of NULL) on a processing instruction without data, such as `<?x?>`.
    private static func firstProcessingInstruction(in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let start = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var index = 0
            while index + 1 < raw.count {
                defer { index += 1 }
                guard raw[index] == 0x3C, raw[index + 1] == 0x3F else { continue }  // "<?"
                let declaration = index == start && index + 5 < raw.count
                    && Array(raw[(index + 2)..<(index + 5)]) == Array("xml".utf8)
                    && [0x20, 0x09, 0x0A, 0x0D].contains(raw[index + 5])
                if !declaration { return index }
            }
            return nil
        }
    }

    /// The byte offset and keyword of the first `<!DOCTYPE` or `<!ENTITY` (any letter case).
    private static func firstDeclaration(in data: Data) -> (Int, String)? {
        let keywords = ["DOCTYPE", "ENTITY"].map { Array($0.utf8) }
        return data.withUnsafeBytes { raw -> (Int, String)? in
            var index = 0
            while index + 1 < raw.count {
                defer { index += 1 }
                guard raw[index] == 0x3C, raw[index + 1] == 0x21 else { continue }  // "<!"
                for keyword in keywords where index + 2 + keyword.count <= raw.count {
                    let matches = keyword.indices.allSatisfy { raw[index + 2 + $0] & 0xDF == keyword[$0] }
                    if matches { return (index, String(decoding: keyword, as: UTF8.self)) }
                }
            }
            return nil
        }
    }
}
