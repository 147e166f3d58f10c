import ArgumentParser

struct Backtest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Simulate rebalancing strategies on historical data and compare them.")

  @OptionGroup var common: CommonOptions

  func run() throws {
    throw ValidationError("'ballast backtest' is not built yet")
  }
}
