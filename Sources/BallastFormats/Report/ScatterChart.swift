/// Points with labels on two numeric axes, optionally joined by lines (e.g. an efficient
/// frontier with each asset and the chosen portfolio marked).
public struct ScatterChart: Sendable {
  public struct Point: Sendable, Hashable {
    public var name: String, x: Double, y: Double, style: SeriesStyle
    /// Larger, and listed in the legend by name.
    public var isHighlighted: Bool
    public init(name: String, x: Double, y: Double, style: SeriesStyle, isHighlighted: Bool = false) {
      (self.name, self.x, self.y, self.style, self.isHighlighted) = (name, x, y, style, isHighlighted)
    }
  }

  public var title: String
  public var x: AxisSpec
  public var y: AxisSpec
  public var lines: [LineChart.Series]
  public var points: [Point]
  /// The legend name of the plain (not highlighted) points, e.g. "single asset".
  public var pointsLegend: String?
  public var width: Double = 900
  public var height: Double = 460

  public init(title: String, x: AxisSpec, y: AxisSpec, lines: [LineChart.Series], points: [Point], pointsLegend: String? = nil) {
    (self.title, self.x, self.y, self.lines, self.points, self.pointsLegend) = (title, x, y, lines, points, pointsLegend)
  }

  var legend: [LegendEntry] {
    var entries = lines.map { LegendEntry($0.name, .line($0.style)) }
    if let name = pointsLegend, let plain = points.first(where: { !$0.isHighlighted }) {
      entries.append(LegendEntry(name, .marker(plain.style)))
    }
    entries += points.filter(\.isHighlighted).map { LegendEntry($0.name, .marker($0.style)) }
    return entries
  }

  public func svg() -> String {
    let xs = points.map(\.x) + lines.flatMap(\.xs)
    let ys = points.map(\.y) + lines.flatMap(\.ys)
    let finiteX = xs.filter(\.isFinite), finiteY = ys.filter(\.isFinite)
    let (xLo, xHi) = (min(0, finiteX.min() ?? 0), finiteX.max() ?? 1)
    let (yLo, yHi) = (min(0, finiteY.min() ?? 0), finiteY.max() ?? 1)
    let frame = SVGChart(
      title: title, width: width, height: height, x: x, y: y,
      xDomain: x.niceDomain(xLo, xHi + (xHi - xLo) * 0.08, target: 8), yDomain: y.niceDomain(yLo, yHi + (yHi - yLo) * 0.05),
      legendRows: Legend.rows(legend, maxWidth: width - 96))
    let c = ReportNumber.coordinate
    var marks = ""
    for (i, s) in lines.enumerated() {
      var chart = LineChart(title: title, x: x, y: y, series: [])
      chart.markersPerSeries = 0
      marks += chart.seriesSVG(s, index: i, frame)
    }
    var labels = ""
    for p in points where p.x.isFinite && p.y.isFinite {
      let px = frame.xScale.map(p.x), py = frame.yScale.map(p.y)
      marks += p.style.markerSVG(x: px, y: py, size: p.isHighlighted ? 7 : 4.5)
      let cls = p.isHighlighted ? "plabel hl" : "plabel"
      labels += "<text class=\"\(cls)\" x=\"\(c(px + (p.isHighlighted ? 10 : 7)))\" y=\"\(c(py - 6))\">\(HTMLEscaping.escape(p.name))</text>"
    }
    return frame.render(marks, legend: legend, overlay: labels.isEmpty ? "" : "<g>\(labels)</g>\n")
  }
}
