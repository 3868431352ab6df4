import Foundation
import Mustache
import ReadinessTemplates

/// Workshop material for one sample: a trainee handout (scenario, the case file's tables, blank
/// questions, no findings) and a trainer key (the check's report, the answer key, and the README's
/// notes for trainers), both rendered from Mustache templates that escape every value as HTML.
public struct Workshop: Sendable {
    /// The templates' file names (without `.mustache`) that a templates folder must hold.
    public static let templateNames = ["handout", "trainer-key", "blocks", "spans", "styles"]
    /// The templates folder, relative to the repository root.
    public static let defaultTemplates = "templates/workshop"

    /// The workshop templates folder: `explicit` if given; else `templates/workshop` in the working
    /// directory, beside the executable, or among the embedded default templates, whichever holds
    /// the handout first.
    public static func locateTemplates(explicit: String?,
                                       workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        if let explicit { return explicit }
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path
        let candidates = [
            (workingDirectory as NSString).appendingPathComponent(defaultTemplates),
            executable.map { ($0 as NSString).appendingPathComponent(defaultTemplates) },
            DefaultTemplates.directory.map { ($0 as NSString).appendingPathComponent("workshop") },
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: "\($0)/handout.mustache") } ?? defaultTemplates
    }

    let library: MustacheLibrary

    /// Loads the templates from `directory`, reporting a missing or malformed one by name.
    public init(templates directory: String) throws(DiagnosticError) {
        var library = MustacheLibrary()
        for name in Self.templateNames {
            let path = URL(fileURLWithPath: directory).appendingPathComponent("\(name).mustache").path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw DiagnosticError(Diagnostic(id: "workshop.no-template", message: "cannot read template '\(path)'", at: nil,
                                                 hint: "run from the repository root, or give the folder with --templates"))
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw DiagnosticError(Diagnostic(id: "workshop.template-syntax", message: "cannot parse template '\(path)': \(error)",
                                                 at: SourceLocation(file: path, line: 1, column: 1)))
            }
        }
        self.library = library
    }

    /// The trainee handout: scenario, the case file as tables, and the discussion questions with
    /// space for answers. It shows no findings, decision, answer key or trainer notes.
    public func handout(for sample: Sample, bundle: CaseBundle, redacted: Bool) -> String {
        let redact = redacted ? HandoutRedaction(bundle: bundle) : .none
        var context = heading(sample, bundle: bundle, redact: redact, redacted: redacted)
        let readme = sample.readme ?? SampleReadme(markdown: "")
        context["scenario"] = Markdown.blocks(readme.section("Scenario") ?? "", redact: redact.callAsFunction)
        context["hasScenario"] = readme.section("Scenario") != nil
        context["questions"] = questions(readme, redact: redact)
        context.merge(HandoutModel(bundle: bundle, redact: redact).tables()) { $1 }
        return library.render(context, withTemplate: "handout") ?? ""
    }

    /// The trainer key: the check's outcome with the memo's text (`memo`, already redacted when
    /// `redacted`), the answer key with whether each entry was found, and the README's learning
    /// objectives, questions, discussion notes and the picture of a fixed file. `memoLink` names a
    /// file beside the key holding the full memo (e.g. `memo.html`), if one is written.
    public func trainerKey(for sample: Sample, outcome: SampleRunner.Outcome, memo: String, memoLink: String?, redacted: Bool) -> String {
        let redact = redacted ? HandoutRedaction(bundle: outcome.bundle) : .none
        var context = heading(sample, bundle: outcome.bundle, redact: redact, redacted: redacted)
        let readme = sample.readme ?? SampleReadme(markdown: "")
        let mismatched = outcome.mismatches
        context["expectedDecision"] = outcome.key.decision.rawValue.replacingOccurrences(of: "_", with: " ")
        context["decision"] = outcome.report.decision.level.label
        context["rationale"] = redact(outcome.report.decision.rationale)
        context["agrees"] = mismatched.isEmpty
        context["mismatches"] = mismatched.map { redact($0.description) }
        context["keyFindings"] = outcome.key.findings.map { expected in
            let found = !mismatched.contains { $0.rule == expected.rule && $0.subject == expected.subject && $0.expected == expected.result.rawValue }
            let rule = outcome.report.results.first { $0.rule == expected.rule }
            return [
                "rule": expected.rule, "subject": expected.subject ?? "(whole rule)", "result": expected.result.label,
                "found": found, "title": rule?.title ?? "", "severity": rule?.severity.rawValue ?? "",
            ] as [String: Any]
        }
        context["memo"] = redact(memo)
        context["memoLink"] = memoLink ?? ""
        context["hasMemoLink"] = memoLink != nil
        func sections(_ headings: [String]) -> [[String: Any]] {
            headings.compactMap { heading in
                readme.section(heading).map { ["title": heading, "blocks": Markdown.blocks($0, redact: redact.callAsFunction)] }
            }
        }
        context["sectionsBefore"] = sections(["Learning objectives", "What the check finds"])
        context["sectionsAfter"] = sections(["Discussion notes", "What a fixed file would look like"])
        context["questions"] = questions(readme, redact: redact)
        return library.render(context, withTemplate: "trainer-key") ?? ""
    }

    private func questions(_ readme: SampleReadme, redact: HandoutRedaction) -> [[String: Any]] {
        readme.items(of: "Discussion questions").enumerated().map { index, question in
            ["number": index + 1, "spans": Markdown.spans(redact(question))]
        }
    }

    private func heading(_ sample: Sample, bundle: CaseBundle, redact: HandoutRedaction, redacted: Bool) -> [String: Any] {
        let info = bundle.caseRecord
        let model = HandoutModel(bundle: bundle, redact: redact)
        let title = sample.readme?.title ?? sample.name
        return [
            "title": redact(title), "sample": sample.name, "caseId": model.show(info, "id"), "caption": model.show(info, "caption"),
            "jurisdiction": model.show(info, "jurisdiction"), "circuit": model.show(info, "circuit"), "venue": model.show(info, "venue"),
            "hasCircuit": !(info["circuit"]?.isNull ?? true),
            "stage": model.show(info, "stage").replacingOccurrences(of: "_", with: " "), "summary": model.show(info, "summary"),
            "asOf": (try? sample.key.get().asOf.description) ?? "not set", "redacted": redacted, "tool": "readiness \(ReadinessKit.version)",
        ]
    }
}

extension Workshop {
    /// The memo for a sample's outcome in `format`, as `readiness check` renders it, redacted when
    /// asked: the trainer key carries its text and `readiness workshop` writes the HTML beside it.
    ///
    /// - Parameter templateDirectory: The memo templates (`--template-dir`); default: found by
    ///   `TemplateLocator` (the working directory's `templates/`, then the embedded defaults).
    /// - Throws: `DiagnosticError` when the memo templates cannot be found or rendered.
    public static func memo(for outcome: SampleRunner.Outcome, as format: MemoFormat, redacted: Bool,
                            templateDirectory: String? = nil) throws(DiagnosticError) -> String {
        var report = outcome.report
        if redacted { report = Redactor(bundle: outcome.bundle).redact(report) }
        let directory = format.usesTemplates ? try TemplateLocator.locate(explicit: templateDirectory, format: format).directory : nil
        return try MemoRenderer.render(report, as: format, templateDirectory: directory)
    }
}

/// The files `readiness workshop` writes.
public struct WorkshopFiles: Sendable {
    public var handout: String
    public var trainerKey: String
    /// Extra files (e.g. the memo in other formats), by file name.
    public var extras: [String: String]

    public init(handout: String, trainerKey: String, extras: [String: String] = [:]) {
        self.handout = handout
        self.trainerKey = trainerKey
        self.extras = extras
    }

    /// Writes the files into `directory`, creating it; returns the paths written.
    public func write(to directory: String) throws(DiagnosticError) -> [String] {
        let files = [("handout.html", handout), ("trainer-key.html", trainerKey)] + extras.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try files.map { name, text in
                let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                return path
            }
        } catch {
            throw DiagnosticError(Diagnostic(id: "workshop.cannot-write", message: "cannot write workshop files to '\(directory)': \(error.localizedDescription)", at: nil))
        }
    }
}
