import ArgumentParser
import BallastBacktest
import BallastFormats

/// `ballast report sweep`: one swept strategy parameter against its metrics, as an HTML page.
struct ReportSweep: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "An HTML report of a sweep: a metric, turnover, costs and rebalances against the swept parameter.",
    usage: "ballast report sweep [<backtest options>] [--strategy <spec with a..b/n>] [--metric <name>]",
    discussion: """
      Takes the options of 'ballast backtest' with exactly one --strategy that
      holds one range a..b/n (default: band:abs=0.0025..0.1/40). The best region
      is the run of neighbouring values whose --metric lies within 10% of the
      sweep's spread (best - worst) of the best.

      Examples:
        ballast report sweep --cost-bps 10
        ballast report sweep --data daily_us_stocks --equal-weight \\
          --strategy band:abs=0.001..0.05/200 --metric sharpe --output sweep.html
      """)

  @OptionGroup var backtest: Backtest

  @Option(help: ArgumentHelp(
    "The metric that picks the best region: \(SweepReportPage.Metric.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
  var metric: String = "cagr"

  static let defaultSweep = "band:abs=0.0025..0.1/40"

  func validate() throws {
    try ReportOutput.validate(backtest.common)
    guard SweepReportPage.Metric(rawValue: metric) != nil else {
      throw ValidationError("unknown --metric '\(metric)'; expected one of \(SweepReportPage.Metric.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    guard backtest.strategyFile == nil else { throw ValidationError("a sweep report takes one --strategy with a range, not --strategy-file") }
    guard backtest.strategies.count <= 1, backtest.strategies.allSatisfy({ $0.contains("..") }) else {
      throw ValidationError("a sweep report takes exactly one --strategy with a range a..b/n, e.g. band:abs=0.001..0.05/200")
    }
  }

  func run() throws {
    try reportingInputErrors {
      var options = backtest
      if options.strategies.isEmpty { options.strategies = [Self.defaultSweep] }
      var timer = PhaseTimer()
      let job = try timer.measureLoad { try BacktestJob.load(options) }
      let progress = options.common.quiet ? nil : ProgressBar.forStandardError(work: job.work)
      let results = try timer.measureCompute { try job.run(progress: progress) }
      let report = BacktestReport(
        data: job.data, source: job.source, riskFree: options.riskFree, costBasisPoints: options.costBps,
        results: results.map(\.metrics))
      guard let (key, values) = SweepReportPage.parameter(of: report.results.map(\.name)) else {
        throw ValidationError("the sweep must vary exactly one numeric parameter (found: \(report.results.first?.name ?? "none"))")
      }
      let metric = SweepReportPage.Metric(rawValue: self.metric) ?? .cagr
      let html = SweepReportPage.html(report, key: key, values: values, metric: metric, command: ReportOutput.commandLine)
      try ReportOutput.write(html, kind: "sweep", common: options.common, timer: timer)
    }
  }
}
