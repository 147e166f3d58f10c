import BallastCore

extension BacktestReportPage {
  /// Most assets drawn as individual weight lines; beyond this, one line of the largest
  /// deviation from target is drawn instead.
  static let maxWeightLines = 6

  /// One chart per strategy: the weights (or the largest deviation) with the bands shaded and
  /// a tick under the plot at every rebalance.
  static func weightSections(_ paths: BacktestPaths, into doc: inout HTMLDocument) {
    doc.heading("Weights over time")
    let x = paths.xs
    let k = paths.assets.count
    let many = k > maxWeightLines
    doc.paragraph(many
      ? "With \(k) assets, each chart shows the largest distance of any weight from its target (after the row's trades); the shaded area is the band a band strategy allows. Ticks under the plot mark the rows on which the strategy traded."
      : "Each asset's weight after the row's trades. Shaded areas are the tolerance bands around each target (for strategies with a fixed band); dashed lines are the targets. Ticks under the plot mark the rows on which the strategy traded.",
      class: "note")
    for (i, s) in paths.strategies.enumerated() {
      var chart: LineChart
      if many {
        let style = SeriesStyle.palette(i)
        chart = LineChart(
          title: "\(s.name): largest deviation from target", x: AxisSpec("date", style: .date),
          y: AxisSpec("max |weight − target| (percentage points)", style: .percent),
          series: [LineChart.Series("largest deviation", xs: x, ys: PathStatistics.maxDeviation(weights: s.weights, targets: paths.targets), style: style)])
        if let band = s.band, let width = (band.below + band.above).min(), width.isFinite {
          chart.bands = [LineChart.Band(lower: 0, upper: width, color: "#d9e7f5", label: "band (narrowest side)")]
        }
        chart.includeY = [0]
      } else {
        chart = LineChart(
          title: "\(s.name): weights", x: AxisSpec("date", style: .date), y: AxisSpec("weight (% of the portfolio)", style: .percent),
          series: paths.assets.indices.map { a in
            LineChart.Series(paths.assets[a], xs: x, ys: stride(from: a, to: s.weights.count, by: k).map { s.weights[$0] }, style: SeriesStyle.palette(a))
          })
        chart.references = paths.targets
        if let band = s.band {
          chart.bands = paths.assets.indices.compactMap { a in
            let lo = paths.targets[a] - band.below[a], hi = paths.targets[a] + band.above[a]
            guard lo.isFinite, hi.isFinite else { return nil }
            return LineChart.Band(lower: max(0, lo), upper: min(1, hi), color: bandColor(a), label: "\(paths.assets[a]) band")
          }
        }
      }
      let rebalanceXs = s.rebalanced.indices.filter { s.rebalanced[$0] }.map { x[$0] }
      chart.events = [LineChart.Events(name: "rebalance (\(rebalanceXs.count))", xs: rebalanceXs, style: SeriesStyle(color: "#333", dash: "", marker: .none), row: 0)]
      chart.height = 300
      let note = s.bandNote.map { " The band is \($0); the shading shows its base width." } ?? ""
      doc.figure(chart.svg(), caption: "\(s.name): \(rebalanceXs.count) rebalances.\(note)")
    }
  }

  /// Light tints of the palette for band shading (distinct in grey as lighter or darker).
  static func bandColor(_ a: Int) -> String {
    let tints = ["#cfe0f1", "#f8dccb", "#cdeee2", "#e2e2e2", "#f3dcea", "#fbe9c4", "#d9eefa", "#e8d9d3"]
    return tints[a % tints.count]
  }

  /// The conventions of SPEC §4 and the data's source and range.
  static func conventions(_ report: BacktestReport, dataNote: String?, into doc: inout HTMLDocument) {
    doc.heading("Data")
    var data = [
      "Source: \(report.source)\(dataNote.map { " — \($0)" } ?? "").",
      "Window: \(report.from) to \(report.to), \(report.periods) periods after the first row, \(ReportNumber.fixed(report.periodsPerYear, 0)) periods per year.",
      "Assets and targets: " + zip(report.assets, report.targets).map { "\($0) \(ReportNumber.percent($1, 1))" }.joined(separator: ", ") + ".",
      "Costs: \(ReportNumber.fixed(report.costBasisPoints, 2)) basis points of the traded value at each rebalance.",
    ]
    data.append(report.riskFree.map { "Risk-free return: column \($0) of the same file." } ?? "Risk-free return: 0 (no --risk-free column).")
    doc.list(data)
    doc.heading("Conventions")
    doc.list([
      "The portfolio starts at 1.0, invested exactly at the targets at the close of the first row; that row's returns are not earned.",
      "Each later row applies its returns to the holdings; the strategy then looks at the end-of-row weights and, if it trades, trades at that same close. The final row never trades.",
      "Costs are taken out of the value at each rebalance; the holdings after trading are the target weights times that value.",
      "CAGR = (V_end / V_0)^(periods per year / periods) − 1. Volatility = sample standard deviation (n − 1) of periodic returns × √(periods per year).",
      "Sharpe = mean(r − rf) / sd(r − rf) × √(periods per year). Sortino = mean(r − rf) × P / (√mean(min(r − rf, 0)²) × √P).",
      "Max drawdown = the most negative V / max(V so far) − 1 over row closes. Turnover = Σ over rebalances of Σ|w_after − w_before| / 2, per year.",
      "Tracking error = sd(r − r_mix) × √P against the target mix rebalanced every row without costs. Average drift = mean over rows of max |w − target| before trading. Rebalancing alpha = CAGR − CAGR of buy-and-hold.",
    ])
  }
}
