/// Every built-in function and macro, in one list; a test checks it against `Functions/`.
enum FunctionRegistry {
    /// Built-in functions by family; each family lives in `Functions/<Family>.swift`.
    static let families: [(name: String, functions: [BuiltinFunction])] = [
        ("SizeFunctions", SizeFunctions.all),
        ("AggregateFunctions", AggregateFunctions.all),
        ("StringFunctions", StringFunctions.all),
        ("RegexFunctions", RegexFunctions.all),
        ("TemporalFunctions", TemporalFunctions.all),
    ]

    /// Every built-in function.
    static let functions: [BuiltinFunction] = families.flatMap(\.functions)

    /// Macros: forms the checker handles itself because they bind a variable or test presence.
    static let macros: [String: String] = [
        "has": "has(record.field)",
        "all": "list.all(x, condition)",
        "exists": "list.exists(x, condition)",
        "exists_one": "list.exists_one(x, condition)",
        "filter": "list.filter(x, condition)",
        "map": "list.map(x, expression)",
        "count": "list.count(x, condition)",
    ]

    private static let byName: [String: BuiltinFunction] = Dictionary(
        functions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The function with this name.
    static func function(named name: String) -> BuiltinFunction? { byName[name] }

    /// Every name a call may use, for "did you mean" hints.
    static var callableNames: [String] { functions.map(\.name) + macros.keys.sorted() }
}
