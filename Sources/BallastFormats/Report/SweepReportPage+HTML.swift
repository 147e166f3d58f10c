import BallastBacktest

extension SweepReportPage {
  /// The page of a sweep of `key` over `values` (one per result, in order), judged by `metric`.
  public static func html(_ report: BacktestReport, key: String, values: [Double], metric: Metric, command: String?) -> String {
    let results = report.results
    let spec = results.first.map { $0.name.split(separator: ":").first.map(String.init) ?? $0.name } ?? ""
    var doc = HTMLDocument(title: "Sweep of \(spec) \(key) by \(metric.rawValue): \(report.from) to \(report.to)", command: command)
    let m = results.map(metric.value)
    let region = bestRegion(m, higherIsBetter: metric.higherIsBetter)
    let fmt: (Double) -> String = { metric.isPercent ? ReportNumber.percent($0, 2) : ReportNumber.fixed($0, 3) }
    var facts: [(String, String)] = [("data", report.source), ("values swept", String(values.count)),
                                     ("costs", "\(ReportNumber.fixed(report.costBasisPoints, 1)) bps")]
    if let r = region {
      facts += [("best \(key)", ReportNumber.tickLabel(values[r.best], step: 1e-9)), ("best \(metric.rawValue)", fmt(m[r.best])),
                ("best region", "\(key) \(ReportNumber.tickLabel(values[r.range.lowerBound], step: 1e-9))–\(ReportNumber.tickLabel(values[r.range.upperBound], step: 1e-9))")]
    }
    doc.facts(facts)
    doc.paragraph("The shaded region holds the neighbouring values of \(key) whose \(metric.rawValue) is within 10% of the spread between the best and the worst value of the sweep; the large marker is the best.", class: "note")
    let charts: [(String, AxisSpec, [Double])] = [
      (metric.rawValue, AxisSpec(metric.label, style: metric.isPercent ? .percent : .number), m),
      ("turnover", AxisSpec("turnover (% of the portfolio per year)", style: .percent), results.map(\.turnover)),
      ("costs", AxisSpec("total costs (value units; the portfolio starts at 1)"), results.map(\.costs)),
      ("rebalances", AxisSpec("rebalances (count)"), results.map { Double($0.rebalances) }),
    ]
    for (i, (name, axis, ys)) in charts.enumerated() {
      var chart = LineChart(
        title: "\(name) against \(key)", x: AxisSpec("\(key) (band width in weight units; 0.05 = 5 pp)" , style: .number), y: axis,
        series: [LineChart.Series(name, xs: values, ys: ys, style: SeriesStyle.palette(i))])
      chart.markersPerSeries = 0
      chart.height = 300
      if let r = region {
        let half = values.count > 1 ? abs(values[1] - values[0]) / 2 : 0
        chart.regions = [LineChart.Region(
          from: max(values.min() ?? 0, values[r.range.lowerBound] - half), to: min(values.max() ?? 0, values[r.range.upperBound] + half),
          label: "best region")]
      }
      if !key.contains("abs") && !key.contains("rel") && !key.contains("below") && !key.contains("above") {
        chart.x = AxisSpec(key, style: .number)
      }
      if let r = region, ys[r.best].isFinite {
        chart.highlights = [ScatterChart.Point(
          name: "best \(metric.rawValue): \(key)=\(ReportNumber.tickLabel(values[r.best], step: 1e-9))", x: values[r.best], y: ys[r.best],
          style: SeriesStyle(color: "#d55e00", dash: "", marker: .diamond), isHighlighted: true)]
      }
      doc.figure(chart.svg(), caption: i == 0 ? "\(metric.rawValue) of each strategy of the sweep against its \(key)." : "\(name) against \(key); the shaded region is the best region by \(metric.rawValue).")
    }
    doc.heading("Every value")
    doc.table(
      [key, "CAGR", "volatility", "max drawdown", "Sharpe", "turnover / year", "rebalances", "costs"],
      zip(values, results).map { v, r in
        [ReportNumber.tickLabel(v, step: 1e-9), ReportNumber.percent(r.cagr, 2), ReportNumber.percent(r.volatility, 2),
         ReportNumber.percent(r.maxDrawdown, 2), ReportNumber.fixed(r.sharpe, 3), ReportNumber.percent(r.turnover, 1),
         String(r.rebalances), ReportNumber.fixed(r.costs, 5)]
      }, numeric: Set(0...7), strong: region.map { [$0.best] } ?? [])
    return doc.rendered()
  }
}
