import Foundation
@testable import ReadinessKit

/// The committed samples and the shipped rule packs, loaded and checked once for all sample tests.
enum SampleFixtures {
    /// The samples folder of the repository.
    static let directory = Repository.path("samples")

    /// Every sample folder's name, sorted (the arguments of the per-sample tests).
    static let names: [String] = ((try? SampleCatalogue.load(directory: directory)) ?? []).map(\.name)

    /// The shipped packs under `rules/`.
    static let packs: Result<[RulePack], DiagnosticError> = {
        do throws(DiagnosticError) {
            return .success(try RulePackLoader().load([Repository.path("rules")]))
        } catch {
            return .failure(error)
        }
    }()

    /// Each sample checked at its answer key's date: the outcome, or the problems that stopped it.
    static let outcomes: [String: Result<SampleRunner.Outcome, DiagnosticError>] = {
        guard case .success(let packs) = packs else { return [:] }
        var runner = SampleRunner(packs: packs)
        var outcomes: [String: Result<SampleRunner.Outcome, DiagnosticError>] = [:]
        for name in names {
            let sample = Sample(path: directory + "/" + name)
            do throws(DiagnosticError) {
                outcomes[name] = .success(try runner.run(sample))
            } catch {
                outcomes[name] = .failure(error)
            }
        }
        return outcomes
    }()

    /// The sample named `name`, read afresh.
    static func sample(_ name: String) -> Sample { Sample(path: directory + "/" + name) }

    /// The outcome for `name`, or a description of why there is none.
    static func outcome(_ name: String) -> (SampleRunner.Outcome?, String) {
        if case .failure(let error) = packs { return (nil, "the rule packs do not load: \(error)") }
        switch outcomes[name] {
        case .success(let outcome): return (outcome, "")
        case .failure(let error): return (nil, "sample '\(name)' could not be checked: \(error)")
        case nil: return (nil, "sample '\(name)' was not found in \(directory)")
        }
    }
}

/// The workshop templates of the repository, and every sample's memo in every format, made once.
enum WorkshopFixtures {
    /// Each sample's memo by format (unredacted), or the problem that stopped it.
    static let memos: [String: Result<[MemoFormat: String], DiagnosticError>] = {
        var memos: [String: Result<[MemoFormat: String], DiagnosticError>] = [:]
        for name in SampleFixtures.names {
            guard case .success(let outcome)? = SampleFixtures.outcomes[name] else { continue }
            do throws(DiagnosticError) {
                var byFormat: [MemoFormat: String] = [:]
                for format in MemoFormat.allCases {
                    byFormat[format] = try Workshop.memo(for: outcome, as: format, redacted: false, templateDirectory: Repository.path("templates"))
                }
                memos[name] = .success(byFormat)
            } catch {
                memos[name] = .failure(error)
            }
        }
        return memos
    }()

    /// The memo of sample `name` in `format`.
    static func memo(_ name: String, _ format: MemoFormat) throws -> String {
        guard let result = memos[name] else { throw DiagnosticError(Diagnostic(id: "test.no-memo", message: "no memo for '\(name)'", at: nil)) }
        return try result.get()[format] ?? ""
    }

    static let workshop: Result<Workshop, DiagnosticError> = {
        do throws(DiagnosticError) {
            return .success(try Workshop(templates: Repository.path(Workshop.defaultTemplates)))
        } catch {
            return .failure(error)
        }
    }()
}
