import Foundation
import Testing
@testable import ReadinessKit

/// The published JSON Schema for pack files names exactly the keys the pack loader accepts.
@Suite struct PackSchemaTests {
    func schema() throws -> [String: Any] {
        let data = Data(try Repository.text("docs/rule-pack.schema.json").utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func ruleKeysMatchTheLoader() throws {
        let definitions = try #require(try schema()["$defs"] as? [String: Any])
        let rule = try #require(definitions["rule"] as? [String: Any])
        let keys = try #require(rule["properties"] as? [String: Any]).keys.sorted()
        #expect(keys == RuleReader.keys.sorted())
    }

    @Test func themesSeveritiesAndOwnersMatchTheEngine() throws {
        let definitions = try #require(try schema()["$defs"] as? [String: Any])
        let rule = try #require(definitions["rule"] as? [String: Any])
        let properties = try #require(rule["properties"] as? [String: Any])
        let themes = try #require((properties["theme"] as? [String: Any])?["enum"] as? [String])
        #expect(themes == Theme.allCases.map(\.rawValue))
        let owners = try #require((properties["owner"] as? [String: Any])?["enum"] as? [String])
        #expect(owners == Owner.allCases.map(\.rawValue))
        let severities = try #require((definitions["severity"] as? [String: Any])?["enum"] as? [String])
        #expect(severities == Severity.allCases.map(\.rawValue))
        let collections = try #require((properties["for_each"] as? [String: Any])?["enum"] as? [String])
        #expect(collections == BundleSchema.v1.collections.map(\.key))
    }
}
