import Testing
@testable import ReadinessKit

/// One expected diagnostic: `1️⃣` in the expression marks the position it must point at.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var marked: String
    var id: String
    var message: String
    var hint: String
    var expecting: ExpressionType? = nil

    var testDescription: String { "\(id): \(marked)" }

    /// The expression without its marker, and the marker's offset in Unicode scalars.
    var textAndOffset: (String, Int) {
        let marker = "1️⃣"
        guard let range = marked.range(of: marker) else { return (marked, 0) }
        let offset = marked.unicodeScalars[..<range.lowerBound].count
        return (marked.replacingCharacters(in: range, with: ""), offset)
    }
}

@Suite struct DiagnosticTests {
    /// Expressions are placed as if written at rules/test.yaml line 12, column 14.
    static let line = 12, column = 14

    static let cases: [DiagnosticCase] = [
        DiagnosticCase(marked: "item.location == 1️⃣", id: "expr.syntax", message: "expected a value, found end of expression", hint: "complete the expression"),
        DiagnosticCase(marked: "item.location 1️⃣= 'x'", id: "expr.syntax", message: "unexpected '='", hint: "use '==' to compare values"),
        DiagnosticCase(marked: "(1 + 21️⃣", id: "expr.syntax", message: "expected ')' to close '(', found end of expression", hint: "check that brackets and quotes are balanced"),
        DiagnosticCase(marked: "item.id == 1️⃣'abc", id: "expr.syntax", message: "unterminated string", hint: "close the string with ' on the same line"),
        DiagnosticCase(marked: "has(item.notes) 1️⃣item", id: "expr.syntax", message: "unexpected 'item' after the end of the expression", hint: "join conditions with 'and' or 'or'"),
        DiagnosticCase(marked: "item.id 1️⃣# 1", id: "expr.syntax", message: "unexpected character '#'", hint: "remove it or put it inside quotes"),
        DiagnosticCase(marked: "evidence.all(1️⃣1, true)", id: "expr.syntax", message: "the first argument of 'all' must be a variable name", hint: "name each element, as in list.all(x, condition)"),
        DiagnosticCase(marked: #"item.id == '1️⃣\q'"#, id: "expr.syntax", message: #"unknown escape '\q' in string"#, hint: #"write \\ for a backslash, or use a raw string r'…' for regular expressions"#),
        DiagnosticCase(marked: "1️⃣all(evidence, e, e.deleted)", id: "expr.syntax", message: "'all' cannot be called this way", hint: "write it as list.all(x, condition)"),
        DiagnosticCase(marked: "item.1️⃣has(notes)", id: "expr.syntax", message: "'has' cannot be called this way", hint: "write it as has(record.field)"),
        DiagnosticCase(marked: "1️⃣iten.location == 'allocated'", id: "expr.unknown-name", message: "unknown name 'iten'", hint: "did you mean 'item'?"),
        DiagnosticCase(marked: "1️⃣zzz > 1", id: "expr.unknown-name", message: "unknown name 'zzz'", hint: "names in scope are the bundle sections, 'as_of', the rule's variables and the pack's tables"),
        DiagnosticCase(marked: "item.1️⃣hash_verifed", id: "expr.unknown-field", message: "unknown field 'hash_verifed' on EvidenceItem", hint: "did you mean 'hash_verified'?"),
        DiagnosticCase(marked: "item.device.1️⃣knd == 'laptop'", id: "expr.unknown-field", message: "unknown field 'knd' on Device", hint: "did you mean 'kind'?"),
        DiagnosticCase(marked: "item.1️⃣qqqqqqqq", id: "expr.unknown-field", message: "unknown field 'qqqqqqqq' on EvidenceItem", hint: "see the fields of EvidenceItem in docs/bundle-format.md"),
        DiagnosticCase(marked: "circuit_policy['9th'].1️⃣polcy == 'x'", id: "expr.unknown-field", message: "unknown column 'polcy' in table 'circuit_policy'", hint: "did you mean 'policy'?"),
        DiagnosticCase(marked: "1️⃣sise(evidence) > 0", id: "expr.unknown-function", message: "unknown function 'sise'", hint: "did you mean 'size'?"),
        DiagnosticCase(marked: "evidence.1️⃣alll(e, e.deleted)", id: "expr.unknown-function", message: "unknown function 'alll'", hint: "did you mean 'all'?"),
        DiagnosticCase(marked: "item.path.1️⃣startsWith()", id: "expr.arity", message: "'startsWith' takes 1 argument after the dot, got 0", hint: "use it as text.startsWith(prefix)"),
        DiagnosticCase(marked: "1️⃣size(evidence, 2) > 0", id: "expr.arity", message: "'size' takes 1 argument, got 2", hint: "use it as size(list)"),
        DiagnosticCase(marked: "1️⃣has(item.notes, item.path)", id: "expr.arity", message: "'has' takes 1 argument, got 2", hint: "use it as has(record.field)"),
        DiagnosticCase(marked: "item.created_at 1️⃣< '2026-01-01'", id: "expr.type-mismatch", message: "cannot compare time < string", hint: "write a date as date('YYYY-MM-DD') or a moment as timestamp('YYYY-MM-DDTHH:MM:SSZ')"),
        DiagnosticCase(marked: "item.size_bytes 1️⃣and true", id: "expr.type-mismatch", message: "'and' needs true or false, not int", hint: "compare the value to get true or false, e.g. x > 0 or has(x)"),
        DiagnosticCase(marked: "1️⃣item.size_bytes", id: "expr.type-mismatch", message: "the expression gives int, but bool is needed here", hint: "compare the value to get true or false, e.g. x > 0 or has(x)", expecting: .bool),
        DiagnosticCase(marked: "item.notes 1️⃣== null", id: "expr.type-mismatch", message: "comparing with 'null' is always unknown", hint: "use has(…) to test whether a fact is present"),
        DiagnosticCase(marked: "evidence.1️⃣hash_verified", id: "expr.type-mismatch", message: "cannot read field 'hash_verified' of a list", hint: "test every element with all/exists, e.g. list.all(x, x.hash_verified)"),
        DiagnosticCase(marked: "1️⃣size(3)", id: "expr.type-mismatch", message: "'size' cannot take (int)", hint: "use it as size(list)"),
        DiagnosticCase(marked: "as_of 1️⃣+ 3", id: "expr.type-mismatch", message: "cannot compute time + int", hint: "arithmetic works on numbers; times take durations, e.g. as_of - days(30)"),
        DiagnosticCase(marked: "item.path.matches(1️⃣item.notes)", id: "expr.invalid-regex", message: "the pattern of 'matches' must be a string literal", hint: "write the pattern in quotes, e.g. text.matches(r'^E-[0-9]+$')"),
        DiagnosticCase(marked: "date(1️⃣'2026-02-30') < as_of", id: "expr.invalid-literal", message: "'2026-02-30' is not a real calendar date", hint: "write it as date('YYYY-MM-DD')"),
        DiagnosticCase(marked: "timestamp(1️⃣'2026-01-31T10:00:00') < as_of", id: "expr.invalid-literal", message: "timestamp '2026-01-31T10:00:00' has no UTC offset, so the moment it names is ambiguous", hint: "write it as timestamp('YYYY-MM-DDTHH:MM:SSZ')"),
        DiagnosticCase(marked: "item.size_bytes > 1️⃣99999999999999999999", id: "expr.invalid-literal", message: "number '99999999999999999999' is too large", hint: "whole numbers must lie between -9223372036854775808 and 9223372036854775807"),
        DiagnosticCase(marked: "item.location == 1️⃣'unalocated'", id: "expr.unknown-enum-case", message: "unknown file_location 'unalocated'", hint: "did you mean 'unallocated'?"),
        DiagnosticCase(marked: "item.location in ['allocated', 1️⃣'cloud']", id: "expr.unknown-enum-case", message: "unknown file_location 'cloud'", hint: "file_location is one of 'allocated', 'unallocated', 'browser_cache', 'thumbnail_cache', 'recycle_bin', 'app_cache', 'cloud_sync', 'p2p_shared', 'p2p_incomplete'"),
        DiagnosticCase(marked: "1️⃣'ncmecc' in item.known_hash_sources", id: "expr.unknown-enum-case", message: "unknown known_hash_source 'ncmecc'", hint: "did you mean 'ncmec'?"),
        DiagnosticCase(marked: String(repeating: "(", count: 100) + "1️⃣1" + String(repeating: ")", count: 100), id: "expr.too-complex", message: "expression nests deeper than 100 levels", hint: "split it into simpler conditions or shorter rules"),
        DiagnosticCase(marked: "1️⃣" + String(repeating: "1 + ", count: 2_600) + "1", id: "expr.too-complex", message: "expression is longer than 10000 characters", hint: "split it into simpler conditions or shorter rules"),
    ]

    @Test(arguments: cases)
    func reportsAtTheMarkedPosition(_ row: DiagnosticCase) {
        let (text, offset) = row.textAndOffset
        let source = ExpressionFixture.source(text, line: Self.line, column: Self.column)
        let expected = Diagnostic(
            .error, id: row.id, message: row.message,
            at: SourceLocation(file: "rules/test.yaml", line: Self.line, column: Self.column + offset), hint: row.hint)
        #expect(throws: DiagnosticError.self) {
            try ExpressionCompiler.compile(source, in: ExpressionFixture.environment, expecting: row.expecting)
        }
        do {
            _ = try ExpressionCompiler.compile(source, in: ExpressionFixture.environment, expecting: row.expecting)
        } catch {
            #expect(error.diagnostics == [expected])
        }
    }

    @Test func everyDiagnosticKindIsCovered() {
        let kinds = Set(Self.cases.map(\.id))
        #expect(kinds == [
            "expr.syntax", "expr.unknown-name", "expr.unknown-field", "expr.unknown-function", "expr.arity",
            "expr.type-mismatch", "expr.invalid-regex", "expr.invalid-literal", "expr.unknown-enum-case", "expr.too-complex",
        ])
    }

    @Test func anInvalidPatternIsReportedWithTheRegexError() throws {
        let source = ExpressionFixture.source("item.path.matches('[a-')", line: 3, column: 5)
        let error = try #require(throws: DiagnosticError.self) { try ExpressionCompiler.compile(source, in: ExpressionFixture.environment) }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.id == "expr.invalid-regex")
        #expect(diagnostic.message == "invalid regular expression '[a-'")
        #expect(diagnostic.location == SourceLocation(file: "rules/test.yaml", line: 3, column: 23))
        #expect(diagnostic.hint?.hasPrefix("fix the pattern: ") == true)
    }

    @Test func aBlockScalarMapsItsSecondLineToTheFile() throws {
        // require: |
        //       item.location == 'allocated'
        //       and item.hash_verifed
        let source = ExpressionFixture.source(
            "item.location == 'allocated'\nand item.hash_verifed", line: 20, column: 7, continuationColumn: 7)
        let error = try #require(throws: DiagnosticError.self) { try ExpressionCompiler.compile(source, in: ExpressionFixture.environment) }
        #expect(error.diagnostics == [
            Diagnostic(
                .error, id: "expr.unknown-field", message: "unknown field 'hash_verifed' on EvidenceItem",
                at: SourceLocation(file: "rules/test.yaml", line: 21, column: 16), hint: "did you mean 'hash_verified'?")
        ])
    }

    @Test func inexactPositionsPointAtTheStartOfTheScalar() throws {
        let source = ExpressionFixture.source("item.hash_verifed", line: 8, column: 12, exact: false)
        let error = try #require(throws: DiagnosticError.self) { try ExpressionCompiler.compile(source, in: ExpressionFixture.environment) }
        #expect(error.diagnostics.map(\.location) == [SourceLocation(file: "rules/test.yaml", line: 8, column: 12)])
    }

    @Test func collectsEveryProblemInOneExpression() throws {
        let source = ExpressionFixture.source("itme.location == 'x' and item.hash_verifed and item.location == 'unalocated'")
        let error = try #require(throws: DiagnosticError.self) { try ExpressionCompiler.compile(source, in: ExpressionFixture.environment) }
        #expect(error.diagnostics.map(\.id) == ["expr.unknown-name", "expr.unknown-field", "expr.unknown-enum-case"])
        #expect(error.diagnostics.map { $0.location?.column } == [1, 31, 65])
    }

    @Test func columnsCountUnicodeScalars() throws {
        let source = ExpressionFixture.source("'héllo' == 'x' and item.hash_verifed")
        let error = try #require(throws: DiagnosticError.self) { try ExpressionCompiler.compile(source, in: ExpressionFixture.environment) }
        #expect(error.diagnostics.first?.location?.column == 25)
    }
}
