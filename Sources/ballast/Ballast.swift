import ArgumentParser

@main
struct Ballast: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ballast",
    abstract: "Portfolio rebalancing: drift, exact multi-account trades, backtests and optimisation.",
    discussion: """
      Examples:
        ballast check Examples/household.yaml
        ballast plan Examples/household.yaml --format json
        ballast backtest
      """,
    version: "0.1.0",
    subcommands: [Check.self, Plan.self, Backtest.self, DataCommand.self, Optimize.self, Report.self, Bench.self]
  )
}
