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
        if let (offset, keyword) = firstDeclaration(in: data) {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-doctype",
                message: "'<!\(keyword)' is not accepted: DTDs and entity declarations are refused for safety",
                at: location(offset),
                hint: "remove the DOCTYPE and any entity declarations; CyberTipline exports need neither"))
        }
    }

    /// Throws if an XML declaration names an encoding other than UTF-8 or US-ASCII.
    private static func checkDeclaredEncoding(_ data: Data, at location: (Int) -> SourceLocation) throws(DiagnosticError) {
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = data.prefix(bom + 512)
        guard head.dropFirst(bom).starts(with: Array("<?xml".utf8)),
            let end = head.firstRange(of: Array("?>".utf8))?.lowerBound
        else { return }
        let declaration = String(decoding: head[head.startIndex..<end], as: UTF8.self)
        guard let keyword = declaration.range(of: "encoding") else { return }
        let rest = declaration[keyword.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let name = rest.dropFirst().prefix { $0 != quote }.lowercased()
        guard name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" else {
            let offset = declaration.utf8.distance(from: declaration.startIndex, to: keyword.lowerBound)
            throw DiagnosticError(Diagnostic(
                id: "import.xml-encoding", message: "the XML declaration names encoding '\(name)'; only UTF-8 is accepted",
                at: location(offset), hint: "re-save the export as UTF-8 and declare encoding=\"UTF-8\""))
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
