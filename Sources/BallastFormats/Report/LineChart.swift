/// A line chart: one or more series over a shared x axis (dates or numbers), on a linear or
/// log y axis, with optional shaded horizontal bands, shaded x ranges, reference lines and
/// event ticks (e.g. rebalance dates). Long series are thinned per pixel column
/// (``Downsampling``), keeping every extreme.
public struct LineChart: Sendable {
  public struct Series: Sendable {
    public var name: String
    public var xs: [Double]
    /// Non-finite values break the line (e.g. a rolling statistic before its window fills).
    public var ys: [Double]
    public var style: SeriesStyle
    public init(_ name: String, xs: [Double], ys: [Double], style: SeriesStyle) {
      precondition(xs.count == ys.count, "x and y differ in length")
      self.name = name
      self.xs = xs
      self.ys = ys
      self.style = style
    }
  }

  /// A horizontal band `lower...upper` shaded across the plot (a tolerance band).
  public struct Band: Sendable, Hashable {
    public var lower: Double, upper: Double, color: String, label: String?
    public init(lower: Double, upper: Double, color: String, label: String? = nil) {
      (self.lower, self.upper, self.color, self.label) = (lower, upper, color, label)
    }
  }

  /// A vertical range of x shaded across the plot (e.g. the best region of a sweep).
  public struct Region: Sendable, Hashable {
    public var from: Double, to: Double, label: String
    public init(from: Double, to: Double, label: String) { (self.from, self.to, self.label) = (from, to, label) }
  }

  /// A row of short ticks at given x values along the bottom of the plot, in a series' style.
  public struct Events: Sendable {
    public var name: String, xs: [Double], style: SeriesStyle, row: Int
    public init(name: String, xs: [Double], style: SeriesStyle, row: Int) {
      (self.name, self.xs, self.style, self.row) = (name, xs, style, row)
    }
  }

  public var title: String
  public var x: AxisSpec
  public var y: AxisSpec
  public var series: [Series]
  public var bands: [Band] = []
  public var regions: [Region] = []
  public var events: [Events] = []
  /// Horizontal lines drawn thin and dark (e.g. 0 %, or a value of 1).
  public var references: [Double] = []
  /// Points drawn large over everything, and named in the legend (e.g. the best value).
  public var highlights: [ScatterChart.Point] = []
  /// Forces the y domain to include these values (e.g. 0 for a drawdown).
  public var includeY: [Double] = []
  public var width: Double = 900
  public var height: Double = 340
  /// Markers per series along the line, so grey-scale prints tell series apart.
  public var markersPerSeries = 8

  public init(title: String, x: AxisSpec, y: AxisSpec, series: [Series]) {
    self.title = title
    self.x = x
    self.y = y
    self.series = series
  }

  /// The SVG of the chart.
  public func svg() -> String {
    let frame = makeFrame()
    var marks = ""
    for b in bands { marks += bandSVG(b, frame) }
    for r in regions { marks += regionSVG(r, frame) }
    for r in references {
      let py = ReportNumber.coordinate(frame.yScale.map(r))
      marks += "<line class=\"ref\" x1=\"\(ReportNumber.coordinate(frame.plot.left))\" y1=\"\(py)\" x2=\"\(ReportNumber.coordinate(frame.plot.right))\" y2=\"\(py)\"/>\n"
    }
    for (i, s) in series.enumerated() { marks += seriesSVG(s, index: i, frame) }
    for e in events { marks += eventsSVG(e, frame) }
    let overlay = highlights.map { $0.style.markerSVG(x: frame.xScale.map($0.x), y: frame.yScale.map($0.y), size: 6.5) }.joined()
    return frame.render(marks, legend: legend, overlay: overlay)
  }

  var legend: [LegendEntry] {
    series.map { LegendEntry($0.name, .line($0.style)) }
      + bands.compactMap { b in b.label.map { LegendEntry($0, .swatch(fill: b.color, stroke: "#999")) } }
      + regions.map { LegendEntry($0.label, .swatch(fill: "#fff3b0", stroke: "#c9a400")) }
      + events.map { LegendEntry($0.name, .swatch(fill: $0.style.color, stroke: $0.style.color)) }
      + highlights.map { LegendEntry($0.name, .marker($0.style)) }
  }

  func makeFrame() -> SVGChart {
    var xs: [Double] = [], ys: [Double] = includeY + references
    for s in series {
      for (a, b) in zip(s.xs, s.ys) where a.isFinite && b.isFinite && (y.kind == .linear || b > 0) {
        xs.append(a)
        ys.append(b)
      }
    }
    for b in bands { ys += [b.lower, b.upper] }
    let xLo = xs.min() ?? 0, xHi = xs.max() ?? 1
    let yLo = ys.min() ?? 0, yHi = ys.max() ?? 1
    let rows = Legend.rows(legend, maxWidth: width - 96)
    var frame = SVGChart(
      title: title, width: width, height: height, x: x, y: y,
      xDomain: x.style == .date ? xLo...max(xHi, xLo + 1) : x.niceDomain(xLo, xHi, target: 8),
      yDomain: y.niceDomain(yLo, yHi), legendRows: rows)
    if !events.isEmpty {
      let extra = 8 * Double(events.map(\.row).max().map { $0 + 1 } ?? 0)
      frame.yScale.pixels = frame.yScale.pixels.lowerBound...(frame.yScale.pixels.upperBound - extra)
    }
    return frame
  }

  func seriesSVG(_ s: Series, index: Int, _ f: SVGChart) -> String {
    let keep = Downsampling.m4Indices(count: s.xs.count, y: { s.ys[$0].isFinite ? s.ys[$0] : 0 }, bucketOf: { i in
      Int(f.xScale.map(s.xs[i]).rounded(.down))
    })
    var d = ""
    var pen = false
    var points: [(Double, Double)] = []
    for i in keep {
      let v = s.ys[i]
      guard v.isFinite, y.kind == .linear || v > 0 else { pen = false; continue }
      let px = f.xScale.map(s.xs[i]), py = f.yScale.map(v)
      d += (pen ? "L" : "M") + ReportNumber.coordinate(px) + " " + ReportNumber.coordinate(py)
      pen = true
      points.append((px, py))
    }
    var out = "<path class=\"series\" d=\"\(d)\" \(s.style.strokeAttributes())/>\n"
    if markersPerSeries > 0 && points.count > 1 {
      let n = markersPerSeries
      for k in 0..<n {
        let t = (Double(k) + 0.5 + Double(index % 4) * 0.2) / Double(n)
        let j = min(points.count - 1, Int(t * Double(points.count)))
        out += s.style.markerSVG(x: points[j].0, y: points[j].1)
      }
      out += "\n"
    }
    return out
  }

  func bandSVG(_ b: Band, _ f: SVGChart) -> String {
    let c = ReportNumber.coordinate
    let top = f.yScale.map(max(b.lower, b.upper)), bottom = f.yScale.map(min(b.lower, b.upper))
    return "<rect class=\"band\" x=\"\(c(f.plot.left))\" y=\"\(c(top))\" width=\"\(c(f.plot.right - f.plot.left))\" height=\"\(c(max(0, bottom - top)))\" fill=\"\(b.color)\"/>\n"
  }

  func regionSVG(_ r: Region, _ f: SVGChart) -> String {
    let c = ReportNumber.coordinate
    let a = f.xScale.map(min(r.from, r.to)), b = f.xScale.map(max(r.from, r.to))
    let w = max(3, b - a)
    return "<rect class=\"region\" x=\"\(c(a - (w - (b - a)) / 2))\" y=\"\(c(f.plot.top))\" width=\"\(c(w))\" height=\"\(c(f.plot.bottom - f.plot.top))\" fill=\"#fff3b0\" stroke=\"#c9a400\" stroke-dasharray=\"3 2\"/>\n"
  }

  func eventsSVG(_ e: Events, _ f: SVGChart) -> String {
    let c = ReportNumber.coordinate
    let y1 = f.plot.bottom - 8 * Double(e.row + 1) + 1
    var d = ""
    var last = -10.0
    for v in e.xs {
      let px = f.xScale.map(v)
      guard px - last >= 1 else { continue }
      d += "M\(c(px)) \(c(y1))v6"
      last = px
    }
    return "<path class=\"events\" d=\"\(d)\" stroke=\"\(e.style.color)\" stroke-width=\"1.2\"/>\n"
  }
}
