import Foundation

/// A sample's `README.md` for trainers, split into its title, one-line summary and `##` sections.
///
/// The conventions (see `docs/training.md`): the first line is `# Title`, the first paragraph after
/// it is the one-line summary, and the sections include `Scenario`, `Learning objectives`,
/// `Discussion questions`, `Discussion notes` and `What a fixed file would look like`.
public struct SampleReadme: Sendable, Equatable {
    /// One `##` section: its heading and its Markdown body.
    public struct Section: Sendable, Equatable {
        public var heading: String
        public var body: String
    }

    public var title: String
    public var summary: String
    /// Text between the summary and the first section (e.g. the command to try).
    public var preamble: String
    public var sections: [Section]

    public init(markdown: String) {
        var title = ""
        var summary = ""
        var preamble: [String] = []
        var sections: [Section] = []
        var current: (heading: String, lines: [String])?
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine).replacingOccurrences(of: "\r", with: "")
            if line.hasPrefix("## ") {
                if let current { sections.append(Section(heading: current.heading, body: current.lines.joined(separator: "\n").strippedForReadme)) }
                current = (String(line.dropFirst(3)).strippedForReadme, [])
            } else if current != nil {
                current?.lines.append(line)
            } else if title.isEmpty, line.hasPrefix("# ") {
                title = String(line.dropFirst(2)).strippedForReadme
            } else if summary.isEmpty, !line.strippedForReadme.isEmpty, !line.hasPrefix("#") {
                summary = String(line.strippedForReadme.trimmingPrefix("> "))
            } else if !summary.isEmpty {
                preamble.append(line)
            }
        }
        if let current { sections.append(Section(heading: current.heading, body: current.lines.joined(separator: "\n").strippedForReadme)) }
        self.title = title
        self.summary = summary
        self.preamble = preamble.joined(separator: "\n").strippedForReadme
        self.sections = sections
    }

    /// The body of the first section whose heading starts with `heading` (case-insensitive).
    public func section(_ heading: String) -> String? {
        sections.first { $0.heading.lowercased().hasPrefix(heading.lowercased()) }?.body
    }

    /// The numbered or bulleted items of a section, without their markers.
    public func items(of heading: String) -> [String] {
        guard let body = section(heading) else { return [] }
        var items: [String] = []
        for line in body.split(separator: "\n").map(String.init) {
            let trimmed = line.strippedForReadme
            if let marker = Markdown.listMarker(trimmed) {
                items.append(String(trimmed.dropFirst(marker)).strippedForReadme)
            } else if !trimmed.isEmpty, !items.isEmpty {
                items[items.count - 1] += " " + trimmed
            }
        }
        return items
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var strippedForReadme: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
