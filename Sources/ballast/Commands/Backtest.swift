import ArgumentParser
import BallastBacktest
import BallastCore
import BallastData
import BallastFormats
import Foundation

/// `ballast backtest`: simulate rebalancing strategies on history and compare them (SPEC §4).
struct Backtest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Simulate rebalancing strategies on historical data and compare them.",
    discussion: """
      Data: --returns, --prices or --data NAME; without them the bundled monthly
      asset-class returns, 60% us_stock / 40% ust_10y, 2008-01 to 2023-12.
      Without --strategy: none, calendar:annual, calendar:quarterly,
      band:abs=0.05 and dynamic:base=0.05,window=12.

      Strategies (conventions: Sources/BallastBacktest/BallastBacktest.docc/Conventions.md):
        none
        calendar:FREQ
        band:abs=A,rel=R,below=B,above=C,ASSET=A,ASSET.rel=R,...
        hybrid:FREQ,abs=A
        dynamic:base=A[,window=N | ,vol=vix]
        vix[:FILE][,base=A]
        adaptive[:FILE]
        correlation[:window=N]
        score:drift=W,vol=W,corr=W,time=W[,scale=S,threshold=T]
        momentum:abs=A,lookback=N[,min=M]
        optimized:OBJECTIVE[,window=N,every=FREQ,cov=sample|exp|ledoit-wolf,
          returns=mean|ema,rf=R,bounds=lo:hi,on-fail=error|hold]
          (re-optimise on a trailing window at each period end; OBJECTIVE:
          min-variance, max-sharpe, utility=A, target-return=R, target-risk=S)
      FREQ: daily weekly biweekly monthly quarterly semiannual annual.
      Add ,to=edge to trade only to the band edge. A number may be a range
      a..b/n (n values, both ends included): a sweep, run on all cores.

      Examples:
        ballast backtest
        ballast backtest --strategy none --strategy band:abs=0.001..0.05/200
        ballast backtest --prices p.csv --equal-weight --cost-bps 5 \\
          --strategy calendar:monthly
        ballast backtest --withdrawal 4%/year --from 1970 --to 2023
        ballast backtest --data daily_us_stocks --equal-weight \\
          --strategy band:abs=0.01..0.1/100 --timing
      """)

  @OptionGroup var common: CommonOptions

  @Option(help: ArgumentHelp("CSV of simple periodic returns (date column first).", valueName: "file"))
  var returns: String?

  @Option(help: ArgumentHelp("CSV of prices (returns are p[t]/p[t-1]-1).", valueName: "file"))
  var prices: String?

  @Option(help: ArgumentHelp("A bundled data set by name (see 'ballast data list'), e.g. daily_us_stocks.", valueName: "name"))
  var data: String?

  @Option(help: ArgumentHelp("Assets and targets: us_stock=0.6,ust_10y=0.4 (or names only with --equal-weight).", valueName: "list"))
  var assets: String?

  @Flag(help: "Target every column (or those named by --assets) equally.")
  var equalWeight = false

  @Option(help: ArgumentHelp("First row of the window (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
  var from: String?

  @Option(help: ArgumentHelp("Last row of the window (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
  var to: String?

  @Option(help: ArgumentHelp("Periods per year (default: inferred from the dates, 12/252/1).", valueName: "n"))
  var periodsPerYear: Double?

  @Option(help: ArgumentHelp("Column of the same file holding the per-period risk-free return.", valueName: "column"))
  var riskFree: String?

  @Option(help: ArgumentHelp("Cost in basis points of the traded value at each rebalance.", valueName: "bps"))
  var costBps: Double = 0

  @Option(name: .customLong("strategy"), help: ArgumentHelp("A strategy to simulate (repeat to compare).", valueName: "spec"))
  var strategies: [String] = []

  @Option(help: ArgumentHelp("YAML file of strategies (added after the --strategy ones).", valueName: "file"))
  var strategyFile: String?

  @Option(help: ArgumentHelp("VIX CSV (date, close) for VIX strategies (default: bundled).", valueName: "file"))
  var vix: String?

  @Option(help: ArgumentHelp("Write each strategy's value and weights per row to this CSV.", valueName: "file"))
  var series: String?

  @Option(help: ArgumentHelp("Periodic contribution, e.g. 1000/month or 1%/quarter.", valueName: "amount/period"))
  var contribution: String?

  @Option(help: ArgumentHelp("Periodic withdrawal, e.g. 4%/year or 500/month.", valueName: "amount/period"))
  var withdrawal: String?

  @Option(help: ArgumentHelp("Value at the first close (default 1.0); flow amounts use the same units.", valueName: "value"))
  var initialValue: Double = 1

  func validate() throws {
    if [returns, prices, data].compactMap({ $0 }).count > 1 {
      throw ValidationError("give one of --returns, --prices or --data")
    }
    guard costBps >= 0, costBps.isFinite else { throw ValidationError("--cost-bps must be a non-negative number") }
    guard initialValue > 0, initialValue.isFinite else { throw ValidationError("--initial-value must be positive") }
    if let p = periodsPerYear, !(p > 0 && p.isFinite) { throw ValidationError("--periods-per-year must be positive") }
  }

  func run() throws {
    try reportingInputErrors {
      var timer = PhaseTimer()
      let job = try timer.measureLoad { try BacktestJob.load(self) }
      let progress = common.quiet ? nil : ProgressBar.forStandardError(work: job.work)
      let results = try timer.measureCompute { try job.run(progress: progress) }
      let report = BacktestReport(
        data: job.data, source: job.source, riskFree: riskFree, costBasisPoints: costBps,
        results: results.map(\.metrics))
      let text: String
      switch common.format {
      case .table: text = report.table()
      case .json: text = report.json()
      case .csv: text = report.csv()
      }
      if let series {
        try OutputSink.write(BacktestReport.seriesCSV(dates: job.data.dates, assets: job.data.assets, results: results), to: series)
      }
      try OutputSink.write(text, to: common.output)
      if common.timing { OutputSink.printError(timer.line) }
    }
  }
}
