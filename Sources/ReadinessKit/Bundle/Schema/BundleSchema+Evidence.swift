extension BundleSchema {
    static let evidenceTypes: [RecordType] = [
        RecordType(
            "EvidenceItem", "One media file found on a device or account (metadata only, never the file).",
            fields: [
                FieldSchema("id", .string, required: true, "Stable id.", example: "E-0001"),
                FieldSchema("exhibit_ref", .string, "Exhibit reference in the case file.", example: "JR/3/12"),
                FieldSchema("device", .reference("devices"), "The device or forensic image it was found on.", example: "D1"),
                FieldSchema("path", .string, "Full path on the device.", example: "/Users/u1/Pictures/x/0001.jpg"),
                FieldSchema("location", .enumeration(BundleEnums.fileLocation), required: true,
                            "Where on the device the file was found.", example: "allocated"),
                FieldSchema("deleted", .bool, "Whether the file was deleted."),
                FieldSchema("user_recoverable", .bool, "Whether the user could recover it without forensic tools."),
                FieldSchema("sha256", .string, "SHA-256 of the file, lowercase hex.", example: "9f2c…(64 hex digits)"),
                FieldSchema("md5", .string, "MD5 of the file, lowercase hex."),
                FieldSchema("sha1", .string, "SHA-1 of the file, lowercase hex."),
                FieldSchema("hash_verified", .bool, "Whether the examiner re-verified the file hash against the forensic image."),
                FieldSchema("size_bytes", .int, "File size in bytes."),
                FieldSchema("created_at", .dateTime, "File-system creation time."),
                FieldSchema("modified_at", .dateTime, "File-system modification time."),
                FieldSchema("accessed_at", .dateTime, "File-system last-access time."),
                FieldSchema("is_video", .bool, "Whether the file is a video."),
                FieldSchema("duration_seconds", .int, "Video duration in seconds."),
                FieldSchema("known_hash_sources", .list(.enumeration(BundleEnums.knownHashSource)),
                            "Known-hash sets the file matched.", example: "[ncmec, caid]"),
                FieldSchema("grading", .record("Grading"), "How the content was graded."),
                FieldSchema("victim", .reference("victims"), "The identified victim depicted, by pseudonymous id."),
                FieldSchema("series", .string, "Known series name from victim identification (pseudonymous)."),
                FieldSchema("real_child_evidence", .list(.enumeration(BundleEnums.realChildEvidence)),
                            "Evidence that a real child is depicted."),
                FieldSchema("synthetic_indicators", .list(.enumeration(BundleEnums.syntheticIndicator)),
                            "Indicators that the image may be AI-generated or altered."),
                FieldSchema("user_actions", .list(.enumeration(BundleEnums.userAction)),
                            "Artefacts of user action on this file (knowledge indicators).", example: "[lnk_file, user_created_folder]"),
                FieldSchema("cybertip_file", .reference("cybertip_files"), "The CyberTip file this item matches."),
                FieldSchema("notes", .string, "Examiner's notes."),
            ]),
        RecordType(
            "Grading", "How an item's content was graded, and by whom.",
            fields: [
                FieldSchema("us_prepubescent", .bool, "US: depicts a prepubescent minor or a minor under 12."),
                FieldSchema("us_sadistic", .bool, "US: sadistic or masochistic conduct or depictions of violence."),
                FieldSchema("us_infant_toddler", .bool, "US: depicts an infant or toddler."),
                FieldSchema("uk_category", .enumeration(BundleEnums.ukCategory), "England & Wales: category A, B or C."),
                FieldSchema("grader", .reference("witnesses"), "The witness who graded it."),
                FieldSchema("method", .enumeration(BundleEnums.gradingMethod), "How it was graded."),
                FieldSchema("graded_at", .dateTime, "When it was graded."),
            ]),
    ]

    static let deviceTypes: [RecordType] = [
        RecordType(
            "Device", "A seized device, an online account return, or a forensic image of either.",
            fields: [
                FieldSchema("id", .string, required: true, "Stable id.", example: "D1"),
                FieldSchema("kind", .enumeration(BundleEnums.deviceKind), required: true, "What it is.", example: "laptop"),
                FieldSchema("description", .string, "Make, model, serial.", example: "Silver laptop, serial XX-0001 (fictional)"),
                FieldSchema("exhibit_ref", .string, "Exhibit reference."),
                FieldSchema("image_of", .reference("devices"), "For a forensic image: the device it was taken from."),
                FieldSchema("seized_at", .dateTime, "When it was seized."),
                FieldSchema("seized_from", .string, "Where it was seized (room, premises)."),
                FieldSchema("seized_under", .reference("legal_process"), "The warrant or order it was seized under."),
                FieldSchema("provider", .string, "For an account: the service provider (fictional in samples)."),
                FieldSchema("account_identifier", .string, "For an account: the account identifier.", sensitivity: .suspect),
                FieldSchema("acquisition", .record("Acquisition"), "How the forensic image was taken."),
                FieldSchema("custody", .list(.record("CustodyEvent")), "Chain of custody, in time order."),
                FieldSchema("attribution", .record("Attribution"), "Facts tying the device to the suspect."),
            ]),
        RecordType(
            "Acquisition", "How a device was imaged and verified.",
            fields: [
                FieldSchema("tool", .string, "Acquisition tool.", example: "ImagerX (fictional)"),
                FieldSchema("tool_version", .string, "Tool version.", example: "7.2.1"),
                FieldSchema("examiner", .reference("witnesses"), "The examiner who took the image."),
                FieldSchema("at", .dateTime, "When the image was taken."),
                FieldSchema("write_blocked", .bool, "Whether a write blocker was used."),
                FieldSchema("acquisition_hash", .record("Hash"), "Hash computed at acquisition."),
                FieldSchema("verification_hash", .record("Hash"), "Hash computed when the image was verified."),
                FieldSchema("verified_at", .dateTime, "When the image was verified."),
            ]),
        RecordType(
            "Hash", "A hash value and its algorithm.",
            fields: [
                FieldSchema("algorithm", .enumeration(BundleEnums.hashAlgorithm), required: true, "Algorithm.", example: "sha256"),
                FieldSchema("value", .string, required: true, "Lowercase hex digest."),
            ]),
        RecordType(
            "CustodyEvent", "One transfer or handling of an exhibit.",
            fields: [
                FieldSchema("at", .dateTime, required: true, "When."),
                FieldSchema("from", .string, "Who handed it over."),
                FieldSchema("to", .string, required: true, "Who received it."),
                FieldSchema("purpose", .string, "Why."),
                FieldSchema("seal", .string, "Seal or bag number."),
            ]),
        RecordType(
            "Attribution", "Facts that tie a device to its user.",
            fields: [
                FieldSchema("exclusive_use", .bool, "Whether only the suspect used it."),
                FieldSchema("shared_household", .bool, "Whether others in the household had access."),
                FieldSchema("password_protected", .bool, "Whether it was protected by a password the suspect knew."),
                FieldSchema("user_accounts", .list(.string), "User accounts found on it.", sensitivity: .suspect),
                FieldSchema("admission", .bool, "Whether the suspect admitted using it."),
                FieldSchema("personal_artifacts", .list(.string), "Personal documents or activity showing the user."),
            ]),
    ]
}
