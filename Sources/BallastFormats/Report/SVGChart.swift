/// The frame every chart shares: a titled SVG of a fixed size, a plot area with grid lines,
/// labelled ticks and axis titles, and a legend above the plot. Charts draw their data into
/// ``plot`` through the two scales and hand the marks to ``render(_:legend:overlay:)``.
public struct SVGChart: Sendable {
  public var title: String
  public var width: Double
  public var height: Double
  public var x: AxisSpec
  public var y: AxisSpec
  public var xScale: ChartScale
  public var yScale: ChartScale
  /// Left, top, right, bottom margins around the plot area.
  public var margins: (left: Double, top: Double, right: Double, bottom: Double)

  /// A frame of `width` × `height` pixels over the given data domains.
  public init(
    title: String, width: Double = 900, height: Double = 340, x: AxisSpec, y: AxisSpec,
    xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, legendRows: Int = 1, leftMargin: Double = 74
  ) {
    self.title = title
    self.width = width
    self.height = height
    self.x = x
    self.y = y
    margins = (left: leftMargin, top: 38 + 18 * Double(max(0, legendRows)), right: 22, bottom: 50)
    xScale = ChartScale(x.kind, domain: xDomain, pixels: margins.left...(width - margins.right))
    yScale = ChartScale(y.kind, domain: yDomain, pixels: margins.top...(height - margins.bottom), flipped: true)
  }

  /// The plot area's left, top, right and bottom pixels.
  public var plot: (left: Double, top: Double, right: Double, bottom: Double) {
    (margins.left, margins.top, width - margins.right, height - margins.bottom)
  }

  /// A clip-path id unique to this chart's title, so charts on one page do not share clips.
  var clipID: String {
    var h: UInt64 = 1469598103934665603
    for b in title.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
    return "clip" + String(h % 1_000_000_007)
  }

  /// The whole SVG: frame, grid, `marks` clipped to the plot area, axes on top, the legend.
  public func render(_ marks: String, legend: [LegendEntry], overlay: String = "") -> String {
    let c = ReportNumber.coordinate
    let p = plot
    var out = "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(c(width))\" height=\"\(c(height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\">\n"
    out += "<title>\(HTMLEscaping.escape(title))</title>\n"
    out += "<defs><clipPath id=\"\(clipID)\"><rect x=\"\(c(p.left))\" y=\"\(c(p.top))\" width=\"\(c(p.right - p.left))\" height=\"\(c(p.bottom - p.top))\"/></clipPath></defs>\n"
    out += "<text class=\"ctitle\" x=\"\(c(p.left))\" y=\"20\">\(HTMLEscaping.escape(title))</text>\n"
    out += grid()
    out += "<g clip-path=\"url(#\(clipID))\">\n\(marks)</g>\n"
    out += axes()
    out += overlay
    out += Legend.svg(legend, x: p.left, y: 34, maxWidth: p.right - p.left)
    return out + "</svg>\n"
  }

  func grid() -> String {
    let c = ReportNumber.coordinate
    let p = plot
    var out = "<g class=\"grid\">"
    for t in y.ticks(yScale.domain) where yScale.contains(t.value) && !y.isCategorical {
      let py = c(yScale.map(t.value))
      out += "<line x1=\"\(c(p.left))\" y1=\"\(py)\" x2=\"\(c(p.right))\" y2=\"\(py)\"/>"
    }
    for t in x.ticks(xScale.domain, target: 8) where xScale.contains(t.value) {
      let px = c(xScale.map(t.value))
      out += "<line x1=\"\(px)\" y1=\"\(c(p.top))\" x2=\"\(px)\" y2=\"\(c(p.bottom))\"/>"
    }
    return out + "</g>\n"
  }

  func axes() -> String {
    let c = ReportNumber.coordinate
    let p = plot
    var out = "<g class=\"axis\"><rect x=\"\(c(p.left))\" y=\"\(c(p.top))\" width=\"\(c(p.right - p.left))\" height=\"\(c(p.bottom - p.top))\" fill=\"none\"/>"
    for t in y.ticks(yScale.domain) where yScale.contains(t.value) {
      let py = yScale.map(t.value)
      out += "<line x1=\"\(c(p.left - 5))\" y1=\"\(c(py))\" x2=\"\(c(p.left))\" y2=\"\(c(py))\"/>"
      out += "<text x=\"\(c(p.left - 8))\" y=\"\(c(py + 4))\" text-anchor=\"end\">\(HTMLEscaping.escape(t.label))</text>"
    }
    for t in x.ticks(xScale.domain, target: 8) where xScale.contains(t.value) {
      let px = xScale.map(t.value)
      out += "<line x1=\"\(c(px))\" y1=\"\(c(p.bottom))\" x2=\"\(c(px))\" y2=\"\(c(p.bottom + 5))\"/>"
      out += "<text x=\"\(c(px))\" y=\"\(c(p.bottom + 18))\" text-anchor=\"middle\">\(HTMLEscaping.escape(t.label))</text>"
    }
    out += "<text class=\"alabel\" x=\"\(c((p.left + p.right) / 2))\" y=\"\(c(height - 10))\" text-anchor=\"middle\">\(HTMLEscaping.escape(x.label))</text>"
    let cy = (p.top + p.bottom) / 2
    out += "<text class=\"alabel\" transform=\"translate(16 \(c(cy))) rotate(-90)\" text-anchor=\"middle\">\(HTMLEscaping.escape(y.label))</text>"
    return out + "</g>\n"
  }
}
