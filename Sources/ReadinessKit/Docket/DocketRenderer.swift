/// The docket summary as a terminal table, CSV (formula-safe) or a self-contained HTML page.
public enum DocketRenderer {
    static let headers = ["Case", "Decision", "Blockers", "Majors", "Unknowns", "Earliest deadline", "Bundle"]

    private static func cells(_ row: Docket.Row) -> [String] {
        [row.caseID ?? "—", row.decision.replacingOccurrences(of: "_", with: " "), String(row.blockers), String(row.majors),
         String(row.unknowns), row.earliestDeadline ?? "—", row.bundle]
    }

    /// A plain-text table with aligned columns, then any problems.
    public static func text(_ docket: Docket) -> String {
        let table = [headers] + docket.rows.map(cells)
        let widths = headers.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        var lines = table.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        lines.insert(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "), at: 1)
        let counts = Dictionary(grouping: docket.rows, by: \.decision).mapValues(\.count)
        lines.append("")
        lines.append("\(docket.rows.count) bundles as of \(docket.asOf): "
            + ["ready", "ready_with_conditions", "not_ready", "invalid"].compactMap { key in
                counts[key].map { "\($0) \(key.replacingOccurrences(of: "_", with: " "))" }
            }.joined(separator: ", "))
        for row in docket.rows { if let problem = row.problem { lines.append("\(row.bundle): \(problem)") } }
        return lines.joined(separator: "\n")
    }

    /// RFC 4180 CSV; cells a spreadsheet would read as a formula are prefixed with `'` (see `ActionListCSV`).
    public static func csv(_ docket: Docket) -> String {
        let rows = [headers + ["Problem"]] + docket.rows.map { cells($0) + [$0.problem ?? ""] }
        return rows.map { $0.map(csvCell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV cell, defused against spreadsheet formula injection and quoted when needed (the same
    /// rule as the memo's action list).
    public static func csvCell(_ value: String) -> String { ActionListCSV.cell(value) }

    /// A self-contained HTML page (inline CSS, no scripts); every value is escaped.
    public static func html(_ docket: Docket) -> String {
        let head = headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
        let body = docket.rows.map { row in
            "<tr>" + cells(row).enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(escape(cell))</th>" : "<td>\(escape(cell))</td>"
            }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Readiness docket as of \(escape(docket.asOf))</title>
            <style>body{font:11pt Georgia,serif;margin:2em;color:#111}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #555;padding:4px 6px;text-align:left;vertical-align:top}thead th{background:#e8e8e8}
            @page{margin:18mm}</style></head>
            <body><h1>Readiness docket</h1><p>As of \(escape(docket.asOf)). \(docket.rows.count) bundles.</p>
            <table><thead><tr>\(head)</tr></thead><tbody>
            \(body)
            </tbody></table></body></html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
