import ArgumentParser

/// `ballast bench …`: speed figures measured on this machine, printed for people.
/// Each subcommand builds a fixed, seeded problem, checks its own result and prints timings.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure Ballast's speed on fixed, seeded problems (build with -c release).",
    discussion: """
      Examples:
        swift build -c release && .build/release/ballast bench plan
        .build/release/ballast bench backtest
        .build/release/ballast bench optimize
      """,
    subcommands: [BenchPlan.self, BenchBacktest.self, BenchOptimize.self])
}
