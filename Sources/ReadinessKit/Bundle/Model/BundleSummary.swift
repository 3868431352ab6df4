/// Counts of what a bundle holds, for one-line summaries.
public struct BundleSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    public var caseID: String
    public var jurisdiction: String
    public var charges: Int
    public var evidenceItems: Int
    public var devices: Int
    public var cyberTips: Int
    public var cyberTipFiles: Int
    public var witnesses: Int

    /// The summary of `bundle`; `evidenceItems` counts an evidence listing read as a stream.
    public init(_ bundle: CaseBundle, evidenceItems: Int? = nil) {
        caseID = bundle.caseRecord.id ?? ""
        jurisdiction = bundle.caseRecord["jurisdiction"]?.stringValue ?? ""
        charges = bundle.records(in: "charges").count
        self.evidenceItems = evidenceItems ?? bundle.records(in: "evidence").count
        devices = bundle.records(in: "devices").count
        cyberTips = bundle.records(in: "cybertips").count
        cyberTipFiles = bundle.records(in: "cybertip_files").count
        witnesses = bundle.records(in: "witnesses").count
    }

    public var description: String {
        func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
        }
        return "case \(caseID) (\(jurisdiction)): " + [
            count(charges, "charge"), count(evidenceItems, "evidence item"), count(devices, "device"),
            count(cyberTips, "CyberTip report") + " (\(count(cyberTipFiles, "file")))", count(witnesses, "witness", "witnesses"),
        ].joined(separator: ", ")
    }
}
