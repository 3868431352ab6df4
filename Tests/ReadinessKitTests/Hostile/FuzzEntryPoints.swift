import Foundation
@testable import ReadinessKit

// This file is shared: the libFuzzer harness in `Fuzz/` compiles it through a symbolic link, and
// `FuzzReplayTests` calls it from `swift test`, so every input the fuzzer keeps is replayed through
// exactly the code it was found with. It may use only ReadinessKit and Foundation.

/// The fuzz targets: each takes arbitrary bytes, drives one untrusted-input path of ReadinessKit,
/// and returns the broken guarantees it noticed (empty when all held). A crash, a trap or a hang is
/// a failure by itself; the returned strings catch what does not crash: a diagnostic without a
/// usable location, a chunked read that disagrees with a whole read, a leaked control character.
enum FuzzEntryPoints {
    /// The targets, by the names `scripts/fuzz.sh` and the corpus folders use.
    enum Target: String, CaseIterable, Sendable {
        case loader, csv, expression
        case cybertipXML = "cybertip-xml"
        case jsonLines = "jsonl"
    }

    /// Runs one input through `target`.
    static func run(_ target: Target, _ data: Data) -> [String] {
        switch target {
        case .loader: loader(data)
        case .csv: csv(data)
        case .expression: expression(data)
        case .cybertipXML: cybertipXML(data)
        case .jsonLines: jsonLines(data)
        }
    }

    // MARK: - Bundle loader

    /// The bytes as `case.yaml` of a bundle folder, through `BundleLoader` (compose, node budget,
    /// decode, references, attachments); a valid bundle is then checked against a small rule pack and
    /// its report rendered, and any diagnostics are rendered as the CLI prints them.
    static func loader(_ data: Data) -> [String] {
        let folder = scratch + "/loader"
        guard write(data, to: folder + "/case.yaml") else { return ["cannot write the scratch bundle"] }
        var problems: [String] = []
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(folder)
            problems += checkLocations(loaded.warnings, inside: folder)
            _ = BundleSummary(loaded.bundle).description
            if let checklist {
                let report = try CaseChecker(checklist: checklist).check(loaded.bundle, options: .init(asOf: asOf))
                problems += checkTerminalSafe(TerminalText.sanitized(try MemoRenderer.render(report, as: .text, templateDirectory: templates)), what: "terminal summary")
            }
        } catch {
            problems += checkLocations(error.diagnostics, inside: folder)
            problems += checkTerminalSafe(DiagnosticRenderer(colored: false).render(error.diagnostics), what: "rendered diagnostics")
        }
        return problems
    }

    // MARK: - CSV evidence listing

    /// The bytes as `evidence.csv`, through the strict CSV reader and the evidence reader. The
    /// reader is run twice, on the whole buffer and streamed from a file in small chunks, and the
    /// two must agree record for record and error for error.
    static func csv(_ data: Data) -> [String] {
        let path = scratch + "/evidence.csv"
        guard write(data, to: path) else { return ["cannot write the scratch CSV"] }
        let whole = rows(CSVReader(file: "evidence.csv", data: data))
        var chunked = CSVReader(file: "evidence.csv", path: path)
        chunked.chunkSize = 1 + data.count % 7
        let streamed = rows(chunked)
        var problems: [String] = []
        if whole != streamed {
            problems.append("chunked read (chunk size \(chunked.chunkSize)) disagrees with the whole read:\n\(whole)\n---\n\(streamed)")
        }
        // The importers' reader (forensic exports), in two chunk sizes: they must agree too.
        let small = importRows(path, chunkSize: 1 + data.count % 5), large = importRows(path, chunkSize: 1 << 20)
        if small != large {
            problems.append("import reader: chunk size \(1 + data.count % 5) disagrees with one chunk:\n\(small)\n---\n\(large)")
        }
        let known: [String: Set<String>] = ["devices": ["D1", "D2"], "victims": ["V1"], "witnesses": ["W1"], "cybertip_files": ["F1"]]
        let reader = TabularEvidenceReader(schema: .v1, reader: .csv(CSVReader(file: "evidence.csv", data: data)), knownIDs: known)
        do throws(DiagnosticError) {
            try reader.forEachItem { item in _ = item.path }
        } catch {
            problems += checkLocations(error.diagnostics, inside: nil)
            if error.diagnostics.count > TabularEvidenceReader.diagnosticLimit + 50 {
                problems.append("\(error.diagnostics.count) diagnostics for one listing; the limit is \(TabularEvidenceReader.diagnosticLimit)")
            }
        }
        return problems
    }

    /// Every record the importers' CSV reader gives, and its error, as text to compare.
    private static func importRows(_ path: String, chunkSize: Int) -> [String] {
        var result: [String] = []
        do throws(DiagnosticError) {
            var reader = try ChunkedCSVReader(path: path, chunkSize: chunkSize)
            defer { reader.close() }
            while let record = try reader.next() {
                result.append("\(record.index) \(record.fields) \(record.positions.map(\.description))")
            }
        } catch {
            result.append("error: \(error)")
        }
        return result
    }

    // MARK: - CyberTip XML import

    /// The bytes as a CyberTipline XML report: the safe XML reader (byte-level prescan, then SAX
    /// with entities off, depth and size limits), the mapper to CyberTip records, and the YAML
    /// writer, whose output must read back as exactly what was written. The SAX stage also runs
    /// without the prescan, to fuzz the second line of defence on its own.
    static func cybertipXML(_ data: Data) -> [String] {
        var problems: [String] = []
        do throws(DiagnosticError) {
            let root = try SafeXML.parse(data, file: "report.xml")
            var mapper = CyberTipXMLMapper(schema: .v1)
            let reports = mapper.reports(in: root)
            problems += checkLocations(mapper.diagnostics, inside: nil)
            for report in reports {
                let node = YAMLWriter.node(for: report)
                problems += readsBack(try YAMLWriter.serialize(node), as: YAMLWriter.shape(of: node))
            }
        } catch {
            problems += checkLocations(error.diagnostics, inside: nil)
        }
        // Only for what the prescan's gates let through (UTF-8, no NUL, no other declared encoding,
        // no processing instruction): behind them, libxml2 2.9 and Foundation's XMLParser crash on
        // encoding="UTF-7" (fuzz-regressions/cybertip-xml/crash-bad76e25af009e98), on input taken
        // for UCS-4 (crash-67f5130c428eb071, "\0\0\0<") and on a processing instruction without
        // data (crash-6251e8f46a931ca8, "<?x?>"). The importer reaches none of them; the SAX stage
        // alone is fuzzed on everything else, DOCTYPEs and entities included.
        let instruction = data.dropFirst(2).firstRange(of: Array("<?".utf8)) != nil
            || (data.starts(with: Array("<?".utf8)) && !data.starts(with: Array("<?xml ".utf8)))
        if !data.contains(0), String(validating: data, as: UTF8.self) != nil, !declaresOtherEncoding(data), !instruction {
            do throws(DiagnosticError) {
                _ = try SafeXML.parseWithoutPrescan(data, file: "report.xml", limits: .standard)
            } catch {
                problems += checkLocations(error.diagnostics, inside: nil)
            }
        }
        // Any text at all, written as a YAML string, reads back as the same string.
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        let node = YAMLWriter.string(text)
        if let written = try? YAMLWriter.serialize(node) {
            problems += readsBack(written, as: YAMLWriter.shape(of: node))
        } else {
            problems.append("YAMLWriter cannot write the string \(text.debugDescription)")
        }
        return problems
    }

    /// Whether any `encoding` in the first 600 bytes names something other than UTF-8.
    static func declaresOtherEncoding(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(600), as: UTF8.self).lowercased()
        var rest = head[...]
        while let found = rest.range(of: "encoding") {
            let value = rest[found.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            let name = value.dropFirst().prefix { $0 != "\"" && $0 != "'" }
            if !["utf-8", "utf8"].contains(String(name)) { return true }
            rest = rest[found.upperBound...]
        }
        return false
    }

    /// Whether YAML text written by the importers composes back to the shape it was written from.
    static func readsBack(_ text: String, as expected: String) -> [String] {
        do throws(DiagnosticError) {
            let shape = try YAMLDocument(text: text, file: "written.yaml").root.map(YAMLWriter.shape(of:)) ?? "empty"
            return shape == expected ? [] : ["written YAML reads back as \(shape), not \(expected):\n\(text)"]
        } catch {
            return ["written YAML does not parse (\(error)):\n\(text)"]
        }
    }

    /// Every record (number, fields, field locations) and the error, as text to compare.
    private static func rows(_ reader: CSVReader) -> [String] {
        var result: [String] = []
        do throws(DiagnosticError) {
            try reader.forEachRow { row in
                let places = row.fields.indices.map { row.location(ofField: $0).description }
                result.append("\(row.number) \(row.fields) \(places)")
            }
        } catch {
            result.append("error: \(error)")
        }
        return result
    }

    // MARK: - Rule expressions

    /// The bytes as a rule expression with `item` bound to an evidence item: lexed, parsed, checked
    /// and, if it compiles, evaluated and explained against a small bundle with a small step budget.
    /// The same text is also compiled as a message template (`{expression}` placeholders).
    static func expression(_ data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let start = SourceLocation(file: "fuzz.yaml", line: 3, column: 14)
        let source = ExpressionSource(text: text, file: "fuzz.yaml", start: start, continuationColumn: 5)
        var problems: [String] = []
        do throws(DiagnosticError) {
            let compiled = try ExpressionCompiler.compile(source, in: environment)
            if let bundle = fixture {
                var context = EvaluationContext(bundle: bundle, asOf: asOf, environment: environment)
                context.stepLimit = 20_000
                for item in bundle.records(in: "evidence") {
                    context.variables[itemSlot] = .record(item)
                    let first = compiled.evaluate(&context)
                    let explained = compiled.explain(&context)
                    if explained.result != first {
                        problems.append("explain gave \(explained.result), evaluate gave \(first) for '\(text)'")
                    }
                }
            }
        } catch {
            problems += checkLocations(error.diagnostics, inside: nil)
        }
        let template = TemplateSource(text: text, source: source)
        do throws(DiagnosticError) {
            let compiled = try MessageTemplate.compile(template, in: environment)
            if let bundle = fixture, let item = bundle.records(in: "evidence").first {
                var context = EvaluationContext(bundle: bundle, asOf: asOf, environment: environment)
                context.stepLimit = 20_000
                context.variables[itemSlot] = .record(item)
                _ = compiled.render(&context)
            }
        } catch {
            problems += checkLocations(error.diagnostics, inside: nil)
        }
        return problems
    }

    /// Writes `data` in place, without the temporary file and fsync of an atomic write (which
    /// made file writing most of the loader target's time).
    static func write(_ data: Data, to path: String) -> Bool {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else { return false }
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: data)
            return true
        } catch {
            return false
        }
    }

    // MARK: - Oracles

    /// Every diagnostic has a line and column of at least 1 when it has a location, and (for the
    /// loader) names a file inside the bundle folder.
    static func checkLocations(_ diagnostics: [Diagnostic], inside folder: String?) -> [String] {
        diagnostics.compactMap { diagnostic in
            guard let location = diagnostic.location else { return nil }
            if location.line < 1 || location.column < 1 { return "diagnostic at \(location): \(diagnostic.message)" }
            if let folder, !location.file.hasPrefix(folder + "/") { return "diagnostic names a file outside the bundle: \(location)" }
            if diagnostic.message.utf8.count > Diagnostic.textLimit + 4 { return "diagnostic message of \(diagnostic.message.utf8.count) bytes" }
            return nil
        }
    }

    /// Text meant for a terminal holds no control character other than tab and newline.
    static func checkTerminalSafe(_ text: String, what: String) -> [String] {
        guard let bad = text.unicodeScalars.first(where: TerminalText.isUnsafe) else { return [] }
        return ["\(what) holds the control character U+\(String(bad.value, radix: 16, uppercase: true))"]
    }

    // MARK: - Fixtures shared by every input

    static let asOf = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)

    /// The repository's `templates/`, found from this file (through the Fuzz/ symbolic link too).
    static let templates: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    /// A scratch folder for this process, with a `loader` bundle folder inside.
    static let scratch: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("readiness-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path + "/loader", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: path + "/fixture", withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: path + "/rules", withIntermediateDirectories: true)
        return path
    }()

    /// The expression environment: `item` (an evidence item) and a small data table.
    static let environment: ExpressionEnvironment = {
        var environment = ExpressionEnvironment()
        environment.declareVariable("item", type: .record("EvidenceItem"))
        environment.declareTable(DataTable(
            name: "policy", columns: [("severity", .string), ("days", .int)],
            rows: ["9th": ["severity": .string("blocker"), "days": .int(30)]], defaultRow: ["severity": .string("major")]))
        return environment
    }()

    static let itemSlot: Int = {
        var copy = environment
        return copy.declareVariable("item", type: .record("EvidenceItem"))
    }()

    /// A small valid bundle the expressions run against.
    static let fixture: CaseBundle? = {
        let folder = scratch + "/fixture"
        let yaml = """
            format: readiness-bundle/1
            case:
              id: FZ-1
              caption: Fuzz v. Fixture (fictional)
              jurisdiction: US-FED
              circuit: 9th
              stage: pre_charge
              arrest_at: 2026-03-10T09:30:00-08:00
              summary: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"
            devices:
              - {id: D1, kind: laptop}
            charges:
              - {id: C1, statute: "18 U.S.C. § 2252A(a)(5)(B)", offence: possession, evidence: [E1, E2]}
            evidence:
              - {id: E1, device: D1, location: allocated, hash_verified: true, sha256: "9f2c", user_actions: [lnk_file], created_at: 2026-01-02}
              - {id: E2, device: D1, location: unallocated, hash_verified: false, path: "<script>{case.id}</script>"}
              - {id: E3, location: thumbnail_cache}
            """
        _ = FileManager.default.createFile(atPath: folder + "/case.yaml", contents: Data(yaml.utf8))
        return try? BundleLoader().load(folder).bundle
    }()

    /// A small rule pack (macros, a regular expression, a table, templates) for loader inputs that load.
    static let checklist: CompiledChecklist? = {
        let pack = """
            format: readiness-rules/1
            pack: fuzz
            title: Fuzz pack (fictional)
            version: 0.1.0
            jurisdictions: [US-FED, EW]
            tables:
              policy:
                columns: {severity: string}
                rows:
                  "9th": {severity: blocker}
                default: {severity: major}
            rules:
              - id: FZ-01
                title: Hash verified
                theme: custody
                severity: major
                severity_from: policy[case.circuit].severity
                owner: forensic_examiner
                for_each: evidence
                as: item
                require: item.hash_verified == true && item.sha256.matches(r'^[0-9a-f]{64}$')
                message: "Item {item.id} at {item.path} on {item.device}."
                remediation: "Verify {item.id}."
                legal_basis: [FRE 901(a)]
              - id: FZ-02
                title: Every charge rests on evidence
                theme: charging
                severity: blocker
                owner: prosecutor
                for_each: charges
                as: charge
                require: charge.evidence.all(e, evidence.exists(x, x.id == e))
                message: "Charge {charge.id} ({charge.statute})."
                remediation: "Link evidence to {charge.id}."
                legal_basis: [FRE 901(a)]
              - id: FZ-03
                title: Case summary recorded
                theme: file-quality
                severity: minor
                owner: prosecutor
                require: has(case.summary) && size(case.summary) > 0
                message: "Case {case.id}: {case.caption}."
                remediation: "Write a summary."
                legal_basis: [FRE 901(a)]
            """
        let file = scratch + "/rules/fuzz.yaml"
        _ = FileManager.default.createFile(atPath: file, contents: Data(pack.utf8))
        guard let packs = try? RulePackLoader().load([file]) else { return nil }
        return try? ChecklistCompiler.compile(packs)
    }()
}
