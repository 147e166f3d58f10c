import ArgumentParser

struct BenchBacktest: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "backtest", abstract: "Benchmark: backtest.")

  func run() throws {
    throw ValidationError("'ballast bench backtest' is not built yet")
  }
}
