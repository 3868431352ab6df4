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
        var checklists: [String: CompiledChecklist] = [:]
        var docket = Docket(asOf: day.description, rows: [])
        let progress = Progress("Checking bundles:")
        for (index, path) in paths.enumerated() {
            do throws(DiagnosticError) {
                let loaded = try BundleLoader().load(path, streamingEvidence: true)
                let jurisdiction = loaded.bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
                let checklist: CompiledChecklist
                if let compiled = checklists[jurisdiction] {
                    checklist = compiled
                } else {
                    checklist = try selection.checklist(for: loaded.bundle, from: packs)
                    checklists[jurisdiction] = checklist
                }
                let report = try CaseChecker(checklist: checklist).check(loaded, options: .init(asOf: day, profile: profile))
                docket.rows.append(Docket.row(bundle: path, report: report))
            } catch {
                docket.rows.append(Docket.row(bundle: path, problems: error.diagnostics))
            }
            progress.update(index + 1)
        }
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
