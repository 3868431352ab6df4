import Foundation

/// A training sample: a bundle folder with a trainer's `README.md` and an answer key.
public struct Sample: Sendable {
    /// The folder name, e.g. `us-ready-possession`.
    public var name: String
    /// The folder's path.
    public var path: String
    /// The README, or `nil` when the folder has none.
    public var readme: SampleReadme?
    /// The answer key, or the problems reading it.
    public var key: Result<AnswerKey, DiagnosticError>

    /// The README's one-line summary, or its title, or a placeholder.
    public var summary: String {
        guard let readme else { return "(no README.md)" }
        return readme.summary.isEmpty ? readme.title : readme.summary
    }

    /// Reads the sample folder at `path`.
    public init(path: String) {
        self.path = path
        name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        let readmePath = URL(fileURLWithPath: path).appendingPathComponent("README.md").path
        readme = (try? String(contentsOfFile: readmePath, encoding: .utf8)).map(SampleReadme.init(markdown:))
        let keyPath = URL(fileURLWithPath: path).appendingPathComponent(AnswerKey.fileName).path
        do throws(DiagnosticError) {
            key = .success(try AnswerKey.load(keyPath))
        } catch {
            key = .failure(error)
        }
    }
}

/// The samples in a folder (by default `samples/` of the repository).
public enum SampleCatalogue {
    /// The default samples folder, relative to the working directory.
    public static let defaultDirectory = "samples"

    /// Every sample folder (one holding `case.yaml` or `case.json`) directly inside `directory`,
    /// sorted by name.
    public static func load(directory: String) throws(DiagnosticError) -> [Sample] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DiagnosticError(Diagnostic(id: "samples.no-folder", message: "cannot read the samples folder '\(directory)'", at: nil,
                                             hint: "run from the repository root, or give the folder with --dir"))
        }
        return names.sorted().compactMap { name in
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            return isBundleFolder(path) ? Sample(path: path) : nil
        }
    }

    /// The sample named `nameOrPath`: a folder path, or the name of a folder in `directory`.
    public static func find(_ nameOrPath: String, in directory: String) throws(DiagnosticError) -> Sample {
        if isBundleFolder(nameOrPath) { return Sample(path: nameOrPath) }
        let inDirectory = URL(fileURLWithPath: directory).appendingPathComponent(nameOrPath).path
        if isBundleFolder(inDirectory) { return Sample(path: inDirectory) }
        let known = (try? load(directory: directory).map(\.name)) ?? []
        throw DiagnosticError(Diagnostic(id: "samples.unknown-sample", message: "no sample '\(nameOrPath)' in '\(directory)'", at: nil,
                                         hint: Suggestion.didYouMean(nameOrPath, in: known) ?? "list them with: readiness samples"))
    }

    static func isBundleFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return false }
        return ["case.yaml", "case.json"].contains {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: path).appendingPathComponent($0).path)
        }
    }
}

/// Checks samples against loaded rule packs and their answer keys.
public struct SampleRunner {
    public let packs: [RulePack]
    private var checklists: [String: CompiledChecklist] = [:]

    public init(packs: [RulePack]) {
        self.packs = packs
    }

    /// The outcome of checking one sample.
    public struct Outcome: Sendable {
        public var bundle: CaseBundle
        public var report: Report
        public var key: AnswerKey
        /// Departures from the key; empty when the sample agrees with it.
        public var mismatches: [KeyMismatch]
    }

    /// Loads `sample`, checks it at its key's as-of date with the packs for its jurisdiction, and
    /// compares the report with the key.
    public mutating func run(_ sample: Sample) throws(DiagnosticError) -> Outcome {
        let key = try sample.key.get()
        let bundle = try BundleLoader().load(sample.path).bundle
        let report = try check(bundle, asOf: key.asOf, profile: key.profile)
        let collections = Dictionary(packs.flatMap(\.rules).compactMap { rule in rule.forEach.map { (rule.id, $0) } }) { first, _ in first }
        let mismatches = AnswerKeyChecker.compare(report, with: key, sample: sample.name) { rule in
            collections[rule].map { Set(bundle.records(in: $0).compactMap(\.id)) }
        }
        return Outcome(bundle: bundle, report: report, key: key, mismatches: mismatches)
    }

    /// Checks `bundle` with the packs covering its jurisdiction.
    public mutating func check(_ bundle: CaseBundle, asOf: Day, profile: String?) throws(DiagnosticError) -> Report {
        let jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
        let checklist: CompiledChecklist
        if let known = checklists[jurisdiction] {
            checklist = known
        } else {
            checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: jurisdiction))
            checklists[jurisdiction] = checklist
        }
        return try CaseChecker(checklist: checklist).check(bundle, options: .init(asOf: asOf, profile: profile))
    }
}
