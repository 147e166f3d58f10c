import ArgumentParser

struct ReportBacktest: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "backtest", abstract: "An HTML report of a backtest.")
}
struct ReportSweep: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sweep", abstract: "An HTML report of a sweep.")
}
