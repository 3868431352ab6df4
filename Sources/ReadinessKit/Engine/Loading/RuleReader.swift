import Yams

/// Reads one rule, and its test cases, from a pack file.
struct RuleReader {
    var reader: PackReader
    let packID: String
    let defaultJurisdiction: String

    static let keys = [
        "id", "title", "theme", "severity", "severity_from", "owner", "profiles", "applies_when", "for_each", "as", "where",
        "require", "manual", "message", "remediation", "deadline", "legal_basis", "waivable", "tags", "tests",
    ]

    mutating func rule(_ node: Yams.Node) -> Rule? {
        guard let fields = reader.fields(of: node, in: "a rule", allowed: Self.keys,
                                         required: ["id", "title", "theme", "severity", "owner", "message", "remediation"])
        else { return nil }
        let location = reader.document.location(of: node)
        let id = reader.string(fields["id"], "id") ?? ""
        var question: String?
        if let manual = fields["manual"], let parts = reader.fields(of: manual, in: "manual", allowed: ["question"], required: ["question"]) {
            question = reader.string(parts["question"], "question")
        }
        let require = reader.expression(fields["require"], "require")
        if (require == nil) == (question == nil) {
            reader.report("rules.missing-field", "rule '\(id)' needs exactly one of 'require' (a computed check) or 'manual' (a question)",
                          at: node, hint: "add 'require: <expression>' or 'manual: {question: …}'")
        }
        guard let theme = reader.word(fields["theme"], "theme", as: Theme.self),
            let severity = reader.word(fields["severity"], "severity", as: Severity.self),
            let owner = reader.word(fields["owner"], "owner", as: Owner.self),
            let message = template(fields["message"], "message"), let remediation = template(fields["remediation"], "remediation")
        else { return nil }
        let variable = reader.string(fields["as"], "as") ?? "item"
        let tests = (fields["tests"].flatMap { testList($0, ruleID: id) }) ?? []
        return Rule(
            id: id, title: reader.string(fields["title"], "title") ?? id, theme: theme, severity: severity,
            severityFrom: reader.expression(fields["severity_from"], "severity_from"), owner: owner,
            profiles: reader.strings(fields["profiles"], "profiles"), appliesWhen: reader.expression(fields["applies_when"], "applies_when"),
            forEach: reader.string(fields["for_each"], "for_each"), variable: variable,
            filter: reader.expression(fields["where"], "where"), require: require, question: question,
            message: message, remediation: remediation, deadline: reader.expression(fields["deadline"], "deadline"),
            legalBasis: reader.strings(fields["legal_basis"], "legal_basis") ?? [],
            waivable: reader.bool(fields["waivable"], "waivable") ?? true, tags: reader.strings(fields["tags"], "tags") ?? [],
            tests: tests, location: location, pack: packID)
    }

    private mutating func template(_ node: Yams.Node?, _ key: String) -> TemplateSource? {
        guard let source = reader.expression(node, key) else { return nil }
        return TemplateSource(text: source.text, source: source)
    }

    private mutating func testList(_ node: Yams.Node, ruleID: String) -> [RuleTest]? {
        guard case .sequence(let sequence) = node else {
            reader.report("rules.wrong-type", "'tests' must be a list of test cases", at: node)
            return nil
        }
        return sequence.compactMap { test($0, ruleID: ruleID) }
    }

    private mutating func test(_ node: Yams.Node, ruleID: String) -> RuleTest? {
        guard let fields = reader.fields(of: node, in: "a test of '\(ruleID)'", allowed: ["name", "bundle", "expect", "as_of"],
                                         required: ["name", "expect"]),
            let expectNode = fields["expect"]
        else { return nil }
        var expected: [String?: CheckResult] = [:]
        if case .mapping(let pairs) = expectNode {
            for (subject, outcome) in pairs {
                if let result = reader.word(outcome, "expected result", as: CheckResult.self) { expected[subject.string ?? ""] = result }
            }
        } else if let result = reader.word(expectNode, "expected result", as: CheckResult.self) {
            expected[nil] = result
        }
        var asOf: Day?
        if let node = fields["as_of"], let text = reader.string(node, "as_of") {
            guard case .date(let day) = TemporalParser.parse(text) else {
                reader.report("rules.invalid-date", "'as_of' must be a date YYYY-MM-DD", at: node)
                return nil
            }
            asOf = day
        }
        var builder = TestBundleBuilder(document: reader.document, jurisdiction: defaultJurisdiction)
        let bundle = builder.bundle(from: fields["bundle"])
        builder.diagnostics.forEach { reader.report($0) }
        guard let bundle else { return nil }
        return RuleTest(name: reader.string(fields["name"], "name") ?? "", bundle: bundle, asOf: asOf, expected: expected,
                        location: reader.document.location(of: node))
    }
}
