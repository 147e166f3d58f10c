/// Horizontal grouped bars, one group per category (e.g. an asset class), with a whisker for
/// each category's band and a tick at its target: "where we stand, where we end, and where we
/// should be" in one picture.
public struct BarChart: Sendable {
  public struct Category: Sendable, Hashable {
    public var name: String
    /// One value per bar series, in the order of ``BarChart/bars``.
    public var values: [Double]
    public var target: Double?
    /// The band `lower...upper` drawn as a whisker with end caps.
    public var band: ClosedRange<Double>?
    public init(name: String, values: [Double], target: Double? = nil, band: ClosedRange<Double>? = nil) {
      (self.name, self.values, self.target, self.band) = (name, values, target, band)
    }
  }

  /// A bar series: its name, fill and outline (fills differ in lightness for grey print).
  public struct Bars: Sendable, Hashable {
    public var name: String, fill: String, stroke: String
    public init(name: String, fill: String, stroke: String) { (self.name, self.fill, self.stroke) = (name, fill, stroke) }
  }

  public var title: String
  public var valueAxis: AxisSpec
  public var bars: [Bars]
  public var categories: [Category]
  public var width: Double = 900

  public init(title: String, valueAxis: AxisSpec, bars: [Bars], categories: [Category]) {
    (self.title, self.valueAxis, self.bars, self.categories) = (title, valueAxis, bars, categories)
  }

  static let rowHeight = 40.0

  public func svg() -> String {
    let names = categories.map(\.name)
    var values: [Double] = [0]
    for cat in categories {
      values += cat.values.filter(\.isFinite)
      values += [cat.target, cat.band?.lowerBound, cat.band?.upperBound].compactMap { $0 }
    }
    let longest = Double(names.map(\.count).max() ?? 4)
    let legend = self.legend
    let rows = Legend.rows(legend, maxWidth: width - 200)
    let height = 38 + 18 * Double(rows) + Self.rowHeight * Double(max(1, categories.count)) + 50
    let frame = SVGChart(
      title: title, width: width, height: height, x: valueAxis, y: AxisSpec("", style: .categories(names.reversed())),
      xDomain: valueAxis.niceDomain(values.min() ?? 0, values.max() ?? 1, target: 8),
      yDomain: 0...Double(max(1, categories.count)), legendRows: rows, leftMargin: min(260, 24 + 7 * longest))
    var marks = ""
    for (i, cat) in categories.enumerated() { marks += categorySVG(cat, row: i, frame) }
    return frame.render(marks, legend: legend)
  }

  var legend: [LegendEntry] {
    bars.map { LegendEntry($0.name, .swatch(fill: $0.fill, stroke: $0.stroke)) }
      + [LegendEntry("target", .marker(SeriesStyle(color: "#000", dash: "", marker: .diamond))),
         LegendEntry("band (lower–upper)", .line(SeriesStyle(color: "#000", dash: "", marker: .none)))]
  }

  /// A bar's value: one decimal of a percentage, or two of a number.
  func valueText(_ v: Double) -> String {
    valueAxis.style == .percent ? ReportNumber.percent(v, 1) : ReportNumber.fixed(v, 2, grouped: true)
  }

  func categorySVG(_ cat: Category, row: Int, _ f: SVGChart) -> String {
    let c = ReportNumber.coordinate
    // Category `row` spans `row...row+1` in data units; the flipped scale puts row 0 at the top.
    let top = f.yScale.map(Double(categories.count - row))
    let slot = Self.rowHeight - 10
    let barHeight = slot / Double(max(1, bars.count))
    let zero = f.xScale.clampedMap(0)
    var out = ""
    for (k, v) in cat.values.enumerated() where k < bars.count && v.isFinite {
      let px = f.xScale.clampedMap(v)
      let y = top + 5 + Double(k) * barHeight
      out += "<rect x=\"\(c(min(zero, px)))\" y=\"\(c(y))\" width=\"\(c(abs(px - zero)))\" height=\"\(c(barHeight - 2))\" fill=\"\(bars[k].fill)\" stroke=\"\(bars[k].stroke)\"/>"
      out += "<text class=\"val\" x=\"\(c(max(zero, px) + 4))\" y=\"\(c(y + barHeight / 2 + 2))\">\(HTMLEscaping.escape(valueText(v)))</text>"
    }
    let mid = top + Self.rowHeight / 2
    if let band = cat.band {
      let a = f.xScale.clampedMap(band.lowerBound), b = f.xScale.clampedMap(band.upperBound)
      out += "<path class=\"whisker\" d=\"M\(c(a)) \(c(mid))H\(c(b))M\(c(a)) \(c(mid - 9))V\(c(mid + 9))M\(c(b)) \(c(mid - 9))V\(c(mid + 9))\" stroke=\"#000\" stroke-width=\"1.6\" fill=\"none\"/>"
    }
    if let t = cat.target {
      out += SeriesStyle(color: "#000", dash: "", marker: .diamond).markerSVG(x: f.xScale.clampedMap(t), y: mid, size: 4.5)
    }
    return out + "\n"
  }
}
