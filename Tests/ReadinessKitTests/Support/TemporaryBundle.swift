import Foundation
@testable import ReadinessKit

/// A bundle folder written into a fresh temporary directory for one test.
struct TemporaryBundle {
    let path: String

    /// Writes `files` (name → contents) into a new temporary folder.
    init(_ files: [String: String]) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("readiness-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, contents) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        path = root
    }

    /// The diagnostics of loading this bundle, rendered as `description`s with the folder shortened to `B`.
    func problems() -> [String] {
        do {
            let loaded = try BundleLoader().load(path)
            return loaded.warnings.map { $0.description.replacingOccurrences(of: path, with: "B") }
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "B") }
        }
    }

    /// Loads the bundle, which must be valid.
    func load() throws -> CaseBundle { try BundleLoader().load(path).bundle }
}

/// A minimal valid case file with extra YAML appended.
func caseYAML(_ extra: String = "", caseFields: String = "") -> String {
    """
    format: readiness-bundle/1
    case:
      id: T-1
      caption: Test v. Fixture (fictional)
      jurisdiction: US-FED
      stage: pre_charge
    \(caseFields)
    \(extra)
    """
}
