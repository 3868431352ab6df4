/// The closed word lists of bundle format version 1.
public enum BundleEnums {
    public static let jurisdiction = EnumType(
        "jurisdiction", ["US-FED", "US-CA", "UK-EW"])
    public static let circuit = EnumType(
        "circuit", ["1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th", "DC"])
    public static let stage = EnumType(
        "stage", ["investigation", "pre_charge", "charged", "indicted", "trial", "sentencing"])
    public static let offence = EnumType(
        "offence",
        [
            "possession", "access_with_intent_to_view", "receipt", "distribution", "production",
            "pandering", "obscenity", "making", "taking", "possession_with_view_to_distribute",
            "prohibited_image", "image_generator",
        ])
    public static let depictionTheory = EnumType(
        "depiction_theory",
        [
            "identified_real_child", "unidentified_real_child", "morphed_identifiable_minor",
            "indistinguishable", "ai_generated", "obscenity", "pandering", "pseudo_photograph",
            "prohibited_image",
        ])
    public static let fileLocation = EnumType(
        "file_location",
        [
            "allocated", "unallocated", "browser_cache", "thumbnail_cache", "recycle_bin", "app_cache",
            "cloud_sync", "p2p_shared", "p2p_incomplete",
        ])
    public static let hashAlgorithm = EnumType("hash_algorithm", ["md5", "sha1", "sha256", "photodna", "pdq"])
    public static let knownHashSource = EnumType(
        "known_hash_source", ["ncmec", "caid", "project_vic", "provider"])
    public static let ukCategory = EnumType("uk_category", ["A", "B", "C"])
    public static let gradingMethod = EnumType(
        "grading_method", ["caid_trusted", "manual", "hash_match_unreviewed"])
    public static let realChildEvidence = EnumType(
        "real_child_evidence",
        [
            "identified_victim", "expert_opinion", "exif_camera", "original_capture_device", "admission",
            "provenance", "jury_view_only",
        ])
    public static let syntheticIndicator = EnumType(
        "synthetic_indicator",
        [
            "provider_generative_ai_flag", "generator_metadata", "model_files_on_device", "prompt_logs",
            "c2pa_manifest", "visual_artifacts",
        ])
    public static let userAction = EnumType(
        "user_action",
        [
            "lnk_file", "jump_list", "shellbags", "recent_documents", "media_player_history",
            "user_created_folder", "renamed", "moved", "opened_in_viewer", "printed", "shared", "sent",
            "search_term_link", "p2p_share_enabled",
        ])
    public static let deviceKind = EnumType(
        "device_kind",
        [
            "computer", "laptop", "phone", "tablet", "external_drive", "usb_stick", "memory_card",
            "cloud_account", "forensic_image", "other",
        ])
    public static let incidentType = EnumType(
        "incident_type",
        [
            "child_pornography", "child_sex_trafficking", "child_sex_tourism", "child_sexual_molestation",
            "misleading_domain_name", "misleading_words_or_digital_images", "online_enticement",
            "unsolicited_obscene_material", "other",
        ])
    public static let fileRelevance = EnumType("file_relevance", ["reported", "supplemental_reported"])
    public static let industryClassification = EnumType(
        "industry_classification", ["A1", "A2", "B1", "B2"])
    public static let certificationType = EnumType(
        "certification_type", ["fre_902_11", "fre_902_13", "fre_902_14", "uk_s117", "uk_s127"])
    public static let processKind = EnumType(
        "process_kind",
        [
            "search_warrant", "order_2703d", "subpoena", "preservation_2703f", "court_order", "mlat_request",
            "pace_s8_warrant", "production_order",
        ])
    public static let witnessRole = EnumType(
        "witness_role",
        [
            "forensic_examiner", "case_agent", "custody_officer", "provider_custodian", "isp_custodian",
            "ncmec_custodian", "identifying_officer", "undercover_officer", "pediatric_expert",
            "ai_forensics_expert", "image_grader", "victim", "other",
        ])
    public static let indicatorKind = EnumType(
        "indicator_kind",
        [
            "search_terms", "user_created_folder", "p2p_sharing_enabled", "admission", "chat_discussion",
            "file_renamed", "viewer_history", "exclusive_use", "password_protected", "account_login",
            "personal_documents_nearby", "other",
        ])
    public static let attestationAnswer = EnumType(
        "attestation_answer", ["satisfied", "not_satisfied", "not_applicable"])
    public static let documentKind = EnumType(
        "document_kind",
        [
            "case_summary", "exhibit_list", "examiner_report", "grading_report", "certification",
            "affidavit", "disclosure_schedule", "streamlined_forensic_report", "victim_information",
            "witness_statement", "other",
        ])
    public static let availability = EnumType("availability", ["available", "unavailable", "unknown"])
}

extension BundleEnums {
    /// NCMEC `fileAnnotations` tags, in snake_case.
    public static let fileAnnotation = EnumType(
        "file_annotation",
        [
            "anime_drawing_virtual_hentai", "potential_meme", "viral", "possible_self_production",
            "physical_harm", "violence_gore", "bestiality", "live_streaming", "infant", "generative_ai",
        ])
    /// NCMEC `reportAnnotations` tags, in snake_case.
    public static let reportAnnotation = EnumType(
        "report_annotation",
        ["sextortion", "csam_solicitation", "minor_to_minor_interaction", "spam", "sadistic_online_exploitation"])
}
