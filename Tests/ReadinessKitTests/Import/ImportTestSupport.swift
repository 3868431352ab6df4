import Foundation
import Testing
@testable import ReadinessKit

/// A scratch folder for one import test: a bundle folder `B` and any input files next to it.
struct ImportScratch {
    let root: String

    /// Creates a fresh folder holding `files` (relative path → contents).
    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("readiness-import-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (name, contents) in files { try write(name, contents) }
    }

    /// The bundle folder inside the scratch folder.
    var bundle: String { path("B") }

    /// The absolute path of a file in the scratch folder.
    func path(_ name: String) -> String { root + "/" + name }

    /// Writes a file (creating folders).
    func write(_ name: String, _ contents: String) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }

    /// Reads a file, or "" when it does not exist.
    func read(_ name: String) -> String {
        (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
    }

    /// Every file of the bundle folder with its contents, for "nothing changed" checks.
    func bundleSnapshot() -> [String: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bundle)) ?? []
        return Dictionary(uniqueKeysWithValues: names.map { ($0, read("B/" + $0)) })
    }

    /// Loads the bundle, which must be valid.
    func load() throws -> CaseBundle { try BundleLoader().load(bundle).bundle }
}

/// A minimal valid case file with extra YAML appended (one device, D1).
func importCaseYAML(_ extra: String = "") -> String {
    """
    format: readiness-bundle/1
    case:
      id: T-1
      caption: Test v. Fixture (fictional)
      jurisdiction: US-FED
      stage: pre_charge
    devices:
      - {id: D1, kind: laptop}
    \(extra)
    """
}

/// The path of a file under `Fixtures/import/`.
func importFixture(_ name: String) throws -> String {
    let resources = try #require(Bundle.module.resourceURL)
    return resources.appendingPathComponent("Fixtures/import/\(name)").path
}

/// Diagnostics as `description`s with the scratch folder shortened to `S` and fixtures to `F`.
func described(_ diagnostics: [Diagnostic], scratch: ImportScratch? = nil) -> [String] {
    let fixtures = (try? importFixture("")) ?? "\u{0}"
    return diagnostics.map { diagnostic in
        var text = diagnostic.description
        if let scratch { text = text.replacingOccurrences(of: scratch.root, with: "S") }
        return text.replacingOccurrences(of: fixtures + "/", with: "F/")
    }
}

/// Runs `body`, which must throw a `DiagnosticError`, and returns its diagnostics.
func expectDiagnostics(_ body: () throws(DiagnosticError) -> Void) -> [Diagnostic] {
    do {
        try body()
    } catch {
        return error.diagnostics
    }
    Issue.record("expected the call to fail with diagnostics")
    return []
}
