import Foundation
import Testing
@testable import ReadinessKit

/// Mapping files and presets: what they accept, and located errors for what they do not.
@Suite struct EvidenceMappingTests {
    @Test(arguments: EvidencePresets.names)
    func presetsParse(name: String) throws {
        let mapping = try EvidencePresets.mapping(named: name)
        #expect(!mapping.columns.isEmpty)
        #expect(mapping.tool?.isEmpty == false)
    }

    @Test func sampleMappingFileParses() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../docs/examples/imports/custom-mapping.yaml").standardized.path
        let mapping = try EvidenceMapping.load(file: path)
        #expect(mapping.columns.map(\.field) == ["id", "path", "sha256", "deleted", "location", "grading.uk_category"])
        #expect(mapping.constants == ["device": "D1"])
        #expect(mapping.assumeOffset == "Z")
        #expect(mapping.mapped("y", for: "deleted") == .some("true"))
        #expect(mapping.mapped("?", for: "deleted") == .some(nil))
        #expect(mapping.mapped("Perhaps", for: "deleted") == nil)
    }

    @Test func problemsAreLocated() throws {
        let yaml = """
            tool: broken (fictional)
            delimter: ";"
            columns:
              "Path": pth
              "Where": location
              "Also where": location
            values:
              location: {"Live": alocated}
              deleted: {"Y": true}
            set:
              hash_verified: maybe
            timestamps:
              assume_offset: EST
              date_order: ymd
            """
        let found = described(expectDiagnostics { () throws(DiagnosticError) in
            _ = try EvidenceMapping.parse(yaml, origin: "m.yaml", schema: .v1)
        })
        #expect(found == [
            "m.yaml:2:1: error: unknown key 'delimter' in the mapping (did you mean 'delimiter'?) [import.mapping-unknown-key]",
            "m.yaml:4:11: error: 'pth' is not an evidence item field (did you mean 'path'?) [import.mapping-unknown-field]",
            "m.yaml:6:17: error: both 'Where' and 'Also where' fill 'location' (map one column to each field) [import.mapping-invalid]",
            "m.yaml:8:22: error: 'alocated' is not a valid file_location for 'location' (did you mean 'allocated'?) [bundle.unknown-enum-case]",
            "m.yaml:9:3: error: 'values' has a table for 'deleted', but no column or 'set' entry fills it [import.mapping-invalid]",
            "m.yaml:11:18: error: 'hash_verified' must be true or false, found 'maybe' (write true or false without quotes; leave the field out if the fact is not established) [bundle.wrong-type]",
            "m.yaml:13:18: error: 'assume_offset' must be Z or ±HH:MM, found 'EST' [import.mapping-invalid]",
            "m.yaml:14:15: error: 'date_order' must be iso, mdy or dmy [import.mapping-invalid]",
        ])
    }

    @Test func unknownPresetSuggestsTheClosest() {
        let found = expectDiagnostics { () throws(DiagnosticError) in _ = try EvidencePresets.mapping(named: "examplr") }
        #expect(described(found) == ["error: there is no preset 'examplr' (did you mean 'examplar'?) [import.unknown-preset]"])
    }

    @Test(arguments: [
        ("01/05/2026 14:22:10 -05:00", EvidenceMapping.DateOrder.mdy, nil as String?, "2026-01-05T14:22:10-05:00"),
        ("5/1/2026 9:05:00", .dmy, "Z", "2026-01-05T09:05:00Z"),
        ("05.01.2026", .dmy, nil, "2026-01-05"),
        ("2026-01-05 14:22:10 UTC", .iso, nil, "2026-01-05 14:22:10Z"),
        ("2026-01-05T14:22:10", .iso, "+01:00", "2026-01-05T14:22:10+01:00"),
        ("2026-01-05T14:22:10-03:00", .iso, "Z", "2026-01-05T14:22:10-03:00"),
    ])
    func timestampsAreBroughtIntoISOForm(input: String, order: EvidenceMapping.DateOrder, offset: String?, expected: String) {
        var mapping = EvidenceMapping(origin: "test")
        mapping.dateOrder = order
        mapping.assumeOffset = offset
        #expect(EvidenceCell.timestamp(input, mapping: mapping) == expected)
    }
}
