/// Resolves pack inheritance and compiles every rule's expressions against the bundle schema.
public enum ChecklistCompiler {
    /// The packs to use for a bundle of `jurisdiction`: every pack that names it, with the packs
    /// they extend (ancestors first).
    public static func select(from packs: [RulePack], jurisdiction: String) throws(DiagnosticError) -> [RulePack] {
        var chosen: [RulePack] = []
        for pack in packs where pack.jurisdictions.contains(jurisdiction) {
            for member in try chain(of: pack, in: packs) where !chosen.contains(where: { $0.id == member.id }) {
                chosen.append(member)
            }
        }
        guard !chosen.isEmpty else {
            let known = Set(packs.flatMap(\.jurisdictions)).sorted()
            throw DiagnosticError(Diagnostic(
                id: "rules.no-pack", message: "no rule pack covers jurisdiction '\(jurisdiction)'", at: nil,
                hint: known.isEmpty ? "add rule packs under rules/" : "packs cover: \(known.joined(separator: ", "))"))
        }
        return chosen
    }

    /// `pack` preceded by the packs it extends, root first.
    public static func chain(of pack: RulePack, in packs: [RulePack]) throws(DiagnosticError) -> [RulePack] {
        var chain = [pack]
        var current = pack
        while let parentID = current.extends {
            guard let parent = packs.first(where: { $0.id == parentID }) else {
                throw DiagnosticError(Diagnostic(
                    id: "rules.unknown-pack", message: "pack '\(current.id)' extends '\(parentID)', which is not loaded",
                    at: SourceLocation(file: current.file, line: 1, column: 1),
                    hint: Suggestion.didYouMean(parentID, in: packs.map(\.id)) ?? "load the parent pack too (pass its folder)"))
            }
            guard !chain.contains(where: { $0.id == parent.id }) else {
                throw DiagnosticError(Diagnostic(
                    id: "rules.extends-cycle", message: "packs extend each other in a cycle through '\(parent.id)'",
                    at: SourceLocation(file: current.file, line: 1, column: 1), hint: "remove one 'extends'"))
            }
            chain.insert(parent, at: 0)
            current = parent
        }
        return chain
    }

    /// Compiles the rules of `packs` (ancestors first), collecting every expression problem.
    public static func compile(_ packs: [RulePack], schema: BundleSchema = .v1) throws(DiagnosticError) -> CompiledChecklist {
        var environment = ExpressionEnvironment(schema: schema)
        var tables: [String: TableDeclaration] = [:]
        for table in packs.flatMap(\.tables) { tables[table.name] = table }
        for table in tables.values.sorted(by: { $0.name < $1.name }) {
            environment.declareTable(DataTable(name: table.name, columns: table.columns, rows: table.rows, defaultRow: table.defaultRow))
        }
        let offences = packs.flatMap(\.offences)
        environment.declareTable(offenceTable(offences))
        var diagnostics: [Diagnostic] = []
        var compiled: [CompiledRule] = []
        for rule in packs.flatMap(\.rules) {
            do throws(DiagnosticError) {
                compiled.append(try compileRule(rule, schema: schema, base: environment))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        var profiles: [String: Profile] = [:]
        for profile in packs.flatMap(\.profiles) { profiles[profile.name] = profile }
        return CompiledChecklist(packs: packs, rules: compiled, offences: offences, profiles: profiles, environment: environment)
    }

    /// The built-in table `offences`, keyed by statute, with the element ids of each offence.
    static func offenceTable(_ offences: [Offence]) -> DataTable {
        var rows: [String: [String: Value]] = [:]
        for offence in offences {
            rows[offence.statute] = [
                "id": .string(offence.id), "title": .string(offence.title),
                "elements": .list(offence.elements.map { .string($0.id) }),
            ]
        }
        return DataTable(name: "offences", columns: [("id", .string), ("title", .string), ("elements", .list(.string))],
                         rows: rows, defaultRow: nil)
    }

    static func compileRule(_ rule: Rule, schema: BundleSchema, base: ExpressionEnvironment) throws(DiagnosticError) -> CompiledRule {
        var environment = base
        var subjectType: String?
        var subjectSlot: Int?
        if let collection = rule.forEach {
            guard let schemaCollection = schema.collection(named: collection) else {
                throw DiagnosticError(Diagnostic(
                    id: "rules.unknown-collection", message: "rule '\(rule.id)' iterates over unknown collection '\(collection)'",
                    at: rule.location,
                    hint: Suggestion.didYouMean(collection, in: schema.collections.map(\.key))
                        ?? "collections: \(schema.collections.map(\.key).joined(separator: ", "))"))
            }
            subjectType = schemaCollection.recordType
            subjectSlot = environment.declareVariable(rule.variable, type: .record(schemaCollection.recordType))
        }
        var diagnostics: [Diagnostic] = []
        func expression(_ source: ExpressionSource?, expecting type: ExpressionType?) -> CompiledExpression? {
            guard let source else { return nil }
            do throws(DiagnosticError) {
                return try ExpressionCompiler.compile(source, in: environment, expecting: type)
            } catch {
                diagnostics += error.diagnostics
                return nil
            }
        }
        func template(_ source: TemplateSource) -> MessageTemplate? {
            do throws(DiagnosticError) {
                return try MessageTemplate.compile(source, in: environment)
            } catch {
                diagnostics += error.diagnostics
                return nil
            }
        }
        let appliesWhen = expression(rule.appliesWhen, expecting: .bool)
        let filter = expression(rule.filter, expecting: .bool)
        let require = expression(rule.require, expecting: .bool)
        let severityFrom = expression(rule.severityFrom, expecting: .string)
        let deadline = expression(rule.deadline, expecting: .time)
        let message = template(rule.message)
        let remediation = template(rule.remediation)
        guard diagnostics.isEmpty, let message, let remediation else { throw DiagnosticError(diagnostics) }
        return CompiledRule(rule: rule, subjectType: subjectType, subjectSlot: subjectSlot, environment: environment, appliesWhen: appliesWhen, filter: filter,
                            require: require, severityFrom: severityFrom, deadline: deadline, message: message,
                            remediation: remediation)
    }
}
