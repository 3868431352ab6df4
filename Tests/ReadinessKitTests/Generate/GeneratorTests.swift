import Foundation
import Testing
@testable import ReadinessKit

/// The bundle generator: valid, deterministic, and planting the gaps asked for.
@Suite struct GeneratorTests {
    func generate(_ generator: BundleGenerator) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gen-\(UUID().uuidString)").path
        try generator.write(to: path)
        return path
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let generator = BundleGenerator(items: 500, seed: 42, rates: [.unallocatedOnly: 0.2, .synthetic: 0.1])
        let first = try generate(generator), second = try generate(generator)
        for file in ["case.yaml", "evidence.csv"] {
            #expect(FileManager.default.contents(atPath: "\(first)/\(file)") == FileManager.default.contents(atPath: "\(second)/\(file)"))
        }
        let other = try generate(BundleGenerator(items: 500, seed: 43))
        #expect(FileManager.default.contents(atPath: "\(first)/evidence.csv") != FileManager.default.contents(atPath: "\(other)/evidence.csv"))
    }

    @Test(arguments: ["US-FED", "UK-EW"])
    func generatedBundlesValidate(jurisdiction: String) throws {
        let path = try generate(BundleGenerator(items: 300, seed: 7, jurisdiction: jurisdiction,
                                                rates: Dictionary(uniqueKeysWithValues: GapPattern.allCases.map { ($0, 0.05) })))
        let bundle = try BundleLoader().load(path).bundle
        #expect(bundle.records(in: "evidence").count == 300)
        #expect(bundle.caseRecord["jurisdiction"] == .string(jurisdiction))
    }

    @Test func gapRatesAreRoughlyRespected() throws {
        let path = try generate(BundleGenerator(items: 2000, seed: 9, rates: [.unallocatedOnly: 0.25]))
        let items = try BundleLoader().load(path).bundle.records(in: "evidence")
        let unallocated = items.filter { $0["location"] == .string("unallocated") && $0["user_actions"] == .null }.count
        #expect((400...600).contains(unallocated), "about a quarter of 2000, found \(unallocated)")
    }

    @Test func refusesToOverwrite() throws {
        let path = try generate(BundleGenerator(items: 1, seed: 1))
        #expect(throws: GeneratorError.self) { try BundleGenerator(items: 1, seed: 1).write(to: path) }
    }
}
