import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser and reports its errors, script elements and event
/// handler attributes.
struct HTMLChecker {
    var errors: [String] = []
    var scripts = 0
    /// Attributes whose name starts with `on` (event handlers), as `element@attribute`.
    var handlers: [String] = []
    /// Elements by name, for structure checks.
    var elements: [String: Int] = [:]

    /// Collects libxml2's structured errors for one parse.
    private final class ErrorSink {
        var messages: [String] = []
    }

    init(_ html: String) {
        let sink = ErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            sink.messages.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let document = html.withCString { bytes in
            htmlReadMemory(bytes, Int32(strlen(bytes)), "memo.html", "UTF-8", options)
        }
        errors = sink.messages
        guard let document else {
            errors.append("the document could not be parsed")
            return
        }
        defer { xmlFreeDoc(document) }
        visit(xmlDocGetRootElement(document))
    }

    private mutating func visit(_ node: xmlNodePtr?) {
        var current = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: element.pointee.name).lowercased()
                elements[name, default: 0] += 1
                if name == "script" { scripts += 1 }
                var attribute = element.pointee.properties
                while let property = attribute {
                    let attributeName = String(cString: property.pointee.name).lowercased()
                    if attributeName.hasPrefix("on") { handlers.append("\(name)@\(attributeName)") }
                    attribute = property.pointee.next
                }
                visit(element.pointee.children)
            }
            current = element.pointee.next
        }
    }
}
