/// Locale-free number text for reports: the same value always prints the same characters,
/// whatever the machine's locale (no `String(format:)`, no `NumberFormatter`).
public enum ReportNumber {
  /// `v` rounded half away from zero to `digits` decimals: `fixed(0.125, 2)` is `0.13`,
  /// `fixed(-0.004, 2)` is `0.00` (no negative zero). Non-finite values print as `n/a`.
  /// - Complexity: O(digits)
  public static func fixed(_ v: Double, _ digits: Int, grouped: Bool = false) -> String {
    guard v.isFinite else { return "n/a" }
    let d = max(0, min(digits, 12))
    var scale = 1.0
    for _ in 0..<d { scale *= 10 }
    let scaled = (abs(v) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e18 else { return v < 0 ? "-huge" : "huge" }
    let n = UInt64(scaled)
    let whole = n / UInt64(scale)
    let frac = n % UInt64(scale)
    var text = grouped ? group(String(whole)) : String(whole)
    if d > 0 {
      let f = String(frac)
      text += "." + String(repeating: "0", count: d - f.count) + f
    }
    return (v < 0 && n != 0 ? "-" : "") + text
  }

  /// `1234567` → `1,234,567`.
  static func group(_ digits: String) -> String {
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }

  /// A weight or return as a percentage: `percent(0.0712, 1)` is `7.1%`.
  public static func percent(_ v: Double, _ digits: Int = 1, signed: Bool = false) -> String {
    guard v.isFinite else { return "n/a" }
    let text = fixed(v * 100, digits) + "%"
    return signed && !text.hasPrefix("-") && text != fixed(0, digits) + "%" ? "+" + text : text
  }

  /// Percentage points: `points(0.062)` is `+6.2 pp`.
  public static func points(_ v: Double, _ digits: Int = 1) -> String {
    guard v.isFinite else { return "n/a" }
    let text = fixed(v * 100, digits)
    return (text.hasPrefix("-") || Double(text) == 0 ? text : "+" + text) + " pp"
  }

  /// An SVG coordinate: one decimal, trailing `.0` dropped (keeps files small and stable).
  static func coordinate(_ v: Double) -> String {
    let text = fixed(v, 1)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// The shortest of `fixed(v, 0...6)` that shows `v` to within `step / 1000`: tick labels
  /// such as `0.05`, `2`, `1.5` with no spurious digits.
  static func tickLabel(_ v: Double, step: Double) -> String {
    for d in 0...8 {
      let text = fixed(v, d)
      if let back = Double(text), abs(back - v) <= abs(step) * 1e-3 { return text }
    }
    return fixed(v, 8)
  }
}
