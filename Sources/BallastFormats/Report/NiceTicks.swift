import Foundation

/// Tick positions a person can read: steps of 1, 2 or 5 times a power of ten (Heckbert,
/// "Nice numbers for graph labels", Graphics Gems, 1990), and powers of ten (with 2 and 5
/// between them when the range is short) on a log axis.
public enum NiceTicks {
  /// A step of 1, 2 or 5 × 10ⁿ nearest to `raw` (Heckbert's rounding thresholds 1.5, 3, 7).
  /// - Complexity: O(1)
  public static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let exponent = (raw.log10Floor)
    let base = pow10(exponent)
    let fraction = raw / base
    let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    return nice * base
  }

  /// Ticks covering `[lo, hi]`: the first at or below `lo`, the last at or above `hi`, about
  /// `target` of them. Returns the ticks and the step. A zero-width range is widened.
  /// - Complexity: O(target)
  public static func linear(_ lo: Double, _ hi: Double, target: Int = 6) -> (ticks: [Double], step: Double) {
    var (a, b) = (min(lo, hi), max(lo, hi))
    if !(a.isFinite && b.isFinite) { (a, b) = (0, 1) }
    if b - a < 1e-12 * max(1, abs(a)) {
      let pad = a == 0 ? 1 : abs(a) * 0.1
      (a, b) = (a - pad, b + pad)
    }
    let step = niceStep((b - a) / Double(max(1, target - 1)))
    let first = (a / step).rounded(.down)
    let last = (b / step).rounded(.up)
    let ticks = stride(from: first, through: last + 0.5, by: 1).map { clean($0 * step, step) }
    return (ticks, step)
  }

  /// Ticks of a log axis over `[lo, hi]` (both positive): powers of ten, with 2 and 5 between
  /// them when fewer than three decades are shown, and more in-between values for very short
  /// ranges. Only ticks inside `[lo, hi]` are returned, plus the nearest outside ones when
  /// fewer than two fall inside.
  public static func logarithmic(_ lo: Double, _ hi: Double) -> [Double] {
    guard lo > 0, hi > lo else { return [lo] }
    let decades = hi.log10Value - lo.log10Value
    if decades < 0.5 { return linear(lo, hi, target: 5).ticks.filter { $0 > 0 } }
    let mantissas: [Double] = decades < 1.2 ? [1, 1.5, 2, 3, 5, 7] : decades < 3 ? [1, 2, 5] : [1]
    var ticks: [Double] = []
    for e in (lo.log10Floor - 1)...(hi.log10Floor + 1) {
      for m in mantissas {
        let v = clean(m * pow10(e), pow10(e))
        if v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12) { ticks.append(v) }
      }
    }
    return ticks
  }

  /// Removes binary noise: `0.1 * 3` becomes `0.3`.
  static func clean(_ v: Double, _ step: Double) -> Double {
    let scale = pow10(-min(0, step.log10Floor - 2))
    return (v * scale).rounded() / scale
  }

  static func pow10(_ e: Int) -> Double {
    var r = 1.0
    if e >= 0 { for _ in 0..<e { r *= 10 } } else { for _ in 0..<(-e) { r /= 10 } }
    return r
  }
}

extension Double {
  /// ⌊log₁₀ self⌋ for a positive finite value, exact at powers of ten.
  var log10Floor: Int {
    var e = 0
    var v = self
    while v >= 10 { v /= 10; e += 1 }
    while v < 1 { v *= 10; e -= 1 }
    return e
  }

  var log10Value: Double { Foundation.log10(self) }
}
