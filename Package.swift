// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Readiness",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ReadinessKit", targets: ["ReadinessKit"]),
        .executable(name: "readiness", targets: ["ReadinessCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        // The default memo templates, embedded as a resource bundle (see docs/templates.md).
        .target(
            name: "ReadinessTemplates",
            path: "templates",
            exclude: ["README.md"],
            resources: [.copy("html"), .copy("text"), .copy("markdown"), .copy("workshop")]
        ),
        .target(
            name: "ReadinessKit",
            dependencies: [
                "ReadinessTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "ReadinessCLI",
            dependencies: [
                "ReadinessKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ReadinessBench",
            dependencies: ["ReadinessKit"],
            path: "Benchmarks/ReadinessBench"
        ),
        // libxml2's HTML parser, used only by the tests that check every generated HTML memo.
        .systemLibrary(
            name: "CLibXML2",
            path: "Tests/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .testTarget(
            name: "ReadinessKitTests",
            dependencies: ["ReadinessKit", "CLibXML2"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
