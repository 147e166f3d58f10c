/// How a series looks: a colour, a dash pattern and a marker, chosen so that series stay
/// apart in colour, in grey-scale print and for colour-blind readers (Okabe–Ito palette,
/// ordered so neighbours differ in lightness, each with its own dash and marker).
public struct SeriesStyle: Sendable, Hashable {
  public enum Marker: String, Sendable, Hashable, CaseIterable { case circle, square, triangle, diamond, cross, plus, none }
  public var color: String
  /// An SVG `stroke-dasharray`, empty for a solid line.
  public var dash: String
  public var marker: Marker

  public init(color: String, dash: String, marker: Marker) {
    self.color = color
    self.dash = dash
    self.marker = marker
  }

  /// The `i`-th style of the palette (cycling; the dash changes on the second lap).
  public static func palette(_ i: Int) -> SeriesStyle {
    let colors = ["#0b5394", "#d55e00", "#009e73", "#1a1a1a", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b"]
    let dashes = ["", "7 3", "2 2", "9 3 2 3", "4 4", "1 3", "12 4", "5 2 1 2"]
    let markers: [Marker] = [.circle, .square, .triangle, .diamond, .cross, .plus, .circle, .square]
    let k = ((i % colors.count) + colors.count) % colors.count
    let lap = (i / colors.count) % dashes.count
    return SeriesStyle(color: colors[k], dash: dashes[(k + lap) % dashes.count], marker: markers[k])
  }

  /// The SVG attributes of a stroke in this style.
  func strokeAttributes(width: Double = 1.6) -> String {
    "stroke=\"\(color)\" stroke-width=\"\(ReportNumber.coordinate(width))\" fill=\"none\""
      + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")
  }

  /// An SVG shape for the marker centred on (x, y).
  func markerSVG(x: Double, y: Double, size: Double = 3.5) -> String {
    let cx = ReportNumber.coordinate(x), cy = ReportNumber.coordinate(y)
    let s = size
    let c = ReportNumber.coordinate
    let paint = "fill=\"#fff\" stroke=\"\(color)\" stroke-width=\"1.4\""
    switch marker {
    case .circle: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"\(c(s))\" \(paint)/>"
    case .square: return "<rect x=\"\(c(x - s))\" y=\"\(c(y - s))\" width=\"\(c(2 * s))\" height=\"\(c(2 * s))\" \(paint)/>"
    case .triangle:
      return "<path d=\"M\(c(x)) \(c(y - s * 1.2))L\(c(x + s * 1.1)) \(c(y + s * 0.8))L\(c(x - s * 1.1)) \(c(y + s * 0.8))Z\" \(paint)/>"
    case .diamond:
      return "<path d=\"M\(c(x)) \(c(y - s * 1.3))L\(c(x + s)) \(c(y))L\(c(x)) \(c(y + s * 1.3))L\(c(x - s)) \(c(y))Z\" \(paint)/>"
    case .cross:
      return "<path d=\"M\(c(x - s)) \(c(y - s))L\(c(x + s)) \(c(y + s))M\(c(x - s)) \(c(y + s))L\(c(x + s)) \(c(y - s))\" stroke=\"\(color)\" stroke-width=\"1.6\" fill=\"none\"/>"
    case .plus:
      return "<path d=\"M\(c(x - s)) \(cy)L\(c(x + s)) \(cy)M\(cx) \(c(y - s))L\(cx) \(c(y + s))\" stroke=\"\(color)\" stroke-width=\"1.6\" fill=\"none\"/>"
    case .none: return ""
    }
  }
}
