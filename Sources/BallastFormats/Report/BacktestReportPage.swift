import BallastBacktest
import BallastCore

/// The HTML report of a backtest (`ballast report backtest`): growth of 1 on a log scale,
/// drawdowns, rolling 12-month return and volatility, weights over time against the bands
/// with rebalance dates, the metrics table, the conventions and the data.
public enum BacktestReportPage {
  /// The page. `report` carries the metrics and the run's settings, `paths` what is drawn;
  /// `dataNote` describes the data's source (attribution), `command` what was run.
  public static func html(_ report: BacktestReport, paths: BacktestPaths, dataNote: String?, command: String?) -> String {
    let mix = zip(report.assets, report.targets).map { "\($0) \(ReportNumber.percent($1, 0))" }
    let mixText = mix.count <= 6 ? mix.joined(separator: " / ") : "\(mix.count) assets"
    var doc = HTMLDocument(
      title: "Backtest: \(mixText), \(report.from) to \(report.to)", command: command)
    doc.facts([
      ("data", report.source), ("from", report.from.description), ("to", report.to.description),
      ("periods", "\(report.periods) (\(ReportNumber.fixed(report.periodsPerYear, 0))/year)"),
      ("strategies", String(report.results.count)), ("costs", "\(ReportNumber.fixed(report.costBasisPoints, 1)) bps per trade"),
    ])
    doc.heading("Metrics")
    metricsTable(report, into: &doc)
    doc.heading("Growth and drawdown")
    let x = paths.xs
    let series = paths.strategies.enumerated().map { i, s in (s, SeriesStyle.palette(i)) }
    var growth = LineChart(
      title: "Growth of 1 (log scale)", x: AxisSpec("date", style: .date), y: AxisSpec("value of 1 invested (×, log scale)", kind: .logarithmic),
      series: series.map { s, style in LineChart.Series(s.name, xs: x, ys: PathStatistics.growth(s.values), style: style) })
    growth.references = [1]
    growth.height = 380
    doc.figure(growth.svg(), caption: "The value of 1 invested at the first close, at every close, for each strategy. A log scale makes equal percentage moves equal heights; the dashed line is the starting value.")
    var dd = LineChart(
      title: "Drawdown from the running peak", x: AxisSpec("date", style: .date), y: AxisSpec("drawdown (% below the previous peak)", style: .percent),
      series: series.map { s, style in LineChart.Series(s.name, xs: x, ys: PathStatistics.drawdown(s.values), style: style) })
    dd.includeY = [0]
    doc.figure(dd.svg(), caption: "How far each strategy stands below its highest value so far (0% at a new high). The lowest point of each line is its maximum drawdown, listed in the table above.")
    doc.heading("Rolling 12-month return and volatility")
    let w = paths.yearRows
    var rr = LineChart(
      title: "Rolling 12-month return", x: AxisSpec("date", style: .date), y: AxisSpec("return over the trailing 12 months (%)", style: .percent),
      series: series.map { s, style in LineChart.Series(s.name, xs: x, ys: PathStatistics.rollingReturn(s.values, window: w), style: style) })
    rr.references = [0]
    doc.figure(rr.svg(), caption: "The return over the \(w) periods (12 months) ending at each close; the line starts once a full year of history exists.")
    let rv = LineChart(
      title: "Rolling 12-month volatility", x: AxisSpec("date", style: .date), y: AxisSpec("annualised volatility (%)", style: .percent),
      series: series.map { s, style in
        LineChart.Series(s.name, xs: x, ys: PathStatistics.rollingVolatility(s.values, window: w, periodsPerYear: paths.periodsPerYear), style: style)
      })
    doc.figure(rv.svg(), caption: "The sample standard deviation of the last \(w) periodic returns, annualised with √\(ReportNumber.fixed(paths.periodsPerYear, 0)).")
    weightSections(paths, into: &doc)
    conventions(report, dataNote: dataNote, into: &doc)
    return doc.rendered()
  }

  static func metricsTable(_ report: BacktestReport, into doc: inout HTMLDocument) {
    func p(_ v: Double, _ d: Int, signed: Bool = false) -> String { ReportNumber.percent(v, d, signed: signed) }
    doc.table(
      ["strategy", "annual return (CAGR)", "volatility", "max drawdown", "Sharpe", "Sortino", "rebalancing alpha"],
      report.results.map { m in
        [m.name, p(m.cagr, 2), p(m.volatility, 2), p(m.maxDrawdown, 2), ReportNumber.fixed(m.sharpe, 2), ReportNumber.fixed(m.sortino, 2),
         p(m.rebalancingAlpha, 2, signed: true)]
      }, numeric: Set(1...6), caption: "Return and risk (annualised)")
    doc.table(
      ["strategy", "rebalances", "turnover / year", "costs (value units)", "final value", "tracking error", "average drift"],
      report.results.map { m in
        [m.name, String(m.rebalances), p(m.turnover, 1), ReportNumber.fixed(m.costs, 4), ReportNumber.fixed(m.finalValue, 3),
         p(m.trackingError, 2), p(m.averageDrift, 2)]
      }, numeric: Set(1...6), caption: "Trading")
  }

}
