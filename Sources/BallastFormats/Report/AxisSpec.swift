import BallastCore

/// One axis of a chart: its label (with the unit), its scale kind and how ticks read.
public struct AxisSpec: Sendable, Hashable {
  /// How values on the axis print.
  public enum Style: Sendable, Hashable {
    /// Plain numbers (`0.5`, `2`, `1,000`).
    case number
    /// Fractions shown as percentages (`0.05` → `5%`).
    case percent
    /// Day numbers (`CivilDate.dayNumber`) shown as years or months.
    case date
    /// Named categories: category `i` occupies `i...i+1`, its label at the centre.
    case categories([String])
  }

  public var label: String
  public var kind: ChartScale.Kind
  public var style: Style

  public init(_ label: String, kind: ChartScale.Kind = .linear, style: Style = .number) {
    self.label = label
    self.kind = kind
    self.style = style
  }

  /// Tick values and their labels over `domain`.
  public func ticks(_ domain: ClosedRange<Double>, target: Int = 6) -> [(value: Double, label: String)] {
    switch (style, kind) {
    case (.categories(let names), _):
      return names.enumerated().map { (Double($0.offset) + 0.5, $0.element) }
    case (.date, _):
      return DateTicks.ticks(fromDay: domain.lowerBound, toDay: domain.upperBound, target: target)
    case (_, .logarithmic):
      let values = NiceTicks.logarithmic(domain.lowerBound, domain.upperBound)
      return values.map { ($0, label(for: $0, step: $0 / 10)) }
    case (_, .linear):
      let (values, step) = NiceTicks.linear(domain.lowerBound, domain.upperBound, target: target)
      return values.filter { $0 >= domain.lowerBound - step * 1e-6 && $0 <= domain.upperBound + step * 1e-6 }
        .map { ($0, label(for: $0, step: step)) }
    }
  }

  /// The text of one value at the precision a tick step calls for.
  public func label(for v: Double, step: Double) -> String {
    switch style {
    case .percent: return ReportNumber.tickLabel(v * 100, step: step * 100) + "%"
    case .number:
      let text = ReportNumber.tickLabel(v, step: step)
      return abs(v) >= 10_000 && !text.contains(".") ? ReportNumber.fixed(v, 0, grouped: true) : text
    case .date: return CivilDate(dayNumber: Int(v.rounded())).description
    case .categories(let names):
      let i = Int(v.rounded(.down))
      return names.indices.contains(i) ? names[i] : ""
    }
  }

  /// The domain widened to whole ticks on a linear axis, so the frame ends on a labelled value.
  public func niceDomain(_ lo: Double, _ hi: Double, target: Int = 6) -> ClosedRange<Double> {
    switch (style, kind) {
    case (.categories(let names), _): return 0...Double(max(1, names.count))
    case (.date, _): return lo...max(hi, lo + 1)
    case (_, .logarithmic):
      let a = max(lo, 1e-12)
      return (a * 0.97)...(max(hi, a * 1.01) * 1.03)
    case (_, .linear):
      let ticks = NiceTicks.linear(lo, hi, target: target).ticks
      return (ticks.first ?? lo)...(ticks.last ?? hi)
    }
  }
}

/// Year or month ticks for a time axis measured in day numbers.
public enum DateTicks {
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// January 1 of every n-th year (n = 1, 2, 5, 10, …) for spans of two years or more; the first
  /// day of every 1st, 2nd, 3rd or 6th month for shorter spans.
  public static func ticks(fromDay lo: Double, toDay hi: Double, target: Int = 7) -> [(value: Double, label: String)] {
    let first = CivilDate(dayNumber: Int(lo.rounded(.down)))
    let last = CivilDate(dayNumber: Int(hi.rounded(.up)))
    let years = (hi - lo) / 365.25
    if years >= 2 {
      let step = max(1, Int(NiceTicks.niceStep(years / Double(target)).rounded(.up)))
      let start = (first.year / step) * step
      return stride(from: start, through: last.year + 1, by: step).compactMap { y in
        guard let d = CivilDate(year: y, month: 1, day: 1), Double(d.dayNumber) >= lo, Double(d.dayNumber) <= hi else { return nil }
        return (Double(d.dayNumber), String(y))
      }
    }
    let months = max(1, Int((hi - lo) / 30.4))
    let step = [1, 2, 3, 6].first { months / $0 <= target } ?? 12
    var out: [(Double, String)] = []
    var (y, m) = (first.year, first.month)
    while y < last.year || (y == last.year && m <= last.month) {
      if let d = CivilDate(year: y, month: m, day: 1), (m - 1) % step == 0, Double(d.dayNumber) >= lo, Double(d.dayNumber) <= hi {
        out.append((Double(d.dayNumber), "\(monthNames[m - 1]) \(y)"))
      }
      (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
    }
    return out
  }
}

extension AxisSpec {
  var isCategorical: Bool {
    if case .categories = style { return true }
    return false
  }
}
