// swift-tools-version: 6.1
//
// The libFuzzer harness for Readiness, kept out of the root package so that `swift build` and
// `swift test` never compile it. Build and run it with `scripts/fuzz.sh TARGET SECONDS`, which
// passes the sanitizer flags (-sanitize=fuzzer,address) and -enable-testing (the entry points
// reach internal readers with @testable import).
//
// The entry points live in Tests/ReadinessKitTests/Hostile/FuzzEntryPoints.swift, linked into
// Sources/ReadinessFuzz, so `swift test` replays the corpus through the very same code.
import PackageDescription

let package = Package(
    name: "ReadinessFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Readiness", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ReadinessFuzz",
            dependencies: [.product(name: "ReadinessKit", package: "Readiness")],
            path: "Sources/ReadinessFuzz"
        ),
    ],
    swiftLanguageModes: [.v6]
)
