@testable import ReadinessKit

/// A small fictional bundle and environment shared by the expression tests.
enum ExpressionFixture {
    static let schema = BundleSchema.v1

    /// Builds a record of the named type from field values by name.
    static func record(_ typeName: String, _ values: [String: Value], origin: Record.Origin) -> Record {
        guard let type = schema.type(named: typeName) else { fatalError("no record type \(typeName) in the schema") }
        for name in values.keys where type.slot(of: name) == nil { fatalError("no field \(name) on \(typeName)") }
        return Record(type: type, fields: type.fieldNames.map { values[$0] ?? .null }, origin: origin, location: nil)
    }

    static func date(_ text: String) -> Value {
        guard case .date(let day) = TemporalParser.parse(text) else { fatalError("bad date \(text)") }
        return .date(day)
    }

    static func timestamp(_ text: String) -> Value {
        guard case .timestamp(let instant) = TemporalParser.parse(text) else { fatalError("bad timestamp \(text)") }
        return .timestamp(instant)
    }

    static func strings(_ items: String...) -> Value { .list(items.map(Value.string)) }

    private static func elements(_ field: String, parent: String? = nil, _ items: [(String, [String: Value])]) -> Value {
        .list(items.enumerated().map { index, item in
            .record(record(item.0, item.1, origin: .element(parent: parent, field: field, index: index)))
        })
    }

    static let evidence = elements("evidence", [
        ("EvidenceItem", [
            "id": "E-0001", "device": "D1", "location": "allocated", "hash_verified": true, "size_bytes": 2048,
            "user_actions": strings("lnk_file", "user_created_folder"), "known_hash_sources": strings("ncmec", "caid"),
            "created_at": date("2026-01-05"), "modified_at": timestamp("2026-01-06T10:00:00Z"), "path": "/Users/u1/Pictures/0001.jpg",
            "grading": .record(record("Grading", ["uk_category": "A", "us_prepubescent": true], origin: .field(parent: "evidence[E-0001]", field: "grading"))),
        ]),
        ("EvidenceItem", ["id": "E-0002", "device": "D1", "location": "unallocated", "size_bytes": 1000, "deleted": true]),
        ("EvidenceItem", [
            "id": "E-0003", "device": "D2", "location": "p2p_shared", "hash_verified": false, "size_bytes": 500,
            "cybertip_file": "CT1-F1", "is_video": true, "duration_seconds": 90,
        ]),
    ])

    static let root: Record = record("Bundle", [
        "format": "readiness-bundle/1",
        "case": .record(record("Case", [
            "id": "2026-CR-0142", "caption": "United States v. Doe (fictional)", "jurisdiction": "US-FED", "circuit": "9th",
            "stage": "pre_charge", "report_received_at": date("2026-02-03"), "search_at": timestamp("2026-03-10T06:05:00-08:00"),
            "excludable_days": 0, "in_custody": true,
        ], origin: .field(parent: nil, field: "case"))),
        "charges": elements("charges", [
            ("Charge", ["id": "C1", "count": 1, "statute": "18 U.S.C. § 2252A(a)(5)(B)", "offence": "possession",
                        "evidence": strings("E-0001", "E-0002"), "image_count": 10]),
            ("Charge", ["id": "C2", "count": 2, "statute": "18 U.S.C. § 2252A(a)(2)", "offence": "distribution",
                        "evidence": strings("E-0003")]),
        ]),
        "evidence": evidence,
        "devices": elements("devices", [
            ("Device", ["id": "D1", "kind": "laptop", "seized_under": "W1", "seized_at": timestamp("2026-03-10T06:30:00-08:00")]),
            ("Device", ["id": "D2", "kind": "phone"]),
        ]),
        "cybertips": elements("cybertips", [
            ("CyberTip", ["id": "900000001", "provider": "Examplechat Inc. (fictional)",
                          "files": elements("files", parent: "cybertips[900000001]", [
                              ("CyberTipFile", ["id": "CT1-F1", "file_viewed_by_esp": false, "opened_by_law_enforcement_at": date("2026-01-05"),
                                                "opened_under": "W1"]),
                              ("CyberTipFile", ["id": "CT1-F2", "file_viewed_by_esp": true]),
                          ])]),
        ]),
        "legal_process": elements("legal_process", [
            ("LegalProcess", ["id": "W1", "kind": "search_warrant", "issued_at": timestamp("2026-01-04T15:00:00Z"),
                              "expires_at": date("2026-02-01")]),
        ]),
        "witnesses": elements("witnesses", [("Witness", ["id": "WIT1", "role": "forensic_examiner", "available": true])]),
        "victims": .list([]),
    ], origin: .root)

    static let bundle = CaseBundle(root: root, sources: [])

    /// An evidence item outside the bundle whose device reference dangles.
    static let orphan = record("EvidenceItem", ["id": "E-9999", "device": "D9", "location": "allocated"], origin: .element(parent: nil, field: "evidence", index: 9))

    static let circuitPolicy = DataTable(
        name: "circuit_policy", columns: [("policy", .string), ("severity", .string), ("days", .int)],
        rows: ["9th": ["policy": "warrant_required", "severity": "blocker", "days": 14], "4th": ["policy": "private_search_ok", "severity": "minor"]],
        defaultRow: ["policy": "unsettled", "severity": "major", "days": 30])
    static let strictTable = DataTable(name: "limits", columns: [("max", .int)], rows: ["possession": ["max": 10]], defaultRow: nil)

    /// The environment: variables `item`, `f`, `charge`, `n`, `flag`, `orphan` and two tables.
    static let environment: ExpressionEnvironment = {
        var environment = ExpressionEnvironment()
        environment.declareVariable("item", type: .record("EvidenceItem"))
        environment.declareVariable("f", type: .record("CyberTipFile"))
        environment.declareVariable("charge", type: .record("Charge"))
        environment.declareVariable("n", type: .int)
        environment.declareVariable("flag", type: .bool)
        environment.declareVariable("orphan", type: .record("EvidenceItem"))
        environment.declareTable(circuitPolicy)
        environment.declareTable(strictTable)
        return environment
    }()

    static let asOf: Day = Day(year: 2026, month: 3, day: 1) ?? Day(daysSinceEpoch: 0)

    /// A context with `item`, `f` and `charge` bound to the records with these ids.
    static func context(item: String = "E-0001", file: String = "CT1-F1", charge: String = "C1", n: Value = 7, flag: Value = .null) -> EvaluationContext {
        var context = EvaluationContext(bundle: bundle, asOf: asOf, environment: environment)
        context.variables = [
            bundle.record(in: "evidence", id: item).map(Value.record) ?? .null,
            bundle.record(in: "cybertip_files", id: file).map(Value.record) ?? .null,
            bundle.record(in: "charges", id: charge).map(Value.record) ?? .null,
            n, flag, .record(orphan),
        ]
        return context
    }

    static func source(_ text: String, line: Int = 1, column: Int = 1, continuationColumn: Int? = nil, exact: Bool = true) -> ExpressionSource {
        ExpressionSource(
            text: text, file: "rules/test.yaml", start: SourceLocation(file: "rules/test.yaml", line: line, column: column),
            continuationColumn: continuationColumn, positionsExact: exact)
    }

    static func compile(_ text: String, expecting: ExpressionType? = nil) throws(DiagnosticError) -> CompiledExpression {
        try ExpressionCompiler.compile(source(text), in: environment, expecting: expecting)
    }

    /// Compiles and evaluates, turning compile errors into an error result prefixed `compile:`.
    static func evaluate(_ text: String, in context: EvaluationContext = context()) -> EvaluationResult {
        var context = context
        do {
            return try compile(text).evaluate(&context)
        } catch {
            return .error("compile: \(error.description)")
        }
    }
}
