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

// SwiftPM links an executable's entry point as `<module>_main` (renamed to `main` at link time), so
// the entry point here hands control to libFuzzer's driver instead of libFuzzer's own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("ReadinessFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, size in fuzzOneInput(start, size) }
}
