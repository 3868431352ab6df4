import Foundation

/// Checks the bundles of a docket on every core and gives their rows in the order of the paths.
///
/// Each bundle is loaded (its evidence listing streamed) and checked on its own; one that fails to
/// load or check gets a row naming its first problem and does not stop the others. A checklist is
/// compiled when a jurisdiction is first met and then shared.
public struct DocketChecker: Sendable {
    /// Compiles the checklist for a loaded bundle; called when its jurisdiction is first met.
    public typealias Compile = @Sendable (CaseBundle) throws(DiagnosticError) -> CompiledChecklist

    public let options: CaseChecker.Options
    private let compile: Compile

    public init(options: CaseChecker.Options, compile: @escaping Compile) {
        self.options = options
        self.compile = compile
    }

    /// The rows for `paths`, in order; `progress` is told how many bundles are done, one call at a time.
    public func rows(_ paths: [String], progress: @escaping @Sendable (Int) -> Void = { _ in }) -> [Docket.Row] {
        let state = SharedSlot<State>()
        state.value = State(rows: Array(repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let row = row(for: paths[index], checklists: state)
            state.update { state in
                state?.rows[index] = row
                state?.done += 1
                progress(state?.done ?? 0)
            }
        }
        return (state.value?.rows ?? []).compactMap { $0 }
    }

    private struct State: Sendable {
        var rows: [Docket.Row?]
        var done = 0
        var checklists: [String: CompiledChecklist] = [:]
    }

    private func row(for path: String, checklists state: SharedSlot<State>) -> Docket.Row {
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(path, streamingEvidence: true)
            let jurisdiction = loaded.bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
            let checklist: CompiledChecklist
            if let compiled = state.value?.checklists[jurisdiction] {
                checklist = compiled
            } else {
                checklist = try compile(loaded.bundle)
                state.update { $0?.checklists[jurisdiction] = checklist }
            }
            return Docket.row(bundle: path, report: try CaseChecker(checklist: checklist).check(loaded, options: options))
        } catch {
            return Docket.row(bundle: path, problems: error.diagnostics)
        }
    }
}
