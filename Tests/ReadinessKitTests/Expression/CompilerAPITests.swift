import Foundation
import Testing
@testable import ReadinessKit

@Suite struct CompilerAPITests {
    @Test(arguments: [
        ("item.size_bytes", ExpressionType.int),
        ("item.device", .reference("devices")),
        ("item.location", .enumeration(BundleEnums.fileLocation)),
        ("evidence", .list(.record("EvidenceItem"))),
        ("cybertip_files", .list(.record("CyberTipFile"))),
        ("circuit_policy['9th'].days", .int),
        ("days(1)", .duration),
        ("case.search_at", .time),
        ("as_of + days(1)", .time),
        ("evidence.map(e, e.size_bytes)", .list(.int)),
        ("{'a': 1.5}['a']", .number),
        ("n > 1 ? 1 : 2.5", .number),
        ("devices['D1']", .record("Device")),
    ])
    func infersTheType(_ text: String, _ type: ExpressionType) throws {
        #expect(try ExpressionFixture.compile(text).type == type)
    }

    @Test(arguments: [
        ("ghost.name", "type 'Ghost' is not in the bundle schema or the pack's tables"),
        ("circuit_policy", "the expression gives a whole table 'circuit_policy', which cannot be a result"),
        ("circuit_policy['9th']", "the expression gives a whole row of table 'circuit_policy', which cannot be a result"),
        ("{'a': 1}", "the expression gives a whole map(int), which cannot be a result"),
    ])
    func rejectsValuesThatCannotBeResults(_ text: String, _ message: String) throws {
        var environment = ExpressionFixture.environment
        environment.declareVariable("ghost", type: .record("Ghost"))
        let error = try #require(throws: DiagnosticError.self) {
            try ExpressionCompiler.compile(ExpressionFixture.source(text), in: environment)
        }
        #expect(error.diagnostics.map(\.message) == [message])
        #expect(error.diagnostics.map(\.id) == ["expr.type-mismatch"])
    }

    @Test func listsTheFieldsRead() throws {
        let compiled = try ExpressionFixture.compile("item.location == 'allocated' and item.device.kind == 'laptop' and has(f.opened_under)")
        #expect(compiled.fieldsRead == ["EvidenceItem.location", "EvidenceItem.device", "Device.kind", "CyberTipFile.opened_under"])
    }

    @Test func keepsTheSource() throws {
        let compiled = try ExpressionFixture.compile("true")
        #expect(compiled.source.text == "true")
        #expect(compiled.source.file == "rules/test.yaml")
    }

    @Test func declaringAVariableAgainKeepsItsSlot() {
        var environment = ExpressionEnvironment()
        #expect(environment.declareVariable("item", type: .record("EvidenceItem")) == 0)
        #expect(environment.declareVariable("f", type: .record("CyberTipFile")) == 1)
        #expect(environment.declareVariable("item", type: .record("Device")) == 0)
        #expect(environment.variableCount == 2)
    }

    @Test func aRecordOfAnotherTypeIsReadByName() throws {
        let compiled = try ExpressionFixture.compile("item.location == 'allocated'")
        var context = ExpressionFixture.context()
        context.variables[0] = .record(ExpressionFixture.record("Device", ["id": "D5", "kind": "phone"], origin: .root))
        #expect(compiled.evaluate(&context) == U)
    }

    @Test func shortVariableArraysAreTreatedAsUnbound() throws {
        let compiled = try ExpressionFixture.compile("has(item.notes) or item.size_bytes > 1")
        var context = ExpressionFixture.context()
        context.variables = []
        #expect(compiled.evaluate(&context) == U)
    }

    @Test func resultConveniences() {
        #expect(T.truth == true)
        #expect(F.truth == false)
        #expect(U.truth == nil)
        #expect(U.isUnknown)
        #expect(EvaluationResult.error("x").errorMessage == "x")
        #expect(EvaluationResult.value(3).value == 3)
    }

    @Test func aCompiledExpressionIsSharedAcrossThreads() async throws {
        let compiled = try ExpressionFixture.compile("evidence.count(e, e.size_bytes >= 1000 and has(e.device)) == 2 and item.id.matches(r'^E-\\d+$')")
        let results = await withTaskGroup(of: EvaluationResult.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var context = ExpressionFixture.context()
                    var last = EvaluationResult.unknown
                    for _ in 0..<200 { last = compiled.evaluate(&context) }
                    return last
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == Array(repeating: T, count: 8))
    }

    @Test func theRegistryMatchesTheFunctionFiles() throws {
        let here = #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        let folder = "/" + here + "/Sources/ReadinessKit/Expression/Functions"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix("Functions.swift") }.map { String($0.dropLast(".swift".count)) }
        #expect(Set(FunctionRegistry.families.map(\.name)) == Set(files), "every Functions/*Functions.swift family is registered once")
        #expect(FunctionRegistry.families.count == files.count)
        let names = FunctionRegistry.functions.map(\.name)
        #expect(Set(names).count == names.count, "function names are unique")
        for function in FunctionRegistry.functions {
            #expect(function.usage.contains(function.name) && !function.summary.isEmpty)
        }
    }

    @Test func theReferenceDocumentsEveryFunctionMacroAndDiagnostic() throws {
        let root = "/" + #filePath.split(separator: "/").dropLast(4).joined(separator: "/")
        let reference = try String(contentsOfFile: root + "/docs/rule-language.md", encoding: .utf8)
        let names = FunctionRegistry.functions.map(\.name) + FunctionRegistry.macros.keys.sorted()
        for name in names {
            #expect(reference.contains("\n| `\(name)"), "docs/rule-language.md lacks a row for '\(name)'")
        }
        for id in Set(DiagnosticTests.cases.map(\.id)) {
            #expect(reference.contains("`\(id)`"), "docs/rule-language.md lacks diagnostic \(id)")
        }
    }
}
