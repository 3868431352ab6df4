import Foundation
import Testing
@testable import ReadinessKit

/// Streaming an evidence listing gives the same report as loading it whole.
@Suite struct StreamingCheckTests {
    static let asOf = Day(year: 2026, month: 6, day: 1)!

    /// The reports for a generated 3,000-item bundle, streamed in blocks of `blockSize` rows (parsed
    /// in pieces of `pieceSize` bytes) and loaded whole.
    func reports(
        rules: String, absolute: Bool = false, blockSize: Int = 16_384, pieceSize: Int = 4 << 20
    ) throws -> (streamed: Data, whole: Data) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        try BundleGenerator(items: 3000, seed: 5, rates: [.unallocatedOnly: 0.05, .synthetic: 0.02, .unverifiedHash: 0.05,
                                                          .malformedHash: 0.01, .afterArrest: 0.01]).write(to: path)
        return try reports(bundle: path, rules: absolute ? rules : Repository.path(rules), blockSize: blockSize, pieceSize: pieceSize)
    }

    /// The reports for the bundle at `path` against the packs at `rules`, streamed and loaded whole.
    func reports(bundle path: String, rules: String, blockSize: Int, pieceSize: Int = 4 << 20) throws -> (streamed: Data, whole: Data) {
        let packs = try RulePackLoader().load([rules])
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
        let checker = CaseChecker(checklist: checklist)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var streamedLoad = try BundleLoader().load(path, streamingEvidence: true)
        streamedLoad.evidenceStream?.blockSize = blockSize
        streamedLoad.evidenceStream?.pieceSize = pieceSize
        #expect(streamedLoad.evidenceStream != nil)
        #expect(streamedLoad.bundle.records(in: "evidence").isEmpty)
        let streamed = try encoder.encode(try checker.check(streamedLoad, options: .init(asOf: Self.asOf)))
        let whole = try encoder.encode(try checker.check(try BundleLoader().load(path).bundle, options: .init(asOf: Self.asOf)))
        return (streamed, whole)
    }

    @Test func benchmarkRulesGiveTheSameReportStreamedOrWhole() throws {
        let (streamed, whole) = try reports(rules: "Benchmarks/rules")
        #expect(streamed == whole)
        #expect(String(decoding: streamed, as: UTF8.self).contains("\"evidenceItems\":3000"))
    }

    @Test(arguments: [16_384, 97])
    func shippedPacksGiveTheSameReportStreamedOrWhole(blockSize: Int) throws {
        let (streamed, whole) = try reports(rules: "rules", blockSize: blockSize)
        #expect(streamed == whole)
    }

    /// The listing (about 800 KB) read in many pieces on worker threads, with blocks that end
    /// where pieces do as well as every 97 rows.
    @Test(arguments: [16_384, 97])
    func piecesParsedOnWorkerThreadsGiveTheSameReport(blockSize: Int) throws {
        for rules in ["rules", "Benchmarks/rules"] {
            let (streamed, whole) = try reports(rules: rules, blockSize: blockSize, pieceSize: 50_000)
            #expect(streamed == whole)
        }
    }

    @Test func shippedPacksAskOnlyQuestionsAStreamSettles() throws {
        #expect(try settlesFromTheStream(rules: Repository.path("rules")))
    }

    /// Whether every whole-listing question of the packs at `rules` is settled from a stream of a generated listing.
    func settlesFromTheStream(rules: String) throws -> Bool {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        try BundleGenerator(items: 500, seed: 7, rates: [:]).write(to: path)
        let packs = try RulePackLoader().load([rules])
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
        var loaded = try BundleLoader().load(path, streamingEvidence: true)
        loaded.evidenceStream?.blockSize = 50
        var questions = try #require(StreamedQuestions(rules: checklist.rules, bundle: loaded.bundle, asOf: Self.asOf))
        _ = try #require(loaded.evidenceStream).forEachBlock { questions.add($0) }
        return questions.settle() != nil
    }

    @Test(arguments: [3_000, 7])
    func wholeListingQuestionsGiveTheSameReportStreamedOrWhole(blockSize: Int) throws {
        let pack = """
            format: readiness-rules/1
            pack: questions
            title: Whole-listing questions (test)
            version: 1.0.0
            jurisdictions: [US-FED]
            rules:
              - id: WQ-01
                title: Some item is a video in unallocated space
                theme: mens-rea
                severity: major
                owner: prosecutor
                applies_when: size(evidence) > 10
                require: evidence.exists(e, e.location == 'unallocated' and e.is_video == true)
                message: No such item.
                remediation: Look.
              - id: WQ-02
                title: Every item has a verified hash
                theme: custody
                severity: major
                owner: forensic_examiner
                require: evidence.all(e, e.hash_verified == true)
                message: Not every hash is verified.
                remediation: Verify them.
              - id: WQ-03
                title: Devices holding items were imaged
                theme: custody
                severity: minor
                owner: forensic_examiner
                for_each: devices
                as: d
                where: evidence.exists(e, has(e.device) and (e.device == d.id or (has(e.device.image_of) and e.device.image_of == d.id)))
                require: has(d.acquisition)
                message: "Device {d.id} holds items."
                remediation: Image it.
              - id: WQ-04
                title: Some item has a grader
                theme: file-quality
                severity: minor
                owner: forensic_examiner
                require: evidence.exists(e, has(e.grading.grader))
                message: No item has a grader.
                remediation: Grade.
            """
        let folder = try TemporaryBundle(["questions.yaml": pack])
        #expect(try settlesFromTheStream(rules: folder.path))
        let (streamed, whole) = try reports(rules: folder.path, absolute: true, blockSize: blockSize)
        #expect(streamed == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("WQ-04"))
    }

    @Test func dateOnlyTimesInTheListingGiveTheSameReportStreamedOrWhole() throws {
        let pack = """
            format: readiness-rules/1
            pack: times
            title: Times (test)
            version: 1.0.0
            jurisdictions: [US-FED]
            rules:
              - id: TM-01
                title: Created before the cut-off
                theme: mens-rea
                severity: major
                owner: prosecutor
                for_each: evidence
                as: e
                require: e.created_at < timestamp('2026-01-15T00:00:00Z')
                message: "{e.id} was created late."
                remediation: Check.
            """
        let csv = "id,location,created_at\n" + (1...40).map { index in
            "E\(index),allocated," + (index % 3 == 0 ? "2026-01-\(10 + index % 20)" : "2026-01-\(10 + index % 20)T12:00:00Z")
        }.joined(separator: "\n") + "\n"
        let folder = try TemporaryBundle(["times.yaml": pack, "bundle/case.yaml": caseYAML(""), "bundle/evidence.csv": csv])
        let (streamed, whole) = try reports(bundle: folder.path + "/bundle", rules: folder.path + "/times.yaml", blockSize: 7)
        #expect(streamed == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("was created late"))
    }

    /// The evidence summary tallies the first distinct values of a block apart from the rest.
    @Test(arguments: [7, 1_000])
    func manyDevicesAreTalliedTheSameStreamedOrWhole(blockSize: Int) throws {
        let devices = "devices:\n" + (1...30).map { "  - {id: D\($0), kind: laptop}" }.joined(separator: "\n")
        let csv = "id,device,location\n" + (1...200).map { row in
            "E\(row),\(row % 3 == 0 ? "" : "D\((row * 7) % 30 + 1)"),\(["allocated", "unallocated", "browser_cache"][row % 3])"
        }.joined(separator: "\n") + "\n"
        let folder = try TemporaryBundle(["bundle/case.yaml": caseYAML(devices), "bundle/evidence.csv": csv])
        let (streamed, whole) = try reports(bundle: folder.path + "/bundle", rules: Repository.path("rules"), blockSize: blockSize)
        #expect(streamed == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("\"D30\""))
    }

    @Test func duplicateAndMissingIdsAreReportedTheSameStreamedOrWhole() throws {
        let charges = """
            charges:
              - {id: C1, count: 1, statute: 18 U.S.C. § 2252A(a)(5)(B), offence: possession, evidence: [E3, E99, E40]}
            """
        let ids = (1...40).map { "E\($0)" } + ["E3", "E20", "E3", "E\u{37E}", "E;"]
        let csv = "id,location\n" + ids.map { "\($0),allocated" }.joined(separator: "\n") + "\n"
        let folder = try TemporaryBundle(["case.yaml": caseYAML(charges), "evidence.csv": csv])
        let whole = folder.problems()
        var streamed: [String] = []
        do {
            var loaded = try BundleLoader().load(folder.path, streamingEvidence: true)
            loaded.evidenceStream?.blockSize = 7
            _ = try CaseChecker(checklist: try ChecklistCompiler.compile([])).check(loaded, options: .init(asOf: Self.asOf))
        } catch {
            streamed = error.diagnostics.map { $0.description.replacingOccurrences(of: folder.path, with: "B") }
        }
        #expect(streamed == whole)
        #expect(whole.filter { $0.contains("duplicate id") }.count == 4)
        #expect(whole.contains { $0.contains("'E99'") })
    }

    @Test func takingStepsAtOnceFailsWhereCountingThemWould() {
        let root = BundleSchema.v1.root
        let bundle = CaseBundle(root: Record(type: root, fields: Array(repeating: .null, count: root.fields.count), origin: .root, location: nil),
                                sources: [])
        var random = SeededGenerator(seed: 0x7374_6570)
        for _ in 0..<2_000 {
            var context = EvaluationContext(bundle: bundle, asOf: Self.asOf, environment: ExpressionEnvironment())
            context.stepLimit = Int.random(in: 0...20, using: &random)
            context.totalStepLimit = Bool.random(using: &random) ? Int.max : Int.random(in: 0...30, using: &random)
            context.steps = Int.random(in: 0...5, using: &random)
            context.totalSteps = Int.random(in: 0...10, using: &random)
            context.totalBudgetSpent = Int.random(in: 0...9, using: &random) == 0
            let count = Int.random(in: 0...25, using: &random)
            var counted = context
            var stop: Outcome?
            for _ in 0..<count where stop == nil { stop = counted.step() }
            let taken = context.take(steps: count)
            #expect(taken == stop)
            #expect((context.steps, context.totalSteps, context.totalBudgetSpent) == (counted.steps, counted.totalSteps, counted.totalBudgetSpent))
        }
    }

    @Test func rulesOverTheWholeCollectionFallBackToAFullLoad() throws {
        let pack = """
            format: readiness-rules/1
            pack: aggregate
            title: Aggregate (test)
            version: 1.0.0
            jurisdictions: [US-FED]
            rules:
              - id: AG-01
                title: Few unallocated items
                theme: mens-rea
                severity: major
                owner: prosecutor
                require: evidence.filter(i, i.location == 'unallocated').size() < 100
                message: "{evidence.filter(i, i.location == 'unallocated').size()} unallocated items."
                remediation: Review them.
            """
        let folder = try TemporaryBundle(["aggregate.yaml": pack])
        let (streamed, whole) = try reports(rules: folder.path, absolute: true)
        #expect(streamed == whole)
        #expect(String(decoding: whole, as: UTF8.self).contains("unallocated items."))
    }

    @Test func onlyNamesOfTheCollectionCount() {
        #expect(CompiledRule.namesEvidence("evidence.exists(e, e.hash_verified)"))
        #expect(CompiledRule.namesEvidence("size(evidence) > 3"))
        #expect(!CompiledRule.namesEvidence("charge.evidence.all(e, e.hash_verified)"))
        #expect(!CompiledRule.namesEvidence("item.evidence_kind == 'x' && has(item.no_evidence)"))
        #expect(CompiledRule.placeholders("Find evidence for {item.id} in {evidence.size()}") == ["item.id", "evidence.size()"])
    }
}
