import BallastOptimizer
import Foundation

/// The HTML report of an optimisation (`ballast report optimize`): the efficient frontier in
/// risk–return space with every single asset and the chosen portfolio, then the weights.
public enum OptimizeReportPage {
  /// One asset's annual expected return and volatility (√ of its covariance diagonal).
  public struct AssetPoint: Sendable, Hashable {
    public var name: String, expectedReturn: Double, volatility: Double
    public init(name: String, expectedReturn: Double, volatility: Double) {
      (self.name, self.expectedReturn, self.volatility) = (name, expectedReturn, volatility)
    }
  }

  public static func html(_ report: OptimizeReport, assets: [AssetPoint], command: String?) -> String {
    var doc = HTMLDocument(title: "Mean-variance optimisation: \(report.objective)", command: command)
    let r = report.result
    doc.facts([
      ("objective", report.objective), ("expected return", ReportNumber.percent(r.expectedReturn, 2)),
      ("volatility", ReportNumber.percent(r.volatility, 2)), ("Sharpe ratio", ReportNumber.fixed(r.sharpe, 2)),
      ("risk-free rate", ReportNumber.percent(report.riskFreeRate, 2)), ("assets", String(r.assets.count)),
      ("held", String(r.weights.filter { $0 > 1e-6 }.count)),
    ])
    doc.heading("Efficient frontier")
    doc.figure(frontierChart(report, assets: assets), caption: "Annual expected return against annual volatility. The line is the efficient frontier (the highest expected return for each level of risk under the constraints); each small marker is one asset held alone; the large diamond is the portfolio chosen by the objective.")
    doc.heading("Weights")
    let order = r.assets.indices.sorted { (r.weights[$0], r.assets[$1]) > (r.weights[$1], r.assets[$0]) }
    let byName = Dictionary(assets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    doc.table(
      ["asset", "weight", "expected return", "volatility"],
      order.map { i in
        let a = byName[r.assets[i]]
        return [r.assets[i], ReportNumber.percent(OptimizeReport.clean(r.weights[i]), 2),
                a.map { ReportNumber.percent($0.expectedReturn, 2) } ?? "", a.map { ReportNumber.percent($0.volatility, 2) } ?? ""]
      }, numeric: [1, 2, 3])
    doc.heading("Inputs")
    doc.table(["input", "value"], report.inputs.map { ($0.0, $0.1.rendered(pretty: false).trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }.map { [$0.0, $0.1] })
    doc.paragraph("Expected returns and covariance are annual (daily simple returns × 252 when estimated from prices, PyPortfolioOpt's conventions).", class: "note")
    return doc.rendered()
  }

  static func frontierChart(_ report: OptimizeReport, assets: [AssetPoint]) -> String {
    frontierChart(
      frontier: report.frontier.map { ($0.volatility, $0.expectedReturn) },
      chosen: (report.result.volatility, report.result.expectedReturn), objective: report.objective, assets: assets)
  }

  /// The frontier (volatility, return) pairs as a line, each asset as a labelled marker and the
  /// chosen portfolio as a large one.
  public static func frontierChart(
    frontier: [(Double, Double)], chosen: (Double, Double), objective: String, assets: [AssetPoint]
  ) -> String {
    let sorted = frontier.sorted { $0.0 < $1.0 }
    let line = LineChart.Series("efficient frontier", xs: sorted.map(\.0), ys: sorted.map(\.1), style: SeriesStyle.palette(0))
    let assetStyle = SeriesStyle(color: "#555", dash: "", marker: .circle)
    var points = assets.map { ScatterChart.Point(name: $0.name, x: $0.volatility, y: $0.expectedReturn, style: assetStyle) }
    points.append(ScatterChart.Point(
      name: "chosen: \(objective)", x: chosen.0, y: chosen.1, style: SeriesStyle(color: "#d55e00", dash: "", marker: .diamond),
      isHighlighted: true))
    return ScatterChart(
      title: "Efficient frontier (\(objective)), \(assets.count) assets",
      x: AxisSpec("volatility (annual standard deviation, %)", style: .percent),
      y: AxisSpec("expected return (annual, %)", style: .percent),
      lines: sorted.isEmpty ? [] : [line], points: points, pointsLegend: "single asset"
    ).svg()
  }

}
