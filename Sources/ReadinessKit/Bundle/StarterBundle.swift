/// The commented starter bundle written by `readiness init`.
public enum StarterBundle {
    /// File names and contents, in writing order.
    public static let files: [(name: String, contents: String)] = [("case.yaml", caseFile), ("evidence.csv", evidenceFile)]

    static let evidenceFile = """
        id,device,location,sha256,hash_verified
        E-0001,D1,allocated,0000000000000000000000000000000000000000000000000000000000000000,

        """

    static let caseFile = """
        # Readiness case bundle — format version 1. Metadata only: never put images or videos here.
        # Every fact you do not know yet can simply be left out: Readiness treats an absent fact as
        # "not established" (unknown), never as false, and tells you which facts it still needs.
        # Reference: docs/bundle-format.md. Check this file with: readiness validate <folder>
        format: readiness-bundle/1

        case:
          id: "2026-CR-0001"                 # your office's case number
          caption: United States v. Example (fictional)
          jurisdiction: US-FED               # US-FED, US-CA or UK-EW: selects the rule packs
          circuit: 9th                       # US federal only: drives the private-search policy
          venue: D. Example
          stage: pre_charge                  # investigation, pre_charge, charged, indicted, trial, sentencing
          report_received_at: 2026-01-15     # a date, or a timestamp with offset: 2026-01-15T09:30:00-08:00
          investigator:
            name: Investigator Name
            agency: Example Task Force
          prosecutor:
            name: Prosecutor Name

        # One entry per proposed count. 'evidence' lists the evidence item ids the count rests on.
        charges:
          - id: C1
            statute: 18 U.S.C. § 2252A(a)(5)(B)
            offence: possession
            theory: unidentified_real_child
            evidence: [E-0001]

        # Devices, accounts and forensic images. Evidence items point at them by id.
        devices:
          - id: D1
            kind: laptop
            description: Example laptop (fictional serial)
            acquisition:
              tool: Example Imager
              tool_version: "1.0"
              write_blocked: true

        # Media files found live in evidence.csv next to this file: one row per item (metadata only),
        # one column per field (id, device, location, sha256, hash_verified, …; see docs/bundle-format.md).
        # Leave a cell empty while a fact is not established, e.g. hash_verified until the examiner
        # has verified it. `readiness import evidence` fills it from a forensic tool's export.

        witnesses:
          - id: WIT1
            name: Examiner Name
            role: forensic_examiner
            # available: true                # leave out while unknown

        # Other sections: cybertips, legal_process, victims (pseudonymous ids only), suspects,
        # indicators, documents, waivers, attestations. Each may also live in its own file next to
        # this one, e.g. witnesses.yaml holding the list.

        """
}
