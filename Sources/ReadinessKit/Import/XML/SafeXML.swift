import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads untrusted XML into a small element tree, safely.
///
/// FoundationXML's `XMLDocument` is unsafe on Linux (it resolves external entities and silently
/// repairs malformed input), so this reader uses the SAX `XMLParser` and adds its own defences:
///
/// 1. A byte-level check before any parsing (`SafeXML+Prescan.swift`): size limit, UTF-8 only,
///    and any `<!DOCTYPE` or `<!ENTITY` is rejected outright, so no DTD, no entity declaration,
///    no external entity and no expansion bomb ever reaches libxml2.
/// 2. The parser itself runs with external entity resolution off (`.never`).
/// 3. Element depth and element count limits, checked as elements open.
/// 4. Every parser error aborts the parse; libxml2's recovery is never trusted, and a document
///    that ends with elements still open is an error (Linux `XMLParser` does not report it).
enum SafeXML {
    /// Hard limits on what a document may contain.
    struct Limits: Sendable {
        /// Largest accepted document, in bytes.
        var maxBytes = 64 << 20
        /// Deepest accepted element nesting (the root is depth 1).
        var maxDepth = 64
        /// Most elements accepted in one document.
        var maxElements = 1_000_000

        static let standard = Limits()
    }

    /// One element: its name (namespace prefix removed), attributes, trimmed text and children.
    struct Element: Sendable {
        var name: String
        /// Attributes sorted by name, so output built from them is deterministic.
        var attributes: [(name: String, value: String)]
        /// The element's own character data, whitespace-trimmed (CDATA included).
        var text: String
        var children: [Element]
        /// Where the start tag begins (`<`).
        var location: SourceLocation

        /// The value of the named attribute.
        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// Parses the XML file at `path`.
    ///
    /// - Throws: `DiagnosticError` for files that are too large, not UTF-8, declare a DOCTYPE or
    ///   entities, exceed the limits, or are not well-formed; every error has a line and column.
    static func parse(file path: String, limits: Limits = .standard) throws(DiagnosticError) -> Element {
        let data = try read(path, limit: limits.maxBytes)
        return try parse(data, file: path, limits: limits)
    }

    /// Parses XML bytes; `file` names the source in diagnostics.
    static func parse(_ data: Data, file: String, limits: Limits = .standard) throws(DiagnosticError) -> Element {
        try prescan(data, file: file, limits: limits)
        return try parseWithoutPrescan(data, file: file, limits: limits)
    }

    /// The SAX stage alone. Only tests call it directly, to show that the parser's own entity
    /// policy holds even if the byte-level check were bypassed.
    static func parseWithoutPrescan(_ data: Data, file: String, limits: Limits) throws(DiagnosticError) -> Element {
        let builder = TreeBuilder(source: SourceText(data), file: file, limits: limits)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = builder
        _ = parser.parse()
        parser.delegate = nil
        return try builder.finish(parserError: parser.parserError, parser: parser)
    }

    private static func read(_ path: String, limit: Int) throws(DiagnosticError) -> Data {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DiagnosticError(Diagnostic(id: "import.not-found", message: "cannot read '\(path)'", at: nil,
                                             hint: "check the file exists and is readable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw DiagnosticError(Diagnostic(id: "import.not-found", message: "cannot read '\(path)': \(error.localizedDescription)",
                                             at: nil))
        }
        guard data.count <= limit else {
            throw DiagnosticError(Diagnostic(
                id: "import.xml-too-large", message: "file is larger than \(limit >> 20) MiB", at: start,
                hint: "split the export into several files of fewer reports each"))
        }
        return data
    }
}
