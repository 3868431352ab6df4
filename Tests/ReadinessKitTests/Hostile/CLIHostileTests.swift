import Foundation
import Testing
@testable import ReadinessKit

/// The built `readiness` binary on the hostile corpus: exit code 2 with located errors for invalid
/// input, nothing written anywhere by commands that only read, and no raw control character on
/// the terminal. Skipped when the binary is not next to the tests (see `CLIRunner`).
@Suite("Hostile input through the command line", .enabled(if: CLIRunner.isAvailable))
struct CLIHostileTests {
    /// Fixtures that must be refused, and the file their first error is in.
    static let invalid: [(String, String)] = [
        ("yaml-alias-bomb", "case.yaml"), ("yaml-duplicate-keys", "case.yaml"), ("yaml-duplicate-sections", "case.yaml"),
        ("yaml-duplicate-keys-in-list", "case.yaml"), ("yaml-merge-keys", "case.yaml"), ("yaml-tags", "case.yaml"),
        ("invalid-utf8", "case.yaml"), ("utf16-bom", "case.yaml"), ("nul-byte", "case.yaml"),
        ("dates-out-of-range", "case.yaml"), ("numbers-out-of-range", "case.yaml"), ("attachment-traversal", "case.yaml"),
        ("csv-unbalanced-quotes", "evidence.csv"), ("csv-ragged-rows", "evidence.csv"), ("csv-stray-quote", "evidence.csv"),
        ("csv-text-after-quote", "evidence.csv"), ("csv-invalid-utf8", "evidence.csv"), ("csv-header-only-garbage", "evidence.csv"),
    ]

    /// Fixtures that are valid data, however hostile they look.
    static let valid = ["control-chars", "csv-nul", "csv-formulas", "csv-bare-cr", "template-syntax-in-values", "html-everywhere", "utf8-bom"]

    /// Bytes that must never reach a terminal: C0 controls but tab and newline, DEL, C1 controls
    /// (UTF-8 C2 80–C2 9F) and bidirectional overrides (E2 80 AA–AE, E2 81 A6–A9).
    static func rawControls(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            let third = index + 2 < bytes.count ? bytes[index + 2] : 0
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F { found.append(String(format: "%02X", byte)) }
            if byte == 0xC2, (0x80...0x9F).contains(next) { found.append(String(format: "C2 %02X", next)) }
            if byte == 0xE2, next == 0x80, (0xAA...0xAE).contains(third) { found.append(String(format: "E2 80 %02X", third)) }
            if byte == 0xE2, next == 0x81, (0xA6...0xA9).contains(third) { found.append(String(format: "E2 81 %02X", third)) }
        }
        return found
    }

    @Test("every invalid fixture makes 'readiness validate' exit 2 with a located error", arguments: invalid)
    func invalidExitsTwo(_ fixture: String, _ file: String) throws {
        let directory = try Hostile.temporaryFolder("cli")
        let result = try CLIRunner.run(["validate", Hostile.fixture(fixture)], in: directory)
        #expect(!result.timedOut)
        #expect(result.status == 2, "\(fixture): \(result.stderr)")
        let located = try Regex("\(fixture)/\(file):[0-9]+:[0-9]+: error: ")
        #expect(result.stderr.contains(located), "\(fixture): \(result.stderr.prefix(400))")
        #expect(result.stdout.contains("invalid"))
        #expect(Self.rawControls(result.rawOutput).isEmpty)
    }

    @Test("hostile-looking but valid fixtures validate (exit 0) and check (exit 0) with no raw control character on the terminal",
          arguments: valid)
    func validFixturesAreSafeOnTheTerminal(_ fixture: String) throws {
        let directory = try Hostile.temporaryFolder("cli")
        let validate = try CLIRunner.run(["validate", Hostile.fixture(fixture)], in: directory)
        #expect(validate.status == 0, "\(fixture): \(validate.stderr)")
        #expect(Self.rawControls(validate.rawOutput).isEmpty, "\(fixture)")
        for format in ["text", "json"] {
            let check = try CLIRunner.run(["check", Hostile.fixture(fixture), "--rules", Hostile.fixture("rules/echo.yaml"),
                                           "--as-of", "2026-06-01", "--format", format], in: directory)
            #expect(check.status == 0, "\(fixture) \(format): \(check.stderr)")
            #expect(Self.rawControls(check.rawOutput).isEmpty, "\(fixture) \(format): \(Self.rawControls(check.rawOutput))")
            if format == "json" {
                #expect((try? JSONSerialization.jsonObject(with: Data(check.stdout.utf8))) != nil, "\(fixture): JSON must parse")
            }
        }
    }

    @Test("the control-character fixture shows its escapes visibly on the terminal and exactly in JSON")
    func controlCharactersAreVisible() throws {
        let directory = try Hostile.temporaryFolder("cli")
        let text = try CLIRunner.run(["validate", Hostile.fixture("control-chars")], in: directory)
        #expect(text.stdout.contains("case H-1"))
        let check = try CLIRunner.run(["check", Hostile.fixture("control-chars"), "--rules", Hostile.fixture("rules/echo.yaml"),
                                       "--as-of", "2026-06-01", "--format", "json"], in: directory)
        #expect(check.stdout.contains("\\u001b[2J"))
        #expect(check.stdout.contains("\\u202e"))
        #expect(check.stdout.contains("\\u009b"))
    }

    @Test("validate and check write nothing: not into the bundle, not into the working directory")
    func readOnlyCommandsWriteNothing() throws {
        for fixture in ["csv-formulas", "attachment-traversal", "yaml-alias-bomb", "html-everywhere"] {
            let bundle = try Hostile.copy(fixture)
            let directory = try Hostile.temporaryFolder("cli-cwd")
            let before = (Hostile.listing(bundle), Hostile.listing(directory))
            _ = try CLIRunner.run(["validate", bundle], in: directory)
            _ = try CLIRunner.run(["check", bundle, "--rules", Hostile.fixture("rules/echo.yaml"), "--as-of", "2026-06-01"], in: directory)
            _ = try CLIRunner.run(["check", bundle, "--rules", Hostile.fixture("rules/echo.yaml"), "--format", "json"], in: directory)
            #expect(Hostile.listing(bundle) == before.0, "\(fixture): the bundle folder changed")
            #expect(Hostile.listing(directory) == before.1, "\(fixture): the working directory changed")
        }
    }

    @Test("a missing bundle, a device file and an empty path exit 2 without a crash")
    func oddPathsExitTwo() throws {
        let directory = try Hostile.temporaryFolder("cli")
        for path in ["/nonexistent/\(UUID().uuidString)", "/dev/null", ""] {
            let result = try CLIRunner.run(["validate", path], in: directory)
            #expect(result.status == 2, "'\(path)': \(result.stderr)")
        }
    }

    @Test("a symbolic link out of the bundle exits 2 and the secret never reaches the terminal")
    func symlinkSecretNeverPrinted() throws {
        let root = try Hostile.temporaryFolder("cli-symlink")
        try Hostile.write(Hostile.caseHeader, to: root + "/bundle/case.yaml")
        try Hostile.write("- {id: W1, role: case_agent, name: \(Hostile.canary)}\n", to: root + "/secret/witnesses.yaml")
        try Hostile.write("id,location\n\(Hostile.canary),allocated\n", to: root + "/secret/evidence.csv")
        try FileManager.default.createSymbolicLink(atPath: root + "/bundle/witnesses.yaml", withDestinationPath: root + "/secret/witnesses.yaml")
        try FileManager.default.createSymbolicLink(atPath: root + "/bundle/evidence.csv", withDestinationPath: root + "/secret/evidence.csv")
        for arguments in [["validate", root + "/bundle"], ["validate", root + "/bundle", "--format", "json"],
                          ["check", root + "/bundle", "--rules", Hostile.fixture("rules/echo.yaml")]] {
            let result = try CLIRunner.run(arguments, in: root)
            #expect(result.status == 2)
            #expect(!(result.stdout + result.stderr).contains(Hostile.canary), "\(arguments): the secret was printed")
        }
    }
}
