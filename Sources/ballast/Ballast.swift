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
        ballast optimize --mu mu.csv --cov cov.csv
        ballast report plan Examples/household.yaml --output plan.html
        ballast data list

      Every command takes --format table|json|csv, --output FILE, --timing and
      --quiet. Colours appear only on a terminal and never with NO_COLOR set.
      Shell completions: ballast --generate-completion-script bash|zsh|fish
      """,
    version: "0.1.0",
    subcommands: [Check.self, Plan.self, Harvest.self, Backtest.self, DataCommand.self, Optimize.self, Report.self, Bench.self]
  )
}
