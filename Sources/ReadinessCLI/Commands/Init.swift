import ArgumentParser
import Foundation
import ReadinessKit

/// `readiness init`: write a commented starter bundle.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter case bundle into a new folder.",
        discussion: """
            The folder must not exist yet, or be empty. Fill in the case.yaml it writes, then run \
            'readiness validate FOLDER'.

            Example:
              readiness init cases/2026-CR-0001
            """)

    @Argument(help: "The folder to create.")
    var folder: String

    func run() throws {
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: folder), !contents.isEmpty {
            throw ValidationError("'\(folder)' already exists and is not empty; choose a new folder")
        }
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in StarterBundle.files {
            try AtomicFile.write(file.contents, to: (folder as NSString).appendingPathComponent(file.name))
        }
        Terminal.print("Wrote a starter bundle to \(folder)/case.yaml. Next: readiness validate \(folder)")
    }
}
