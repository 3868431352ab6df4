import Foundation
import Testing
@testable import ReadinessKit

/// Every generated HTML memo parses without errors in libxml2's HTML parser, holds no script
/// element, no event handler and no external reference, and carries the accessible structure.
@Suite struct HTMLMemoTests {
    static func memos() throws -> [(name: String, html: String)] {
        var memos: [(String, String)] = []
        for name in MemoFixtures.bundles {
            let report = try MemoFixtures.report(name)
            memos.append((name, try MemoFixtures.render(report, .html)))
            let redacted = Redactor(bundle: try MemoFixtures.bundle(name)).redact(report)
            memos.append(("\(name) redacted", try MemoFixtures.render(redacted, .html)))
        }
        var progressed = try MemoFixtures.report("not-ready")
        let before = try MemoFixtures.report("not-ready-before")
        progressed.progress = ReportDiff(previous: ReportDigest(before), current: ReportDigest(progressed))
        memos.append(("not-ready since", try MemoFixtures.render(progressed, .html)))
        return memos
    }

    @Test func everyMemoParsesCleanlyWithoutScripts() throws {
        for (name, html) in try Self.memos() {
            let check = HTMLChecker(html)
            #expect(check.errors.isEmpty, "\(name): \(check.errors)")
            #expect(check.scripts == 0, "\(name) has a script element")
            #expect(check.handlers.isEmpty, "\(name) has event handlers \(check.handlers)")
            #expect(check.elements["h1"] == 1 && (check.elements["h2"] ?? 0) >= 12, "\(name): headings")
            #expect(!html.contains("src=\"") && !html.contains("href=\"") && !html.contains("url("),
                    "\(name) refers to an external resource")
        }
    }

    @Test func everyHeaderCellHasAScope() throws {
        for (name, html) in try Self.memos() {
            let headers = html.components(separatedBy: "<th ").count + html.components(separatedBy: "<th>").count - 2
            let scoped = html.components(separatedBy: "<th scope=\"").count - 1
            #expect(headers == scoped, "\(name): \(headers - scoped) table headers without scope")
        }
    }

    @Test func printLayoutForA4AndLetter() throws {
        let html = try MemoFixtures.render(try MemoFixtures.report("ready"), .html)
        #expect(html.contains("@page { size: auto;"), "the page size follows the printer's paper, A4 or Letter")
        #expect(html.contains("counter(pages)"))
    }

    @Test func theCheckerSeesErrorsAndScripts() {
        let check = HTMLChecker("<!DOCTYPE html><html><body><main><p>x</main><script>1</script><b onclick=\"x\">y</b></body></html>")
        #expect(!check.errors.isEmpty, "an HTML5-only element is an error for libxml2")
        #expect(check.scripts == 1)
        #expect(check.handlers == ["b@onclick"])
    }
}
