public import BallastCore
import Foundation

/// What a backtest report draws: for each strategy, its value path, weights and rebalance
/// rows; and the series derived from them (growth of 1, drawdown, rolling statistics).
public struct BacktestPaths: Sendable {
  /// One strategy's path.
  public struct Strategy: Sendable {
    public var name: String
    /// The value at each row's close.
    public var values: [Double]
    /// The weights after trading, row-major: `weights[t * assets + a]`.
    public var weights: [Double]
    /// Rows on which the strategy traded.
    public var rebalanced: [Bool]
    /// Band widths below and above each target (in weight units), when the strategy has a
    /// fixed band; `nil` for calendar rules and buy-and-hold.
    public var band: (below: [Double], above: [Double])?
    /// How the band moves, when it is not fixed (e.g. "scaled by realised volatility").
    public var bandNote: String?

    public init(name: String, values: [Double], weights: [Double], rebalanced: [Bool],
                band: (below: [Double], above: [Double])? = nil, bandNote: String? = nil) {
      (self.name, self.values, self.weights, self.rebalanced, self.band, self.bandNote) = (name, values, weights, rebalanced, band, bandNote)
    }
  }

  public var dates: [CivilDate]
  public var assets: [String]
  public var targets: [Double]
  public var periodsPerYear: Double
  public var strategies: [Strategy]

  public init(dates: [CivilDate], assets: [String], targets: [Double], periodsPerYear: Double, strategies: [Strategy]) {
    (self.dates, self.assets, self.targets, self.periodsPerYear, self.strategies) = (dates, assets, targets, periodsPerYear, strategies)
  }

  /// The x of each row: its day number.
  public var xs: [Double] { dates.map { Double($0.dayNumber) } }

  /// Rows in a 12-month window: `round(periodsPerYear)`, at least 2.
  public var yearRows: Int { max(2, Int(periodsPerYear.rounded())) }
}

/// Series derived from a value path. Pure functions, O(n) each.
public enum PathStatistics {
  /// `values[t] / values[0]`.
  public static func growth(_ values: [Double]) -> [Double] {
    guard let first = values.first, first > 0 else { return values }
    return values.map { $0 / first }
  }

  /// `V_t / max(V_0…V_t) − 1` (SPEC §4's drawdown at every close).
  public static func drawdown(_ values: [Double]) -> [Double] {
    var peak = -Double.infinity
    return values.map { v in
      peak = max(peak, v)
      return peak > 0 ? v / peak - 1 : 0
    }
  }

  /// Trailing return over `window` periods: `V_t / V_{t−window} − 1`; NaN for the first rows.
  public static func rollingReturn(_ values: [Double], window: Int) -> [Double] {
    values.indices.map { t in t >= window && values[t - window] > 0 ? values[t] / values[t - window] - 1 : .nan }
  }

  /// Trailing annualised volatility: the sample standard deviation of the last `window`
  /// periodic returns × √periodsPerYear; NaN until `window` returns exist. Sums are recomputed
  /// over each window in a fixed order (no running-sum drift).
  public static func rollingVolatility(_ values: [Double], window: Int, periodsPerYear: Double) -> [Double] {
    let n = values.count
    guard n > 1, window >= 2 else { return [Double](repeating: .nan, count: n) }
    let r = [Double.nan] + (1..<n).map { values[$0 - 1] > 0 ? values[$0] / values[$0 - 1] - 1 : .nan }
    var out = [Double](repeating: .nan, count: n)
    guard n > window else { return out }
    for t in window..<n {
      var sum = 0.0
      for j in (t - window + 1)...t { sum += r[j] }
      let mean = sum / Double(window)
      var ss = 0.0
      for j in (t - window + 1)...t { ss += (r[j] - mean) * (r[j] - mean) }
      out[t] = (ss / Double(window - 1)).squareRoot() * periodsPerYear.squareRoot()
    }
    return out
  }

  /// The largest `|w_i − target_i|` at each row (after trading).
  public static func maxDeviation(weights: [Double], targets: [Double]) -> [Double] {
    let k = targets.count
    guard k > 0 else { return [] }
    return (0..<(weights.count / k)).map { t in
      var m = 0.0
      for a in 0..<k { m = max(m, abs(weights[t * k + a] - targets[a])) }
      return m
    }
  }
}
