/// One legend entry: a sample of the series' stroke (or a filled swatch) and its name.
public struct LegendEntry: Sendable, Hashable {
  public enum Sample: Sendable, Hashable {
    case line(SeriesStyle)
    case swatch(fill: String, stroke: String)
    case marker(SeriesStyle)
  }
  public var name: String
  public var sample: Sample

  public init(_ name: String, _ sample: Sample) {
    self.name = name
    self.sample = sample
  }
}

/// Lays legend entries out left to right, wrapping to a new row when the width runs out.
enum Legend {
  /// Rows needed for `entries` in `maxWidth` pixels.
  static func rows(_ entries: [LegendEntry], maxWidth: Double) -> Int {
    layout(entries, x: 0, y: 0, maxWidth: maxWidth).last.map { Int(($0.y / 18).rounded()) + 1 } ?? 0
  }

  static func entryWidth(_ e: LegendEntry) -> Double { 34 + 6.6 * Double(e.name.count) + 18 }

  static func layout(_ entries: [LegendEntry], x: Double, y: Double, maxWidth: Double) -> [(x: Double, y: Double)] {
    var positions: [(Double, Double)] = []
    var (cx, cy) = (x, y)
    for e in entries {
      let w = entryWidth(e)
      if cx > x && cx + w > x + maxWidth { (cx, cy) = (x, cy + 18) }
      positions.append((cx, cy))
      cx += w
    }
    return positions
  }

  static func svg(_ entries: [LegendEntry], x: Double, y: Double, maxWidth: Double) -> String {
    guard !entries.isEmpty else { return "" }
    let c = ReportNumber.coordinate
    var out = "<g class=\"legend\">"
    for (e, pos) in zip(entries, layout(entries, x: x, y: y, maxWidth: maxWidth)) {
      let my = pos.y - 4
      switch e.sample {
      case .line(let s):
        out += "<line x1=\"\(c(pos.x))\" y1=\"\(c(my))\" x2=\"\(c(pos.x + 28))\" y2=\"\(c(my))\" \(s.strokeAttributes(width: 2.2))/>"
        out += s.markerSVG(x: pos.x + 14, y: my)
      case .swatch(let fill, let stroke):
        out += "<rect x=\"\(c(pos.x + 4))\" y=\"\(c(my - 6))\" width=\"20\" height=\"12\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
      case .marker(let s):
        out += s.markerSVG(x: pos.x + 14, y: my, size: 4.5)
      }
      out += "<text x=\"\(c(pos.x + 34))\" y=\"\(c(pos.y))\">\(HTMLEscaping.escape(e.name))</text>"
    }
    return out + "</g>\n"
  }
}
