import Foundation
import Testing
@testable import ReadinessKit

/// A failing row of a streamed listing is rebuilt with only the fields its rule reads: every part
/// of the rule that names the subject counts, and a rule that reads it whole gets every field.
@Suite struct SubjectFieldsTests {
    static let pack = """
        format: readiness-rules/1
        pack: fields
        title: Fields read off the subject (test)
        version: 1.0.0
        jurisdictions: [US-FED]
        rules:
          - id: SF-01
            title: Unallocated items, described by their path and size
            theme: mens-rea
            severity: major
            owner: forensic_examiner
            for_each: evidence
            where: item.location == 'unallocated'
            require: has(item.user_actions)
            message: "{item.id} at {item.path} ({item.size_bytes} bytes) was created {item.created_at}."
            remediation: "Check {item.md5} on device {item.device}."
            deadline: item.created_at
          - id: SF-02
            title: Unverified hashes, with the whole item in the message
            theme: custody
            severity: minor
            owner: forensic_examiner
            for_each: evidence
            require: item.hash_verified == true
            message: "{item} is not verified."
            remediation: Verify it.
          - id: SF-03
            title: Prepubescent grading of unverified items
            theme: sentencing
            severity: advisory
            owner: prosecutor
            for_each: evidence
            as: e
            where: has(e.grading) && e.grading.us_prepubescent == true
            require: e.hash_verified == true
            message: "{e.id} graded by {e.grading.method}."
            remediation: Verify it.
        """

    @Test func theFieldsOfEveryPartOfARuleAreRead() throws {
        let folder = try TemporaryBundle(["fields.yaml": Self.pack])
        let packs = try RulePackLoader().load([folder.path])
        let checklist = try ChecklistCompiler.compile(try ChecklistCompiler.select(from: packs, jurisdiction: "US-FED"))
        let type = try #require(BundleSchema.v1.type(named: "EvidenceItem"))
        func slots(_ names: [String]) -> Set<Int> { Set(names.compactMap(type.slot(of:))) }
        let fields = Dictionary(uniqueKeysWithValues: checklist.rules.map { ($0.rule.id, $0.subjectFields) })
        #expect(fields["SF-01"] == slots(["location", "user_actions", "id", "path", "size_bytes", "created_at", "md5", "device"]))
        #expect(fields["SF-02"] == .some(nil))
        #expect(fields["SF-03"] == slots(["grading", "hash_verified", "id"]))
    }

    @Test(arguments: [16_384, 97])
    func rulesReadingOtherFieldsInTheirMessagesGiveTheSameReportStreamedOrWhole(blockSize: Int) throws {
        let folder = try TemporaryBundle(["fields.yaml": Self.pack])
        let (streamed, whole) = try StreamingCheckTests().reports(rules: folder.path, absolute: true, blockSize: blockSize)
        #expect(streamed == whole)
        let text = String(decoding: streamed, as: UTF8.self)
        #expect(text.contains("SF-01") && text.contains("bytes) was created"))
        #expect(!text.contains("(not recorded) bytes"))
    }
}
