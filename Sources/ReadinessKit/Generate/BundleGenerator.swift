import Foundation

/// Writes realistic, fictional, deterministic case bundles of any size, with chosen rates of each
/// gap pattern, for training exercises and benchmarks. The same options give byte-identical files.
public struct BundleGenerator: Sendable {
    public var items: Int
    public var seed: UInt64
    public var jurisdiction: String
    /// The share of items (0…1) carrying each gap.
    public var rates: [GapPattern: Double]
    /// The evidence listing's format; the items are the same in each.
    public var listing: ListingFormat

    public init(items: Int, seed: UInt64, jurisdiction: String = "US-FED", rates: [GapPattern: Double] = [:],
                listing: ListingFormat = .csv) {
        self.items = items
        self.seed = seed
        self.jurisdiction = jurisdiction
        self.rates = rates
        self.listing = listing
    }

    /// Writes `case.yaml` and the evidence listing (`evidence.csv` or `evidence.jsonl`) into a new folder at `path`, atomically: the files are
    /// written into a temporary folder beside it, which is renamed into place when complete.
    public func write(to path: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            throw GeneratorError("'\(path)' already exists; choose a new folder")
        }
        let target = URL(fileURLWithPath: path)
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(seed)")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try Data(caseFile().utf8).write(to: staging.appendingPathComponent("case.yaml"))
            try writeEvidence(to: staging.appendingPathComponent(listing.fileName))
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    static let header = "id,device,path,location,deleted,sha256,md5,hash_verified,size_bytes,created_at,is_video,"
        + "duration_seconds,known_hash_sources,grading.us_prepubescent,grading.uk_category,grading.method,"
        + "synthetic_indicators,user_actions,cybertip_file\n"

    private func writeEvidence(to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw GeneratorError("cannot write '\(url.path)'") }
        defer { try? handle.close() }
        var random = SeededGenerator(seed: seed)
        var buffer = listing == .csv ? BundleGenerator.header : ""
        buffer.reserveCapacity(1 << 20)
        for index in 0..<items {
            let fields = row(index, &random)
            buffer += listing == .csv ? fields.joined(separator: ",") + "\n" : Self.jsonLine(fields)
            if buffer.utf8.count >= 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: Data(buffer.utf8))
    }

    /// The cells of item `index`'s row, under `header`'s columns.
    private func row(_ index: Int, _ random: inout SeededGenerator) -> [String] {
        let id = Self.itemID(index)
        var gap: GapPattern?
        for pattern in GapPattern.allCases {
            if let rate = rates[pattern], random.chance(rate), gap == nil { gap = pattern }
        }
        let location: String
        switch gap {
        case .unallocatedOnly: location = "unallocated"
        case .cacheOnly: location = random.chance(0.5) ? "browser_cache" : "thumbnail_cache"
        default: location = random.chance(0.85) ? "allocated" : (random.chance(0.5) ? "recycle_bin" : "cloud_sync")
        }
        let video = random.chance(0.05)
        let day = Int(random.next() % 280)
        let created = gap == .afterArrest ? "2026-03-\(11 + day % 18)T12:00:00Z"
            : "2025-\(String(format: "%02d", 6 + day / 40))-\(String(format: "%02d", 1 + day % 28))T\(String(format: "%02d", day % 24)):15:00Z"
        let sha = gap == .malformedHash ? random.hex(40) + "zz" : random.hex(64)
        let knows = gap == .unallocatedOnly || gap == .cacheOnly ? "" : (random.chance(0.4) ? "lnk_file;user_created_folder" : "opened_in_viewer")
        let us = jurisdiction.hasPrefix("US")
        let extension_ = video ? "mp4" : "jpg"
        let deleted = random.chance(0.1) ? "true" : "false"
        let md5 = random.hex(32)
        let size = String(10_000 + random.next() % 5_000_000)
        let duration = video ? String(10 + random.next() % 600) : ""
        let known = random.chance(0.6) ? "ncmec;\(us ? "project_vic" : "caid")" : ""
        let prepubescent = us ? (random.chance(0.3) ? "true" : "false") : ""
        let category = us ? "" : ["A", "B", "C"][Int(random.next() % 3)]
        let method = random.chance(0.7) ? "caid_trusted" : "manual"
        var fields: [String] = [id, "D\(1 + index % 2)", "/Users/user1/Pictures/archive\(index % 40)/img\(id.dropFirst(2)).\(extension_)"]
        fields += [location, deleted, sha, md5, gap == .unverifiedHash ? "" : "true", size, created, video ? "true" : "false"]
        fields += [duration, known, prepubescent, category, method]
        fields += [gap == .synthetic ? "provider_generative_ai_flag;visual_artifacts" : "", knows, index < 3 ? "CT1-F\(index + 1)" : ""]
        return fields
    }

    static func itemID(_ index: Int) -> String { "E-" + String(format: "%07d", index + 1) }

    private func caseFile() -> String {
        let us = jurisdiction.hasPrefix("US")
        let charged = (0..<min(items, 20)).map(Self.itemID).joined(separator: ", ")
        let statute = us ? "18 U.S.C. § 2252A(a)(5)(B)" : "Criminal Justice Act 1988 s.160"
        return """
            # Generated by `readiness generate --items \(items) --seed \(seed)`: fictional data for exercises.
            format: readiness-bundle/1
            case:
              id: GEN-\(seed)-\(items)
              caption: \(us ? "United States v. Generated Defendant" : "R v Generated Defendant") (fictional, seed \(seed))
              jurisdiction: \(jurisdiction)
            \(us ? "  circuit: 9th\n  venue: D. Example\n" : "  venue: Exampleton Crown Court\n")  stage: pre_charge
              report_received_at: 2026-01-20
              search_at: 2026-03-10T06:05:00-08:00
              arrest_at: 2026-03-10T09:30:00-08:00
              excludable_days: 0
              investigator: {name: Investigator One (fictional), agency: Example Task Force}
              prosecutor: {name: Prosecutor One (fictional), agency: Example Prosecutor's Office}
            charges:
              - {id: C1, count: 1, statute: "\(statute)", offence: possession, theory: unidentified_real_child, offence_from: 2025-06-01, offence_to: 2026-03-10, evidence: [\(charged)]}
            devices:
              - id: D1
                kind: laptop
                description: Grey laptop, serial GEN-0001 (fictional)
                seized_at: 2026-03-10T07:10:00-08:00
                seized_under: W1
                acquisition: {tool: Example Imager (fictional), tool_version: 7.2.1, examiner: WIT1, at: 2026-03-11T10:00:00-08:00, write_blocked: true, acquisition_hash: {algorithm: sha256, value: \(String(repeating: "a1", count: 32))}, verification_hash: {algorithm: sha256, value: \(String(repeating: "a1", count: 32))}}
                custody:
                  - {at: 2026-03-10T07:10:00-08:00, from: Search team, to: Exhibits officer (fictional), seal: S-0001}
                  - {at: 2026-03-11T09:00:00-08:00, from: Exhibits officer (fictional), to: WIT1, seal: S-0001}
                attribution: {exclusive_use: true, password_protected: true, admission: false}
              - id: D2
                kind: external_drive
                description: Black external drive, serial GEN-0002 (fictional)
                seized_at: 2026-03-10T07:20:00-08:00
                seized_under: W1
                acquisition: {tool: Example Imager (fictional), tool_version: 7.2.1, examiner: WIT1, at: 2026-03-12T10:00:00-08:00, write_blocked: true, acquisition_hash: {algorithm: sha256, value: \(String(repeating: "b2", count: 32))}, verification_hash: {algorithm: sha256, value: \(String(repeating: "b2", count: 32))}}
                custody:
                  - {at: 2026-03-10T07:20:00-08:00, from: Search team, to: Exhibits officer (fictional), seal: S-0002}
                attribution: {exclusive_use: true}
            cybertips:
              - id: "900000\(seed % 1000)"
                provider: Examplechat Inc. (fictional)
                incident_type: child_pornography
                submitted_at: 2026-01-10T03:00:00Z
                received_at: 2026-01-20T15:00:00Z
                preservation_expires_at: 2027-01-10
                legal_process: [W0]
                files:
                  - {id: CT1-F1, file_viewed_by_esp: true, opened_by_law_enforcement_at: 2026-01-21T10:00:00-08:00}
                  - {id: CT1-F2, file_viewed_by_esp: true, opened_by_law_enforcement_at: 2026-01-21T10:05:00-08:00}
                  - {id: CT1-F3, file_viewed_by_esp: true, opened_by_law_enforcement_at: 2026-01-21T10:10:00-08:00}
            legal_process:
              - {id: W0, kind: search_warrant, recipient: Examplechat Inc. (fictional), issued_at: 2026-01-25, served_at: 2026-01-26}
              - {id: W1, kind: search_warrant, issued_by: Magistrate (fictional), issued_at: 2026-03-09, executed_at: 2026-03-10T06:05:00-08:00, scope: {devices: [D1, D2], unallocated_review_authorised: true}}
            witnesses:
              - {id: WIT1, name: Examiner One (fictional), role: forensic_examiner, available: true, country: US, covers: [{charge: C1, element: knowing_possession}]}
              - {id: WIT2, name: Agent One (fictional), role: case_agent, available: true, country: US, covers: [{charge: C1, element: interstate_nexus}]}

            """
    }
}

/// A generator problem (for example, an output folder that already exists).
public struct GeneratorError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
