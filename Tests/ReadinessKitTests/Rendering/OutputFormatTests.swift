import Foundation
import Testing
@testable import ReadinessKit

/// CSV defusing and quoting, text wrapping, Markdown escaping, output cleaning and formats.
@Suite struct OutputFormatTests {
    @Test(arguments: [
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("a,b", "\"a,b\""), ("line\nbreak", "\"line\nbreak\""), ("plain", "plain"),
        ("", ""), ("a=b", "a=b"),
    ])
    func csvCells(value: String, expected: String) {
        #expect(ActionListCSV.cell(value) == expected)
    }

    @Test func csvHasOneRowPerActionWithCRLF() throws {
        let report = try MemoFixtures.report("not-ready")
        let csv = ActionListCSV.text(report.actionPlan)
        #expect(csv.hasPrefix("number,owner,deadline,severity,rule,title,subject,action,legal_basis\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count - 2 == report.actionPlan.count)
    }

    @Test func textWrapsAtWidthWithHangingIndent() {
        let line = "   - Action A12: " + String(repeating: "word ", count: 30)
        let wrapped = TextWrapper.wrap(line, width: 40).components(separatedBy: "\n")
        #expect(wrapped.allSatisfy { $0.count <= 40 })
        #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 5)) && !$0.hasPrefix(String(repeating: " ", count: 6)) })
        #expect(TextWrapper.wrap("To:      a  b", width: 80) == "To:      a  b")
        let label = TextWrapper.wrap("Re:      " + String(repeating: "x ", count: 40), width: 40).components(separatedBy: "\n")
        #expect(label[1].hasPrefix("         x"))
        #expect(TextWrapper.wrap(String(repeating: "y", count: 90), width: 80) == String(repeating: "y", count: 90))
    }

    @Test(arguments: MemoFixtures.bundles)
    func textMemosStayWithin80Columns(bundle: String) throws {
        let text = try MemoFixtures.render(try MemoFixtures.report(bundle), .text)
        for line in text.components(separatedBy: "\n") where line.count > 80 {
            #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "an over-long line with a break point: \(line)")
        }
    }

    @Test func markdownEscapesMarkupAndLineBreaks() {
        #expect(MarkdownContentType().escapeText("[x](javascript:y) | *b* <i>\nnext") == "\\[x](javascript:y) \\| \\*b\\* \\<i\\> next")
    }

    @Test func controlCharactersAndBidiOverridesAreCleaned() {
        #expect(OutputText.clean("a\u{1B}[31mb\u{202E}c\nd\te") == "a\u{FFFD}[31mb\u{FFFD}c d e")
        #expect(OutputText.clean("plain") == "plain")
    }

    @Test func formatFollowsTheExtension() {
        #expect(MemoFormat(fileExtension: "HTM") == .html)
        #expect(MemoFormat(fileExtension: "md") == .markdown)
        #expect(MemoFormat(fileExtension: "txt") == .text)
        #expect(MemoFormat(fileExtension: "pdf") == nil)
        #expect(MemoFormat.allCases.filter(\.usesTemplates) == [.text, .html, .markdown])
    }
}
