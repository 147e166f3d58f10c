// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode plus the upcoming features of STYLE.md C1.
let strict: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

/// The backtest kernel's SIMD lanes: on x86-64, let the compiler use AVX2 and FMA (every x86
/// server since 2013; Haswell). Without it, a SIMD8<Double> step compiles to four SSE2 ops.
#if arch(x86_64)
let kernelSettings: [SwiftSetting] = strict + [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let kernelSettings: [SwiftSetting] = strict
#endif

let package = Package(
  name: "Ballast",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "BallastCore", targets: ["BallastCore"]),
    .library(name: "BallastFormats", targets: ["BallastFormats"]),
    .library(name: "BallastBacktest", targets: ["BallastBacktest"]),
    .library(name: "QuadraticProgramming", targets: ["QuadraticProgramming"]),
    .library(name: "BallastOptimizer", targets: ["BallastOptimizer"]),
    .executable(name: "ballast", targets: ["ballast"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    // Pure maths, no domain types.
    // The simplex loops index arrays whose bounds the tableau's construction guarantees;
    // release builds drop the checks (debug builds and the tests keep them).
    .target(name: "LinearProgramming", swiftSettings: strict + [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
    .target(name: "QuadraticProgramming", swiftSettings: strict),
    // The domain: no I/O, no clock, no randomness of its own.
    .target(name: "BallastCore", dependencies: ["LinearProgramming"], swiftSettings: strict),
    // Historical simulation kernel and strategies (Double arithmetic over contiguous arrays).
    .target(name: "BallastBacktest", dependencies: ["BallastCore"], swiftSettings: kernelSettings),
    // Mean-variance estimators and objectives on top of the QP solver.
    .target(name: "BallastOptimizer", dependencies: ["BallastCore", "QuadraticProgramming"], swiftSettings: strict),
    // Bundled real history (CSV resources with their attribution).
    .target(name: "BallastData", resources: [.copy("Resources")], swiftSettings: strict),
    // Seeded generators of synthetic households, for property tests and benchmarks.
    .target(name: "BallastTestSupport", dependencies: ["BallastCore"], swiftSettings: strict),
    // Edges: household YAML/JSON, market-data CSV, table/JSON/CSV output.
    .target(
      name: "BallastFormats",
      dependencies: ["BallastCore", "BallastBacktest", "BallastOptimizer", .product(name: "Yams", package: "Yams")],
      swiftSettings: strict),
    // The CLI: wiring only.
    .executableTarget(
      name: "ballast",
      dependencies: [
        "BallastCore", "BallastFormats", "BallastBacktest", "BallastOptimizer", "BallastData", "BallastTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),

    .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"], exclude: ["Reference"], swiftSettings: strict),
    .testTarget(name: "QuadraticProgrammingTests", dependencies: ["QuadraticProgramming", "BallastCore"], swiftSettings: strict),
    .testTarget(name: "BallastCoreTests", dependencies: ["BallastCore", "BallastTestSupport"], swiftSettings: strict),
    .testTarget(
      name: "BallastBacktestTests", dependencies: ["BallastBacktest", "BallastFormats", "BallastData"], exclude: ["Reference"],
      swiftSettings: strict),
    .testTarget(
      name: "BallastOptimizerTests", dependencies: ["BallastOptimizer", "BallastFormats", "BallastData"],
      exclude: ["Reference"], resources: [.copy("Fixtures")], swiftSettings: strict),
    .testTarget(name: "BallastFormatsTests", dependencies: ["BallastFormats", "BallastCore", "BallastTestSupport"], swiftSettings: strict),
    .testTarget(name: "BallastCLITests", dependencies: ["ballast"], swiftSettings: strict),
  ]
)
