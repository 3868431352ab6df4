import Foundation

/// Checks the bundles of a docket on every core and gives their rows in the order of the paths.
///
/// Each bundle is loaded (its evidence listing streamed) and checked on its own; one that fails to
/// load or check gets a row naming its first problem and does not stop the others. A checklist is
/// compiled when a jurisdiction is first met and then shared. One bundle is checked per core at a
/// time, so memory is that of a single check times the number of cores.
public struct DocketChecker: Sendable {
    /// Compiles the checklist for a loaded bundle; called when its jurisdiction is first met.
    public typealias Compile = @Sendable (CaseBundle) throws(DiagnosticError) -> CompiledChecklist

    /// The date and profile every bundle is checked with.
    public let options: CaseChecker.Options
    private let compile: Compile

    /// A checker that checks with `options` and gets each jurisdiction's checklist from `compile`.
    public init(options: CaseChecker.Options, compile: @escaping Compile) {
        self.options = options
        self.compile = compile
    }

    /// The rows for `paths`, in order; `progress` is told how many bundles are done, one call at a time.
    public func rows(_ paths: [String], progress: @escaping @Sendable (Int) -> Void = { _ in }) -> [Docket.Row] {
        let rows = SharedSlot<[Docket.Row?]>()
        rows.value = Array(repeating: nil, count: paths.count)
        let done = SharedSlot<Int>()
        let checklists = SharedSlot<[String: CompiledChecklist]>()
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let row = row(for: paths[index], checklists: checklists)
            rows.update { $0?[index] = row }
            done.update { count in
                count = (count ?? 0) + 1
                progress(count ?? 0)
            }
        }
        return (rows.value ?? []).map { row in
            guard let row else { preconditionFailure("a docket bundle was never checked") }
            return row
        }
    }

    private func row(for path: String, checklists: SharedSlot<[String: CompiledChecklist]>) -> Docket.Row {
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(path, streamingEvidence: true)
            let checklist = try self.checklist(for: loaded.bundle, cache: checklists)
            return Docket.row(bundle: path, report: try CaseChecker(checklist: checklist).check(loaded, options: options))
        } catch {
            return Docket.row(bundle: path, problems: error.diagnostics)
        }
    }

    /// The checklist for the bundle's jurisdiction, compiled under the cache's lock the first time.
    private func checklist(for bundle: CaseBundle, cache: SharedSlot<[String: CompiledChecklist]>)
        throws(DiagnosticError) -> CompiledChecklist
    {
        let jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
        var result: Result<CompiledChecklist, DiagnosticError> = .failure(DiagnosticError([]))
        cache.update { cache in
            if let compiled = cache?[jurisdiction] {
                result = .success(compiled)
                return
            }
            do throws(DiagnosticError) {
                let compiled = try compile(bundle)
                cache = (cache ?? [:]).merging([jurisdiction: compiled]) { first, _ in first }
                result = .success(compiled)
            } catch {
                result = .failure(error)
            }
        }
        return try result.get()
    }
}
