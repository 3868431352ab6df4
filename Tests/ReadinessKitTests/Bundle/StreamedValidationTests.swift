import Foundation
import Testing
@testable import ReadinessKit

/// `BundleLoader.validate` streams an evidence listing, yet finds what loading it whole finds.
@Suite struct StreamedValidationTests {
    /// The outcome of validating `files`, streamed and whole, as comparable text.
    private func outcomes(_ files: [String: String]) throws -> (streamed: [String], whole: [String]) {
        let folder = try TemporaryBundle(files)
        let streamed: [String]
        do throws(DiagnosticError) {
            let validated = try BundleLoader().validate(folder.path)
            streamed = [validated.summary.description] + validated.warnings.map(\.description)
        } catch {
            streamed = error.diagnostics.map(\.description)
        }
        let whole: [String]
        do throws(DiagnosticError) {
            let loaded = try BundleLoader().load(folder.path)
            whole = [BundleSummary(loaded.bundle).description] + loaded.warnings.map(\.description)
        } catch {
            whole = error.diagnostics.map(\.description)
        }
        return (streamed, whole)
    }

    static let charges = """
        charges:
          - {id: C1, count: 1, statute: 18 U.S.C. § 2252A(a)(5)(B), offence: possession, evidence: [E2, E9]}
        """

    @Test(arguments: [
        ("valid", "id,location\nE1,allocated\nE2,unallocated\nE9,allocated\n", ""),
        ("bad cell and duplicate", "id,location,hash_verified\nE1,alocated,true\nE2,allocated,maybe\nE1,allocated,\nE9,allocated,true\n", ""),
        ("missing reference", "id,location\nE1,allocated\nE2,allocated\n", ""),
        ("unknown file warning", "id,location\nE2,allocated\nE9,allocated\n", "notes.txt"),
        ("errors in the case file and the listing", "id,location\nE1,alocated\n", "broken"),
    ])
    func findsWhatAWholeLoadFinds(_ name: String, _ csv: String, _ extra: String) throws {
        var files = ["case.yaml": caseYAML(Self.charges), "evidence.csv": csv]
        if extra == "notes.txt" { files["notes.txt"] = "not a section" }
        if extra == "broken" { files["case.yaml"] = caseYAML(Self.charges + "\ndevices:\n  - {id: D1}") }
        let (streamed, whole) = try outcomes(files)
        // A whole load whose listing has bad rows also calls every reference into it missing; when
        // the case file itself has errors, validation loads whole and says exactly that.
        let missing = "but there is no such entry in evidence"
        let listingFailed = whole.contains { $0.contains("evidence.csv:") && $0.contains(": error:") }
        let caseFileFailed = whole.contains { $0.contains("case.yaml:") && $0.contains(": error:") && !$0.contains(missing) }
        #expect(streamed == whole.filter { caseFileFailed || !(listingFailed && $0.contains(missing)) }, "\(name)")
        #expect(!streamed.isEmpty)
    }
}
