/// Series derived from the returns once per backtest, before the kernel runs. Each value at
/// row `t` uses rows `1...t` only (row 0's returns are never earned, so never used).
enum Signals {
  /// σ over the last `window` rows divided by σ over rows `1...t` (sample standard deviations
  /// of `series`); 1 until `window` rows exist or when σ over all rows is 0.
  /// - Complexity: O(rows × window).
  static func volatilityRatio(_ series: [Double], window: Int) -> [Double] {
    let n = series.count
    var out = [Double](repeating: 1, count: n)
    var sum = 0.0
    var sum2 = 0.0
    for t in 1..<max(n, 1) {
      sum += series[t]
      sum2 += series[t] * series[t]
      guard t >= window, window >= 2 else { continue }
      let all = sampleSD(sum: sum, sumOfSquares: sum2, count: t)
      let recent = sampleSD(series[(t - window + 1)...t])
      if all > 0 { out[t] = recent / all }
    }
    return out
  }

  static func sampleSD(sum: Double, sumOfSquares: Double, count: Int) -> Double {
    guard count >= 2 else { return 0 }
    let m = Double(count)
    return (max(0, sumOfSquares - sum * sum / m) / (m - 1)).squareRoot()
  }

  static func sampleSD(_ xs: ArraySlice<Double>) -> Double {
    guard xs.count >= 2 else { return 0 }
    let mean = xs.reduce(0, +) / Double(xs.count)
    var s = 0.0
    for x in xs { s += (x - mean) * (x - mean) }
    return (s / Double(xs.count - 1)).squareRoot()
  }

  /// Mean of the pairwise sample correlations of the assets over the last `window` rows; 0 until
  /// `window` rows exist, for one asset, and for pairs where an asset did not move.
  /// - Complexity: O(rows × window × assets²).
  static func meanCorrelation(returns: [Double], rows n: Int, assets k: Int, window: Int) -> [Double] {
    var out = [Double](repeating: 0, count: n)
    guard k >= 2, window >= 2 else { return out }
    var mean = [Double](repeating: 0, count: k)
    var sd = [Double](repeating: 0, count: k)
    for t in 1..<max(n, 1) where t >= window {
      let rows = (t - window + 1)...t
      for a in 0..<k {
        var s = 0.0
        for r in rows { s += returns[r * k + a] }
        mean[a] = s / Double(window)
        var v = 0.0
        for r in rows { v += (returns[r * k + a] - mean[a]) * (returns[r * k + a] - mean[a]) }
        sd[a] = v.squareRoot()
      }
      var total = 0.0
      for a in 0..<k {
        for b in (a + 1)..<k where sd[a] > 0 && sd[b] > 0 {
          var c = 0.0
          for r in rows { c += (returns[r * k + a] - mean[a]) * (returns[r * k + b] - mean[b]) }
          total += c / (sd[a] * sd[b])
        }
      }
      out[t] = total / Double(k * (k - 1) / 2)
    }
    return out
  }

  /// `strong[t * k + a]`: the compounded return of asset `a` over the last `lookback` rows
  /// (this row included) is above `threshold`; false until `lookback` rows exist.
  static func momentumStrong(returns: [Double], rows n: Int, assets k: Int, lookback: Int, threshold: Double) -> [Bool] {
    var out = [Bool](repeating: false, count: n * k)
    guard lookback >= 1 else { return out }
    for t in 1..<max(n, 1) where t >= lookback {
      for a in 0..<k {
        var g = 1.0
        for r in (t - lookback + 1)...t { g *= 1 + returns[r * k + a] }
        out[t * k + a] = g - 1 > threshold
      }
    }
    return out
  }
}
