import Foundation
@testable import ReadinessKit

// libFuzzer calls LLVMFuzzerTestOneInput once per input; the target is chosen by the environment
// variable READINESS_FUZZ_TARGET (loader, csv or expression), which scripts/fuzz.sh sets.

/// The target this process fuzzes.
let selectedTarget: FuzzEntryPoints.Target = {
    let name = ProcessInfo.processInfo.environment["READINESS_FUZZ_TARGET"] ?? ""
    guard let target = FuzzEntryPoints.Target(rawValue: name) else {
        let names = FuzzEntryPoints.Target.allCases.map(\.rawValue).joined(separator: ", ")
        fatalError("set READINESS_FUZZ_TARGET to one of: \(names)")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let problems = FuzzEntryPoints.run(selectedTarget, Data(bytes: start, count: count))
    if !problems.isEmpty {
        // A broken guarantee that did not crash by itself: crash, so libFuzzer saves the input.
        fatalError("broken guarantee in \(selectedTarget.rawValue):\n" + problems.joined(separator: "\n"))
    }
    return 0
}
