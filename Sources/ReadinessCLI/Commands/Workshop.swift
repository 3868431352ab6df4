import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness workshop`: a trainee handout and a trainer key for one sample.
struct WorkshopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop",
        abstract: "Write a trainee handout and a trainer key for a training sample.",
        discussion: """
            The handout (handout.html) gives the scenario, the case file's evidence, witness and \
            other tables, and the discussion questions with room for answers: no findings, no \
            decision. The trainer key (trainer-key.html) gives the check's decision at the answer \
            key's as-of date, the answer key, the README's learning objectives, questions, \
            discussion notes and what a fixed file would look like, and the readiness memo's text; \
            the memo itself is written beside it as memo.html. All are self-contained HTML without \
            scripts. --redact replaces suspects' and victims' identifying details with pseudonyms \
            in every file.

            Examples:
              readiness workshop us-warrantless-view-9th --output handouts/session-1
              readiness workshop samples/ew-caid-making-s62 --output out --redact
            """)

    @Argument(help: "A sample's folder name in the samples folder, or a path to a sample folder.")
    var sample: String

    @Option(help: "The folder to write handout.html and trainer-key.html into (created if needed).")
    var output: String

    @Flag(help: "Replace suspects' and victims' identifying details with stable pseudonyms.")
    var redact = false

    @Option(help: "The samples folder (default: samples/ in the working directory).")
    var dir: String = SampleCatalogue.defaultDirectory

    @Option(help: "The workshop templates folder (default: templates/workshop/ in the working directory, else the built-in ones).")
    var templates: String?

    @Option(name: .long, help: "A rule-pack folder or file (repeatable; default: rules/).")
    var rules: [String] = []

    @Option(help: "The memo templates folder, as for readiness check (default: templates/, else the built-in ones).")
    var templateDir: String?

    func run() throws {
        do throws(DiagnosticError) {
            let found = try SampleCatalogue.find(sample, in: dir)
            let workshop = try Workshop(templates: Workshop.locateTemplates(explicit: templates))
            var runner = SampleRunner(packs: try RulePackLoader().load(rules.isEmpty ? ["rules"] : rules))
            let outcome = try runner.run(found)
            let memoText = try Workshop.memo(for: outcome, as: .text, redacted: redact, templateDirectory: templateDir)
            let memoHTML = try Workshop.memo(for: outcome, as: .html, redacted: redact, templateDirectory: templateDir)
            let files = WorkshopFiles(
                handout: workshop.handout(for: found, bundle: outcome.bundle, redacted: redact),
                trainerKey: workshop.trainerKey(for: found, outcome: outcome, memo: memoText, memoLink: "memo.html", redacted: redact),
                extras: ["memo.html": memoHTML])
            let written = try files.write(to: output)
            Terminal.print("Wrote \(written.joined(separator: ", ")) for sample \(found.name)\(redact ? " (redacted)" : "").")
            if !outcome.mismatches.isEmpty {
                Terminal.print("Warning: the sample no longer agrees with its answer key:")
                outcome.mismatches.forEach { Terminal.print("  \($0)") }
            }
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
    }
}
