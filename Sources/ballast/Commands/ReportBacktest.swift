import ArgumentParser
import BallastBacktest
import BallastData
import BallastFormats

/// `ballast report backtest`: a backtest as an HTML page with charts.
struct ReportBacktest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "An HTML report of a backtest: growth, drawdowns, rolling return and volatility, weights, metrics.",
    usage: "ballast report backtest [<backtest options>] [--output <file>]",
    discussion: """
      Takes the options of 'ballast backtest' (without them: the default
      comparison on the bundled monthly data). Long daily paths are thinned per
      pixel column, keeping each column's first, last, lowest and highest point,
      so troughs and peaks stay exact and a 33-year daily report stays small.

      Examples:
        ballast report backtest
        ballast report backtest --data daily_us_stocks --equal-weight \\
          --strategy none --strategy calendar:quarterly --strategy band:abs=0.05 \\
          --cost-bps 5 --output daily.html
      """)

  @OptionGroup var backtest: Backtest

  @Option(help: ArgumentHelp("Draw the report from a saved result of 'ballast backtest --format json' instead of running it (with --saved-series).", valueName: "file"))
  var saved: String?

  @Option(help: ArgumentHelp("The CSV that '--series' wrote with that result.", valueName: "file"))
  var savedSeries: String?

  func validate() throws { try ReportOutput.validate(backtest.common) }

  func run() throws {
    if let saved { return try runSaved(saved) }
    try reportingInputErrors {
      var timer = PhaseTimer()
      var job = try timer.measureLoad { try BacktestJob.load(backtest) }
      job.configuration.recordSeries = true
      let progress = backtest.common.quiet ? nil : ProgressBar.forStandardError(work: job.work)
      let results = try timer.measureCompute { try job.run(progress: progress) }
      let report = BacktestReport(
        data: job.data, source: job.source, riskFree: backtest.riskFree, costBasisPoints: backtest.costBps,
        results: results.map(\.metrics))
      let paths = BacktestPaths(
        dates: job.data.dates, assets: job.data.assets, targets: job.data.targets, periodsPerYear: job.data.periodsPerYear,
        strategies: zip(job.strategies, results).map { strategy, result in
          Self.path(strategy, result, assets: job.data.assets, targets: job.data.targets)
        })
      let note = BundledData.dataSet(named: job.source).map { "\($0.source) (bundled data set \($0.name); see 'ballast data list')" }
      let html = BacktestReportPage.html(report, paths: paths, dataNote: note, command: ReportOutput.commandLine)
      try ReportOutput.write(html, kind: "backtest", common: backtest.common, timer: timer)
    }
  }

  /// The report of a saved result: `ballast backtest --format json --series FILE`, read back.
  func runSaved(_ json: String) throws {
    try reportingInputErrors {
      guard let series = savedSeries else {
        throw InputError(file: "--saved", message: "also give --saved-series FILE: the '--series' CSV written with the result")
      }
      var timer = PhaseTimer()
      let (report, read) = try timer.measureLoad { try SavedBacktest.read(json: json, series: series) }
      var paths = read
      for i in paths.strategies.indices {
        // A strategy's name is its spec: read it again for its band, when it has a fixed one.
        guard let parsed = try? StrategySpec.parse(paths.strategies[i].name) else { continue }
        Self.addBand(parsed.strategy, to: &paths.strategies[i], assets: paths.assets, targets: paths.targets)
      }
      let bundled = BundledData.dataSet(named: report.source).map { "\($0.source) (bundled data set \($0.name)); " } ?? ""
      let note = bundled + "drawn from the saved result \(json) and its series \(series)"
      let html = BacktestReportPage.html(report, paths: paths, dataNote: note, command: ReportOutput.commandLine)
      try ReportOutput.write(html, kind: "backtest", common: backtest.common, timer: timer)
    }
  }

  /// The drawn path of one strategy, with its band when the band is fixed.
  static func path(_ s: Strategy, _ r: BacktestResult, assets: [String], targets: [Double]) -> BacktestPaths.Strategy {
    var path = BacktestPaths.Strategy(
      name: r.metrics.name, values: r.series?.values ?? [], weights: r.series?.weights ?? [], rebalanced: r.series?.rebalanced ?? [])
    addBand(s, to: &path, assets: assets, targets: targets)
    return path
  }

  /// The strategy's band widths (and how they move, when they are not fixed).
  static func addBand(_ s: Strategy, to path: inout BacktestPaths.Strategy, assets: [String], targets: [Double]) {
    if case .band(let rule, _, let scaling) = s.rule, let widths = try? rule.resolve(assets: assets, targets: targets) {
      path.band = widths
      switch scaling {
      case .fixed: break
      case .realisedVolatility(let window): path.bandNote = "scaled by realised volatility over \(window) rows"
      case .vixRatio: path.bandNote = "scaled by VIX against its long-run average"
      case .vixBuckets: path.bandNote = "set by the VIX bucket table"
      }
    }
  }
}
