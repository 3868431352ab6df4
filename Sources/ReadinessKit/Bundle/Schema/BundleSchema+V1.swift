extension BundleSchema {
    /// Case-bundle format version 1 (`format: readiness-bundle/1`), documented in `docs/bundle-format.md`.
    public static let v1 = BundleSchema(
        version: 1,
        root: "Bundle",
        types: [bundleRoot] + caseTypes + evidenceTypes + deviceTypes + cyberTipTypes + processTypes,
        collections: [
            CollectionSchema("charges", path: ["charges"], recordType: "Charge"),
            CollectionSchema("evidence", path: ["evidence"], recordType: "EvidenceItem"),
            CollectionSchema("devices", path: ["devices"], recordType: "Device"),
            CollectionSchema("cybertips", path: ["cybertips"], recordType: "CyberTip"),
            CollectionSchema("cybertip_files", path: ["cybertips", "files"], recordType: "CyberTipFile"),
            CollectionSchema("legal_process", path: ["legal_process"], recordType: "LegalProcess"),
            CollectionSchema("witnesses", path: ["witnesses"], recordType: "Witness"),
            CollectionSchema("victims", path: ["victims"], recordType: "Victim"),
            CollectionSchema("suspects", path: ["suspects"], recordType: "Suspect"),
            CollectionSchema("indicators", path: ["indicators"], recordType: "Indicator"),
            CollectionSchema("documents", path: ["documents"], recordType: "Document"),
            CollectionSchema("waivers", path: ["waivers"], recordType: "Waiver"),
            CollectionSchema("attestations", path: ["attestations"], recordType: "Attestation"),
        ]
    )

    /// The sections a bundle may hold; each may also live in its own file in a bundle folder.
    static let bundleRoot = RecordType(
        "Bundle", "A case bundle: the metadata of one case, never imagery.",
        fields: [
            FieldSchema("format", .string, required: true, "Format tag and version.", example: "readiness-bundle/1"),
            FieldSchema("case", .record("Case"), required: true, "The case itself."),
            FieldSchema("charges", .list(.record("Charge")), "Proposed or filed charges, one per count."),
            FieldSchema("evidence", .list(.record("EvidenceItem")), "Media files found (metadata only)."),
            FieldSchema("devices", .list(.record("Device")), "Seized devices, accounts and forensic images."),
            FieldSchema("cybertips", .list(.record("CyberTip")), "NCMEC CyberTipline reports and their files."),
            FieldSchema("legal_process", .list(.record("LegalProcess")), "Warrants, orders, subpoenas, preservation requests."),
            FieldSchema("witnesses", .list(.record("Witness")), "Witnesses the case relies on."),
            FieldSchema("victims", .list(.record("Victim")), "Identified victims, by pseudonymous id only."),
            FieldSchema("suspects", .list(.record("Suspect")), "Suspects or defendants."),
            FieldSchema("indicators", .list(.record("Indicator")), "Knowledge and attribution indicators."),
            FieldSchema("documents", .list(.record("Document")), "Documents in the file (reports, schedules, certifications)."),
            FieldSchema("waivers", .list(.record("Waiver")), "Approved waivers of checklist rules."),
            FieldSchema("attestations", .list(.record("Attestation")), "Reviewers' answers to manual checklist questions."),
        ])
}
