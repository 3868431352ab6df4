import Foundation

/// The `notes` text the importer writes for one CyberTip: everything from the XML that has no
/// bundle field, so that nothing in the report is dropped.
///
/// Lines are `path: text`, paths relative to `<report>` (e.g. `reporter/reportingPerson/email`).
/// Documented elements come first, unknown ones after, each in document order. No line numbers
/// are written, so re-importing a reformatted export gives the same notes.
struct ReportNotes {
    private var kept: [String] = []
    private var unknown: [String] = []

    /// Keeps a documented element that has no bundle field (its whole subtree).
    mutating func keep(_ element: SafeXML.Element, path: String) {
        ReportNotes.flatten(element, path: path, into: &kept)
    }

    /// Keeps one documented value that has no bundle field.
    mutating func keep(path: String, value: String) {
        kept.append("\(path): \(ReportNotes.oneLine(value))")
    }

    /// Keeps an element or attribute the importer does not know (its whole subtree).
    mutating func keepUnknown(_ element: SafeXML.Element, path: String) {
        ReportNotes.flatten(element, path: path, into: &unknown)
    }

    /// Keeps an attribute the importer does not know.
    mutating func keepUnknown(path: String, value: String) {
        unknown.append("\(path): \(ReportNotes.oneLine(value))")
    }

    /// The notes text, or `nil` when there is nothing to keep.
    var text: String? {
        var sections: [String] = []
        if !kept.isEmpty {
            sections.append((["Kept from the CyberTipline XML (no bundle field):"] + kept).joined(separator: "\n"))
        }
        if !unknown.isEmpty {
            sections.append((["Unknown elements in the CyberTipline XML:"] + unknown).joined(separator: "\n"))
        }
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n")
    }

    private static func flatten(_ element: SafeXML.Element, path: String, into lines: inout [String]) {
        for attribute in element.attributes {
            lines.append("\(path)/@\(attribute.name): \(oneLine(attribute.value))")
        }
        if element.children.isEmpty {
            if !element.text.isEmpty {
                lines.append("\(path): \(oneLine(element.text))")
            } else if element.attributes.isEmpty {
                lines.append("\(path): (present, empty)")
            }
            return
        }
        if !element.text.isEmpty { lines.append("\(path): \(oneLine(element.text))") }
        for child in element.children {
            flatten(child, path: "\(path)/\(child.name)", into: &lines)
        }
    }

    /// Collapses runs of whitespace that contain line breaks, so each kept value is one line.
    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
