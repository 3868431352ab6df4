/// Built-in mappings for common listing shapes. The tools are fictional; each preset documents
/// the columns it expects in `docs/import.md`, and `readiness import evidence --show-preset NAME`
/// prints it as a starting point for a mapping file of your own.
public enum EvidencePresets {
    /// Preset names and their mapping YAML, in display order.
    public static let all: [(name: String, yaml: String)] = [
        ("examplar", examplar), ("sampleprobe", sampleProbe), ("hashlist", hashList),
    ]

    /// The names of the presets.
    public static var names: [String] { all.map(\.name) }

    /// The mapping YAML of a preset.
    public static func yaml(named name: String) -> String? {
        all.first { $0.name == name }?.yaml
    }

    /// The parsed mapping of a preset.
    public static func mapping(named name: String, schema: BundleSchema = .v1) throws(DiagnosticError) -> EvidenceMapping {
        guard let yaml = yaml(named: name) else {
            throw DiagnosticError(Diagnostic(
                id: "import.unknown-preset", message: "there is no preset '\(name)'", at: nil,
                hint: Suggestion.didYouMean(name, in: names) ?? "presets: \(names.joined(separator: ", "))"))
        }
        return try EvidenceMapping.parse(yaml, origin: "preset:\(name)", schema: schema)
    }

    static let examplar = """
        # Examplar Forensic Suite 9, "File List" CSV export (fictional tool).
        # US date order with the examiner's offset, e.g. 01/05/2026 14:22:10 -05:00.
        tool: Examplar Forensic Suite 9 file list (fictional)
        columns:
          "Item #": id
          "Full Path": path
          "Logical Size": size_bytes
          "Created Date": created_at
          "Last Written": modified_at
          "Last Accessed": accessed_at
          "MD5 Hash Value": md5
          "SHA-256 Hash Value": sha256
          "Is Deleted": deleted
          "File Status": location
        values:
          deleted: {"Yes": true, "No": false, "Unknown": null}
          location:
            "Allocated": allocated
            "Unallocated Clusters": unallocated
            "Carved": unallocated
            "Recycle Bin": recycle_bin
            "Thumbnail Cache": thumbnail_cache
            "Web Cache": browser_cache
        timestamps:
          date_order: mdy

        """

    static let sampleProbe = """
        # SampleProbe Triage 3 CSV export (fictional tool): semicolon-separated, day-first dates in UTC.
        tool: SampleProbe Triage 3 (fictional)
        delimiter: ";"
        columns:
          "FileID": id
          "Path": path
          "Size": size_bytes
          "SHA256": sha256
          "MD5": md5
          "Deleted": deleted
          "Source": location
          "Is Video": is_video
          "Created (UTC)": created_at
          "Modified (UTC)": modified_at
          "Hash Set Hits": known_hash_sources
        values:
          deleted: {"True": true, "False": false}
          is_video: {"1": true, "0": false}
          location:
            "FileSystem": allocated
            "Unallocated": unallocated
            "Thumbcache": thumbnail_cache
            "BrowserCache": browser_cache
            "RecycleBin": recycle_bin
            "AppCache": app_cache
            "CloudSync": cloud_sync
            "P2PShared": p2p_shared
            "P2PPartial": p2p_incomplete
          known_hash_sources: {"NCMEC": ncmec, "CAID": caid, "ProjectVIC": project_vic, "Provider": provider}
        list_separator: "|"
        timestamps:
          date_order: dmy
          assume_offset: Z

        """

    static let hashList = """
        # A plain hash list (path, sha256, md5, size) from any tool; no ids and no locations.
        # Ids are generated from sha256, device and path; give the location with --set location=…
        tool: generic hash list
        columns:
          "path": path
          "sha256": sha256
          "md5": md5
          "size": size_bytes

        """
}
