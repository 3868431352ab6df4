import Foundation

/// Writes several files of a bundle folder as one change: all of them, or none.
///
/// New contents are first written to hidden temporary files in the bundle folder (the loader
/// skips names starting with `.`). `commit()` keeps each original as a hidden hard-linked
/// backup and renames the new file over it (an atomic replace per file); `rollback()` puts every
/// original back, and `finish()` deletes the backups. A crash between `commit()` and `finish()`
/// leaves the backups in place, and the next import refuses to start until they are dealt with.
final class BundleTransaction {
    private let folder: String
    private let token: String
    /// Final name → temporary path, in staging order.
    private var staged: [(name: String, temporary: String)] = []
    /// Final names already renamed into place, with whether an original was backed up.
    private var committed: [(name: String, backedUp: Bool)] = []

    static let marker = ".readiness-import"

    init(folder: String) throws(DiagnosticError) {
        self.folder = folder
        token = String(ProcessInfo.processInfo.processIdentifier)
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.contains(BundleTransaction.marker) }.sorted()
        guard leftovers.isEmpty else {
            throw DiagnosticError(Diagnostic(
                id: "import.interrupted", message: "an earlier import into '\(folder)' did not finish: \(leftovers.joined(separator: ", "))",
                at: nil,
                hint: "a '.backup' file is the bundle's file from before that import: rename it back over the original "
                    + "(or delete it if the bundle validates), delete any '.new' file, then import again"))
        }
    }

    /// A fresh temporary path for the new contents of `name`; the caller writes it.
    func stage(_ name: String) -> String {
        let temporary = path(".\(name)\(BundleTransaction.marker)-\(token).new")
        _ = FileManager.default.createFile(atPath: temporary, contents: nil)
        staged.append((name, temporary))
        return temporary
    }

    /// Stages `text` as the new contents of `name`.
    func stage(_ name: String, text: String) throws(DiagnosticError) {
        let temporary = stage(name)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot write '\(temporary)': \(error.localizedDescription)",
                                             at: nil))
        }
    }

    /// Drops the staged new contents of `name`, leaving that file as it is.
    func unstage(_ name: String) {
        guard let index = staged.firstIndex(where: { $0.name == name }) else { return }
        try? FileManager.default.removeItem(atPath: staged[index].temporary)
        staged.remove(at: index)
    }

    /// Whether anything is staged.
    var isEmpty: Bool { staged.isEmpty }

    /// The names of the staged files.
    var stagedNames: [String] { staged.map(\.name) }

    /// Moves every staged file into place, keeping backups; on failure restores what it moved.
    func commit() throws(DiagnosticError) {
        let manager = FileManager.default
        for (name, temporary) in staged {
            let target = path(name), backup = backupPath(name)
            do {
                var backedUp = false
                if manager.fileExists(atPath: target) {
                    do {
                        try manager.linkItem(atPath: target, toPath: backup)
                    } catch {
                        try manager.copyItem(atPath: target, toPath: backup)
                    }
                    backedUp = true
                }
                guard rename(temporary, target) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target])
                }
                committed.append((name, backedUp))
            } catch {
                rollback()
                throw DiagnosticError(Diagnostic(id: "import.write-failed", message: "cannot replace '\(target)': \(error.localizedDescription)",
                                                 at: nil, hint: "the bundle was left as it was"))
            }
        }
        staged = []
    }

    /// Restores every committed file's original and removes staged temporaries.
    func rollback() {
        let manager = FileManager.default
        for (name, backedUp) in committed.reversed() {
            if backedUp {
                _ = rename(backupPath(name), path(name))
            } else {
                try? manager.removeItem(atPath: path(name))
            }
        }
        committed = []
        discard()
    }

    /// Removes staged temporaries without touching the bundle.
    func discard() {
        for (_, temporary) in staged { try? FileManager.default.removeItem(atPath: temporary) }
        staged = []
    }

    /// Deletes the backups once the new bundle is accepted.
    func finish() {
        for (name, backedUp) in committed where backedUp {
            try? FileManager.default.removeItem(atPath: backupPath(name))
        }
        committed = []
    }

    private func path(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private func backupPath(_ name: String) -> String {
        path(".\(name)\(BundleTransaction.marker)-\(token).backup")
    }
}
