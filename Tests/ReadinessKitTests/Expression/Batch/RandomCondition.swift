@testable import ReadinessKit

/// Random conditions over `item` (an evidence row) from a small grammar: field reads of every
/// kind, presence, comparisons with invariants (literals, `as_of`, `case.*`, `n`, charges),
/// membership, sizes, text tests, patterns, macros over `charges`, logic, and forms the kernels
/// leave undecided (references, arithmetic, conditionals).
enum RandomCondition {
    static func condition(depth: Int, _ random: inout SeededGenerator, element: String? = nil) -> String {
        if depth > 0, Int.random(in: 0..<3, using: &random) == 0 {
            let left = condition(depth: depth - 1, &random, element: element)
            let right = condition(depth: depth - 1, &random, element: element)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: return "(\(left) and \(right))"
            case 1: return "(\(left) || \(right))"
            case 2: return "(\(left) or \(right))"
            case 3: return "!(\(left))"
            default: return "not (\(left) && \(right))"
            }
        }
        if depth > 0, element == nil, Int.random(in: 0..<6, using: &random) == 0 {
            let body = condition(depth: depth - 1, &random, element: "c")
            return "charges.\(Bool.random(using: &random) ? "exists" : "all")(c, \(body))"
        }
        return leaf(&random, element: element)
    }

    private static func pick(_ options: [String], _ random: inout SeededGenerator) -> String {
        options.randomElement(using: &random) ?? ""
    }

    private static func leaf(_ random: inout SeededGenerator, element: String?) -> String {
        let text = pick(["item.id", "item.location", "item.path", "item.sha256", "item.notes", "item.device", "item.series"], &random)
        let literal = pick(["'unallocated'", "'E-0001'", "'K'", "'\u{212A}'", "'e\u{301}'", "'é'", "''", "'x'", "'A'", "'a\r\nb'"], &random)
        let op = pick(["==", "!=", "<", "<=", ">", ">="], &random)
        var leaves = [
            "has(\(pick(["item.id", "item.path", "item.deleted", "item.user_actions", "item.grading", "item.grading.uk_category", "item.grading.us_prepubescent", "item.device", "item.md5", "item.created_at", "item.duration_seconds"], &random)))",
            pick(["item.deleted", "item.hash_verified", "item.is_video", "item.grading.us_prepubescent"], &random),
            "\(pick(["item.deleted", "item.is_video", "item.grading.us_prepubescent"], &random)) \(pick(["==", "!="], &random)) \(Bool.random(using: &random))",
            "\(text) \(pick(["==", "!="], &random)) \(literal)",
            "\(literal) \(op) \(text)",
            "\(text) \(op) \(pick(["case.id", "case.stage", "charges[0].id", "charges[7].id"], &random))",
            "\(text) in [\(literal), 'allocated', 'E-0002']",
            "\(text) in \(pick(["charges[0].evidence", "charges[1].evidence", "['E-0003', charges[0].id]"], &random))",
            "\(pick(["item.size_bytes", "item.duration_seconds", "size(item.user_actions)", "item.known_hash_sources.size()", "size(item.path)", "count(item.user_actions)"], &random)) \(op) \(pick(["1000", "1", "0", "2.5", "n", "case.excludable_days", "charges[0].image_count", "charges[1].image_count", "-1"], &random))",
            "\(pick(["1000", "n", "2"], &random)) \(op) item.\(pick(["size_bytes", "duration_seconds"], &random))",
            "item.\(pick(["created_at", "modified_at", "accessed_at", "grading.graded_at"], &random)) \(op) \(pick(["as_of", "case.search_at", "case.report_received_at", "case.arrest_at", "date('2026-02-10')", "timestamp('2026-02-10T12:00:00Z')", "as_of - days(30)"], &random))",
            "\(pick(["'lnk_file'", "'e\u{301}'", "'é'", "''", "case.id"], &random)) in item.\(pick(["user_actions", "known_hash_sources"], &random))",
            "\(text).\(pick(["startsWith", "endsWith", "contains"], &random))(\(pick(["'/Users'", "'.jpg'", "'x'", "''", "'e'", "'a\r'", "case.id", "case.venue"], &random)))",
            "\(text).matches(r'\(pick(["^[0-9a-f]{64}$", "^E-[0-9]+$", "^E-\\d{4}$", "a.b", "jpg$", "^/Users/[^/]+", "[A-Z]", "x?y*$", "^$", "K", "(a|b)", "\\w+\\.jpg"], &random))')",
            pick(["item.device.kind == 'laptop'", "item.size_bytes + 1 > 10", "(item.deleted ? 1 : 2) == 1", "item.grading.grader.available",
                  "case.in_custody", "n > 3", "as_of > date('2026-01-01')", "charges[9].count > 1", "flag"], &random),
        ]
        if let element {
            leaves += [
                "item.id in \(element).evidence", "has(\(element).evidence) and item.id in \(element).evidence",
                "\(element).count > 1", "item.size_bytes > \(element).image_count", "\(element).id == 'C1'",
            ]
        }
        return pick(leaves, &random)
    }
}
