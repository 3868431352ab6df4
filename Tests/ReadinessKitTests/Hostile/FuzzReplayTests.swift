import Foundation
import Testing
@testable import ReadinessKit

/// Replays the fuzz corpus and every input the fuzzer ever crashed on through the same entry points
/// as the libFuzzer harness (`FuzzEntryPoints`), so CI re-checks them on every `swift test` without
/// building the fuzzer.
///
/// - `Fuzz/corpus/TARGET/`: the seed corpus plus the inputs the fuzzer kept for new coverage.
/// - `Tests/ReadinessKitTests/Fixtures/hostile/fuzz-regressions/TARGET/`: inputs that once crashed,
///   hung or broke an oracle; `scripts/fuzz.sh` copies each new one here.
@Suite("Fuzz corpus replay") struct FuzzReplayTests {
    static func inputs(_ target: FuzzEntryPoints.Target) -> [String] {
        [Repository.path("Fuzz/corpus/\(target.rawValue)"), Hostile.fixture("fuzz-regressions/\(target.rawValue)")]
            .flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                    .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder + "/" + $0 }
            }
    }

    @Test("the fixtures the fuzz entry points run against load, so no target silently skips its checks")
    func entryPointFixturesLoad() {
        #expect(FuzzEntryPoints.fixture != nil)
        #expect(FuzzEntryPoints.checklist != nil)
        #expect(FuzzEntryPoints.fixture?.records(in: "evidence").count == 3)
    }

    @Test("every seed has a corpus: each fuzz target has at least a few committed inputs",
          arguments: FuzzEntryPoints.Target.allCases)
    func everyTargetHasACorpus(_ target: FuzzEntryPoints.Target) {
        #expect(Self.inputs(target).count >= 5, "Fuzz/corpus/\(target.rawValue) is missing or nearly empty")
    }

    @Test("every corpus and regression input runs without a crash, a hang or a broken oracle",
          arguments: FuzzEntryPoints.Target.allCases)
    func replay(_ target: FuzzEntryPoints.Target) throws {
        let files = Self.inputs(target)
        let failures = Hostile.bounded("replaying \(files.count) \(target.rawValue) inputs", seconds: 120) {
            var failures: [String] = []
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                for problem in FuzzEntryPoints.run(target, data) {
                    failures.append("\(file.replacingOccurrences(of: Repository.root + "/", with: "")): \(problem)")
                }
            }
            return failures
        }
        for failure in failures ?? [] { Issue.record(Comment(rawValue: failure)) }
    }
}
