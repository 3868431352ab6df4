/// The small part of Markdown that sample READMEs use, turned into plain data for templates:
/// paragraphs, `###` headings, bulleted and numbered lists, fenced code, and inline `code`,
/// **bold** and *emphasis* spans. No HTML is produced here: templates escape every piece of text they print.
enum Markdown {
    /// A block as a template context: exactly one of `heading`, `paragraph`, `list`, `code` is true.
    static func blocks(_ text: String, redact: (String) -> String = { $0 }) -> [[String: Any]] {
        var blocks: [[String: Any]] = []
        var paragraph: [String] = []
        var items: [String] = []
        var ordered = false
        var fence: [String]?

        func flush() {
            if !paragraph.isEmpty {
                blocks.append(block(paragraph: spans(redact(paragraph.joined(separator: " ")))))
                paragraph = []
            }
            if !items.isEmpty {
                blocks.append(block(list: items.map { ["spans": spans(redact($0))] }, ordered: ordered))
                items = []
            }
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            let stripped = line.strippedForReadme
            if stripped.hasPrefix("```") {
                if let lines = fence {
                    blocks.append(block(code: redact(lines.joined(separator: "\n"))))
                    fence = nil
                } else {
                    flush()
                    fence = []
                }
                continue
            }
            if fence != nil {
                fence?.append(line)
            } else if stripped.isEmpty {
                flush()
            } else if stripped.hasPrefix("#") {
                flush()
                let title = stripped.drop { $0 == "#" }.strippedForReadme
                blocks.append(block(heading: spans(redact(title))))
            } else if let marker = listMarker(stripped) {
                if !paragraph.isEmpty { flush() }
                let isOrdered = stripped.first?.isNumber ?? false
                if !items.isEmpty, isOrdered != ordered { flush() }
                ordered = isOrdered
                items.append(String(stripped.dropFirst(marker)).strippedForReadme)
            } else if !items.isEmpty, line.first?.isWhitespace == true {
                items[items.count - 1] += " " + stripped
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(stripped)
            }
        }
        if let lines = fence { blocks.append(block(code: redact(lines.joined(separator: "\n")))) }
        flush()
        return blocks
    }

    /// The length of a list marker (`- `, `* `, `12. `) at the start of `line`, if any.
    static func listMarker(_ line: String) -> Int? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return 2 }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return digits.count + 2
    }

    /// Inline spans: `code`, **strong** and *em* runs, everything else plain.
    static func spans(_ text: String) -> [[String: Any]] {
        var spans: [[String: Any]] = []
        var plain = ""
        var index = text.startIndex
        func emit(_ run: String, style: String = "plain") {
            guard !run.isEmpty else { return }
            spans.append(["text": run, "code": style == "code", "strong": style == "strong", "em": style == "em", "plain": style == "plain"])
        }
        scanning: while index < text.endIndex {
            for (opener, style) in [("`", "code"), ("**", "strong"), ("*", "em")] where text[index...].hasPrefix(opener) {
                let start = text.index(index, offsetBy: opener.count)
                if let end = text.range(of: opener, range: start..<text.endIndex), end.lowerBound > start {
                    emit(plain)
                    plain = ""
                    emit(String(text[start..<end.lowerBound]), style: style)
                    index = end.upperBound
                    continue scanning
                }
            }
            plain.append(text[index])
            index = text.index(after: index)
        }
        emit(plain)
        return spans
    }

    private static func block(heading spans: [[String: Any]]) -> [String: Any] {
        block(["heading": true, "spans": spans])
    }

    private static func block(paragraph spans: [[String: Any]]) -> [String: Any] {
        block(["paragraph": true, "spans": spans])
    }

    private static func block(list items: [[String: Any]], ordered: Bool) -> [String: Any] {
        block(["list": true, "ordered": ordered, "bulleted": !ordered, "items": items])
    }

    private static func block(code text: String) -> [String: Any] {
        block(["code": true, "text": text])
    }

    /// Every key present, so a template never falls through to an outer context's value.
    private static func block(_ fields: [String: Any]) -> [String: Any] {
        let defaults: [String: Any] = [
            "heading": false, "paragraph": false, "list": false, "code": false, "ordered": false, "bulleted": false,
            "spans": [[String: Any]](), "items": [[String: Any]](), "text": "",
        ]
        return defaults.merging(fields) { $1 }
    }
}
