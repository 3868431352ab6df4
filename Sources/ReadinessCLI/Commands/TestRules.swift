import ArgumentParser
import ReadinessKit

/// `readiness test`: run the test cases written next to each rule.
struct TestRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule packs' test cases.",
        discussion: """
            Each rule's tests hold a small bundle and the expected result per subject. A mismatch is \
            reported at the test's line in the pack file. Exit status 0 when every test passes, 1 when \
            any fails, 2 when a pack does not load.

            Example:
              readiness test rules/
            """)

    @Argument(help: "Pack files or folders (default: rules/).")
    var paths: [String] = []

    func run() throws {
        let failed: Int
        do throws(DiagnosticError) {
            let summary = try RuleTestRunner.run(try RulePackLoader().load(paths.isEmpty ? ["rules"] : paths))
            Terminal.printDiagnostics(summary.failures)
            failed = summary.failures.count
            Terminal.print("test: \(summary.testsRun) tests of \(summary.rulesTested) rules, \(failed) failure\(failed == 1 ? "" : "s")")
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
