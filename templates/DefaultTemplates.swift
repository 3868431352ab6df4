import Foundation

/// The default memo templates (this folder's `html/`, `text/` and `markdown/` sets), shipped as a
/// SwiftPM resource bundle so that `swift run readiness` finds them from any working directory.
///
/// This file only makes `templates/` a SwiftPM target; an office's copy of the folder, passed
/// with `--template-dir`, does not need it. See `docs/templates.md`.
public enum DefaultTemplates {
    /// The folder holding the embedded sets, or `nil` when the resource bundle is not beside the
    /// executable.
    ///
    /// The bundle is looked up beside the running executable (where `swift build` puts it and
    /// where an install must copy it), or beside a loaded bundle such as a macOS test bundle,
    /// rather than through `Bundle.module`, whose accessor stops the process when the bundle is
    /// missing; a missing bundle is then an ordinary error.
    public static var directory: String? {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        let folders = [executable].compactMap { $0 } + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in folders {
            for name in ["Readiness_ReadinessTemplates.resources", "Readiness_ReadinessTemplates.bundle"] {
                let url = folder.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path), let path = Bundle(url: url)?.resourcePath { return path }
            }
        }
        return nil
    }
}
