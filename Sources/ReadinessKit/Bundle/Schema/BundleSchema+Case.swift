extension BundleSchema {
    static let caseTypes: [RecordType] = [
        RecordType(
            "Case", "The case: identity, place, stage and key dates.",
            fields: [
                FieldSchema("id", .string, required: true, "The office's case number.", example: "'2026-CR-0142'"),
                FieldSchema("caption", .string, required: true, "The case caption.", example: "United States v. Doe (fictional)"),
                FieldSchema("jurisdiction", .enumeration(BundleEnums.jurisdiction), required: true,
                            "Which law applies; selects the rule packs.", example: "US-FED"),
                FieldSchema("circuit", .enumeration(BundleEnums.circuit), "US federal circuit (for private-search policy).", example: "9th"),
                FieldSchema("venue", .string, "District or court centre where the case would be tried.", example: "D. Nev."),
                FieldSchema("stage", .enumeration(BundleEnums.stage), required: true, "Where the case stands.", example: "pre_charge"),
                FieldSchema("report_received_at", .dateTime, "When law enforcement received the report or referral.", example: "2026-02-03"),
                FieldSchema("search_at", .dateTime, "When the premises search was executed.", example: "2026-03-10T06:05:00-08:00"),
                FieldSchema("arrest_at", .dateTime, "When the suspect was arrested (starts the Speedy Trial clock).", example: "2026-03-10T09:30:00-08:00"),
                FieldSchema("complaint_at", .dateTime, "When a complaint was filed."),
                FieldSchema("initial_appearance_at", .dateTime, "When the defendant first appeared before a magistrate."),
                FieldSchema("indictment_at", .dateTime, "When an indictment or information was filed."),
                FieldSchema("excludable_days", .int, "Days excluded from the Speedy Trial clock under 18 U.S.C. §3161(h).", example: "0"),
                FieldSchema("in_custody", .bool, "Whether the defendant is detained."),
                FieldSchema("dpp_consent", .record("DppConsent"), "England & Wales: the DPP's consent to prosecute."),
                FieldSchema("investigator", .record("Person"), "Assigned investigator or officer in the case."),
                FieldSchema("prosecutor", .record("Person"), "Assigned prosecutor or reviewing lawyer."),
                FieldSchema("summary", .string, "A short neutral summary of the case."),
            ]),
        RecordType(
            "Person", "A member of the prosecution team (not a suspect or victim).",
            fields: [
                FieldSchema("name", .string, required: true, "Full name.", example: "SA Jordan Reyes (fictional)"),
                FieldSchema("agency", .string, "Agency or office."),
                FieldSchema("email", .string, "Work e-mail address."),
                FieldSchema("phone", .string, "Work telephone."),
            ]),
        RecordType(
            "DppConsent", "The Director of Public Prosecutions' consent to prosecute (England & Wales).",
            fields: [
                FieldSchema("recorded", .bool, "Whether consent has been given and recorded."),
                FieldSchema("by", .string, "Who gave consent on the DPP's behalf."),
                FieldSchema("at", .dateTime, "When consent was given."),
                FieldSchema("offences", .list(.reference("charges")), "The charges the consent covers."),
            ]),
        RecordType(
            "Charge", "One proposed or filed count.",
            fields: [
                FieldSchema("id", .string, required: true, "Stable id.", example: "C1"),
                FieldSchema("count", .int, "Count number on the charging document.", example: "1"),
                FieldSchema("statute", .string, required: true, "The statute as the rule packs name it.", example: "18 U.S.C. § 2252A(a)(5)(B)"),
                FieldSchema("offence", .enumeration(BundleEnums.offence), required: true, "The kind of offence.", example: "possession"),
                FieldSchema("theory", .enumeration(BundleEnums.depictionTheory), "How the depiction will be proved to fall within the statute.", example: "identified_real_child"),
                FieldSchema("offence_from", .dateTime, "Start of the offence date range.", example: "2026-01-01"),
                FieldSchema("offence_to", .dateTime, "End of the offence date range.", example: "2026-03-10"),
                FieldSchema("evidence", .list(.reference("evidence")), "The evidence items the count rests on.", example: "[E-0001, E-0002]"),
                FieldSchema("devices", .list(.reference("devices")), "Devices the count relies on."),
                FieldSchema("image_count", .int, "Images alleged (videos counted as the pack's multiplier)."),
                FieldSchema("description", .string, "The particulars of the count in plain words."),
            ]),
        RecordType(
            "Suspect", "A suspect or defendant. Identifying fields are replaced when redacting.",
            fields: [
                FieldSchema("id", .string, required: true, "Stable id.", example: "S1"),
                FieldSchema("name", .string, "Full name (fictional in samples).", sensitivity: .suspect),
                FieldSchema("aliases", .list(.string), "Other names used.", sensitivity: .suspect),
                FieldSchema("emails", .list(.string), "E-mail addresses.", sensitivity: .suspect),
                FieldSchema("accounts", .list(.string), "Online account identifiers and screen names.", sensitivity: .suspect),
                FieldSchema("address", .string, "Home address.", sensitivity: .suspect),
                FieldSchema("date_of_birth", .date, "Date of birth.", sensitivity: .suspect),
            ]),
    ]
}
