import Foundation
import Testing
@testable import ReadinessKit

/// The bundle schema is consistent, and the published docs and JSON Schema match it.
@Suite struct SchemaTests {
    let schema = BundleSchema.v1

    @Test func everyRecordAndReferenceResolves() {
        func check(_ type: FieldType, in owner: String) {
            switch type {
            case .record(let name): #expect(schema.type(named: name) != nil, "\(owner) names unknown type \(name)")
            case .reference(let key): #expect(schema.collection(named: key) != nil, "\(owner) refers to unknown collection \(key)")
            case .list(let element): check(element, in: owner)
            default: break
            }
        }
        for type in schema.types.values {
            for field in type.fields { check(field.type, in: "\(type.name).\(field.name)") }
        }
        for collection in schema.collections {
            #expect(schema.type(named: collection.recordType)?.idSlot != nil, "\(collection.key) elements need an id")
        }
    }

    @Test func fieldReferenceInDocsIsCurrent() throws {
        let document = try Repository.text("docs/bundle-format.md")
        let marker = "## Field reference (generated"
        let range = try #require(document.range(of: marker), "docs/bundle-format.md lost its generated section")
        let committed = String(document[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = SchemaDocumenter.markdown(for: schema).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(committed == generated, "regenerate: readiness schema --format markdown (replace the section from '\(marker)')")
    }

    @Test func publishedJSONSchemaIsCurrent() throws {
        let committed = try Repository.text("docs/bundle.schema.json")
        #expect(committed.trimmingCharacters(in: .whitespacesAndNewlines)
            == JSONSchemaExporter.jsonSchema(for: schema).trimmingCharacters(in: .whitespacesAndNewlines),
            "regenerate: readiness schema > docs/bundle.schema.json")
    }

    @Test func jsonSchemaRejectsUnknownKeysAndAcceptsAbsentFacts() throws {
        let text = JSONSchemaExporter.jsonSchema(for: schema)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let definitions = try #require(json["$defs"] as? [String: Any])
        let item = try #require(definitions["EvidenceItem"] as? [String: Any])
        #expect(item["additionalProperties"] as? Bool == false)
        #expect((item["required"] as? [String])?.sorted() == ["id", "location"])
        let properties = try #require(item["properties"] as? [String: Any])
        let verified = try #require(properties["hash_verified"] as? [String: Any])
        #expect(verified["anyOf"] != nil, "optional facts may be null (absent)")
    }
}
