import ArgumentParser
import Foundation
import ReadinessKit

extension Check {
    /// Checks every bundle and writes one summary line per case; a bundle that fails to load or
    /// check is reported in its row and does not stop the others.
    func runDocket(asOf day: Day, format: MemoFormat) throws {
        let paths = Docket.bundlePaths(in: bundles)
        guard !paths.isEmpty else { throw ValidationError("no bundles found in \(bundles.joined(separator: ", "))") }
        let packs: [RulePack]
        do throws(DiagnosticError) {
            packs = try selection.load()
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        let progress = Progress("Checking the docket:", unit: "bundles")
        let selection = selection
        let checker = DocketChecker(options: .init(asOf: day, profile: profile)) { (bundle) throws(DiagnosticError) in
            try selection.checklist(for: bundle, from: packs)
        }
        let docket = Docket(asOf: day.description, rows: checker.rows(paths) { progress.update($0) })
        progress.finish()
        let text: String = switch format {
        case .json: Terminal.json(docket)
        case .csv: DocketRenderer.csv(docket)
        case .html: DocketRenderer.html(docket)
        default: DocketRenderer.text(docket)
        }
        do throws(DiagnosticError) {
            try Terminal.write(text, to: output)
        } catch {
            Terminal.printDiagnostics(error.diagnostics)
            throw Terminal.invalidInput
        }
        let levels = docket.rows.compactMap { Decision.Level(rawValue: $0.decision) }
        if docket.rows.contains(where: { $0.decision == "invalid" }) { throw Terminal.invalidInput }
        if levels.contains(where: failOn.isReached) { throw ExitCode(1) }
    }
}
