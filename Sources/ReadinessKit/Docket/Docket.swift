import Foundation

/// A task force's docket: many bundles checked in one run, summarised one line per case.
///
/// One bad bundle is reported in its row and does not stop the others.
public struct Docket: Codable, Sendable {
    public var format = "readiness-docket/1"
    public var asOf: String
    public var rows: [Row]

    public init(asOf: String, rows: [Row]) {
        self.asOf = asOf
        self.rows = rows
    }

    /// One case's line.
    public struct Row: Codable, Sendable {
        public var bundle: String
        public var caseID: String?
        public var caption: String?
        /// `ready`, `ready_with_conditions`, `not_ready`, or `invalid` when the bundle did not load.
        public var decision: String
        public var blockers: Int
        public var majors: Int
        public var unknowns: Int
        /// The earliest action deadline among open findings, `YYYY-MM-DD`.
        public var earliestDeadline: String?
        /// The first problem, when the bundle could not be checked.
        public var problem: String?
    }

    /// The bundle folders and files under `paths`: a path holding `case.yaml` (or a bundle file) is a
    /// bundle; a folder without one is searched one level down for bundles.
    public static func bundlePaths(in paths: [String]) -> [String] {
        var found: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                !["case.yaml", "case.yml", "case.json"].contains(where: { manager.fileExists(atPath: path + "/" + $0) })
            else {
                found.append(path)
                continue
            }
            let children = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted()
            for child in children where !child.hasPrefix(".") {
                let full = path.hasSuffix("/") ? path + child : path + "/" + child
                if ["case.yaml", "case.yml", "case.json"].contains(where: { manager.fileExists(atPath: full + "/" + $0) }) {
                    found.append(full)
                }
            }
        }
        return found
    }

    /// The row for a checked bundle.
    public static func row(bundle: String, report: Report) -> Row {
        let open = report.results.filter(\.outcome.isOpen)
        let deadlines = open.flatMap(\.findings).filter(\.outcome.isOpen).compactMap(\.deadline)
        return Row(
            bundle: bundle, caseID: report.caseInfo.id, caption: report.caseInfo.caption, decision: report.decision.level.rawValue,
            blockers: open.filter { $0.severity == .blocker }.count, majors: open.filter { $0.severity == .major }.count,
            unknowns: open.filter { $0.outcome == .unknown }.count, earliestDeadline: deadlines.min(), problem: nil)
    }

    /// The row for a bundle that could not be checked.
    public static func row(bundle: String, problems: [Diagnostic]) -> Row {
        Row(bundle: bundle, caseID: nil, caption: nil, decision: "invalid", blockers: 0, majors: 0, unknowns: 0,
            earliestDeadline: nil, problem: problems.first { $0.severity == .error }?.description ?? problems.first?.description)
    }
}
