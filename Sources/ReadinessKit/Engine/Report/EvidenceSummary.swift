/// The evidence items at a glance: where they were found, what they are, which device holds them,
/// and image-equivalent counts where a pack defines them.
public struct EvidenceSummary: Codable, Sendable, Hashable {
    public var items: Int
    /// Items by `location` (allocated, unallocated, …), most first, then by name.
    public var byLocation: [Tally]
    /// Items by media type: `image`, `video`, or `unknown` when `is_video` is not recorded.
    public var byMediaType: [Tally]
    /// Items by device id (`none` when no device is recorded), most first, then by id.
    public var byDevice: [Tally]
    /// Image-equivalent counts, when a pack has an `image_equivalents` table (see `docs/report-format.md`).
    public var imageEquivalents: ImageEquivalents?

    /// A count under a key.
    public struct Tally: Codable, Sendable, Hashable {
        public var key: String
        public var count: Int
    }

    /// Images plus videos counted at the pack's rate for the case's jurisdiction.
    public struct ImageEquivalents: Codable, Sendable, Hashable {
        /// The `image_equivalents` row used: the jurisdiction, or `default`.
        public var row: String
        /// Images each video counts as (`per_video`).
        public var perVideo: Int
        public var images: Int
        public var videos: Int
        /// Items whose media type is not recorded; they are left out of the total.
        public var unknownType: Int
        /// `images + videos × perVideo`.
        public var total: Int
    }
}

/// Counts evidence items one at a time, so a streaming check can summarise items it does not keep.
struct EvidenceTally: Sendable {
    private var locations: [String: Int] = [:]
    private var media: [String: Int] = [:]
    private var devices: [String: Int] = [:]
    private var items = 0
    /// The slots of `location`, `device` and `is_video`, resolved from the first item (every
    /// evidence item has the same record type), so the per-item cost is three array reads.
    private var slots: (location: Int?, device: Int?, video: Int?)?

    /// Counts every row of a block, reading its columns directly.
    mutating func add(_ block: ColumnBlock) {
        func column(_ name: String) -> ColumnBlock.Column? { block.type.slot(of: name).flatMap { block.columns[.init(slot: $0)] } }
        items += block.count
        Self.count(column("location"), rows: block.count, absent: "unknown", into: &locations)
        Self.count(column("device"), rows: block.count, absent: "none", into: &devices)
        guard case .bool(let flags)? = column("is_video") else {
            media["unknown", default: 0] += block.count
            return
        }
        var tally = (video: 0, image: 0, unknown: 0)
        for flag in flags {
            switch flag {
            case true?: tally.video += 1
            case false?: tally.image += 1
            case nil: tally.unknown += 1
            }
        }
        for (key, count) in [("video", tally.video), ("image", tally.image), ("unknown", tally.unknown)] where count > 0 {
            media[key, default: 0] += count
        }
    }

    /// Adds the values of a text column to `counts`. A listing names a few locations and devices
    /// over and over, so cells are tallied against the block's first few distinct values, compared
    /// as bytes, and only those values become strings; past them, runs of equal cells are counted
    /// at once.
    private static func count(_ column: ColumnBlock.Column?, rows: Int, absent: String, into counts: inout [String: Int]) {
        guard case .text(let cells)? = column else {
            counts[absent, default: 0] += rows
            return
        }
        var distinct: [(row: Int, count: Int)] = []
        var run: (row: Int, count: Int)?
        func countRun() {
            if let run { counts[cells.string(at: run.row) ?? absent, default: 0] += run.count }
        }
        for row in 0..<rows {
            if let current = run, cells.cellsEqual(current.row, row) {
                run?.count += 1
            } else if let index = distinct.firstIndex(where: { cells.cellsEqual($0.row, row) }) {
                distinct[index].count += 1
            } else if distinct.count < 16 {
                distinct.append((row, 1))
            } else {
                countRun()
                run = (row, 1)
            }
        }
        countRun()
        for (row, count) in distinct { counts[cells.string(at: row) ?? absent, default: 0] += count }
    }

    /// The name of the pack table read for image-equivalent counts.
    static let tableName = "image_equivalents"

    init() {}

    init(_ records: [Record]) {
        for record in records { add(record) }
    }

    mutating func add(_ item: Record) {
        let slots = self.slots ?? (item.type.slot(of: "location"), item.type.slot(of: "device"), item.type.slot(of: "is_video"))
        self.slots = slots
        func field(_ slot: Int?) -> Value? { slot.map { item.fields[$0] } }
        items += 1
        locations[field(slots.location)?.stringValue ?? "unknown", default: 0] += 1
        devices[field(slots.device)?.stringValue ?? "none", default: 0] += 1
        let type = switch field(slots.video)?.boolValue {
        case true: "video"
        case false: "image"
        case nil: "unknown"
        }
        media[type, default: 0] += 1
    }

    /// The summary, with image equivalents when the checklist has an `image_equivalents` table.
    func summary(checklist: CompiledChecklist, jurisdiction: String) -> EvidenceSummary {
        var summary = EvidenceSummary(
            items: items, byLocation: Self.sorted(locations), byMediaType: Self.sorted(media), byDevice: Self.sorted(devices),
            imageEquivalents: nil)
        guard let (row, perVideo) = Self.rate(checklist: checklist, jurisdiction: jurisdiction) else { return summary }
        let images = media["image"] ?? 0, videos = media["video"] ?? 0
        summary.imageEquivalents = .init(
            row: row, perVideo: perVideo, images: images, videos: videos, unknownType: media["unknown"] ?? 0,
            total: images + videos * perVideo)
        return summary
    }

    /// The `per_video` rate of the last pack defining `image_equivalents`: the jurisdiction's row,
    /// else the table's default row.
    static func rate(checklist: CompiledChecklist, jurisdiction: String) -> (row: String, perVideo: Int)? {
        guard let table = checklist.packs.flatMap(\.tables).last(where: { $0.name == tableName }) else { return nil }
        if case .int(let rate)? = table.rows[jurisdiction]?["per_video"] { return (jurisdiction, rate) }
        if case .int(let rate)? = table.defaultRow?["per_video"] { return ("default", rate) }
        return nil
    }

    /// Tallies, most first, then by key.
    static func sorted(_ counts: [String: Int]) -> [EvidenceSummary.Tally] {
        counts.map { EvidenceSummary.Tally(key: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }
}
