import Foundation

/// Annual expected returns from periodic returns, with PyPortfolioOpt's conventions
/// (`expected_returns.mean_historical_return`, `ema_historical_return`; `frequency` is
/// ``ReturnSeries/periodsPerYear``, 252 for daily data).
public enum ExpectedReturnEstimator: Sendable, Hashable {
  /// Mean historical return. Compounding (the default): the geometric mean
  /// `(∏_t (1 + r_t))^(f/T) − 1`; otherwise the arithmetic mean `f · (1/T) Σ_t r_t`.
  case meanHistorical(compounding: Bool = true)
  /// Exponentially weighted mean (pandas `ewm(span).mean()` with `adjust=True`): weights
  /// `(1 − α)^k` on the return `k` periods before the last, `α = 2/(span + 1)`; then
  /// `(1 + m)^f − 1` when compounding (the default), else `f · m`. PyPortfolioOpt's default
  /// span is 500.
  case exponential(span: Double = 500, compounding: Bool = true)

  /// The estimate for each asset of `returns`.
  /// - Complexity: O(N T)
  public func estimate(_ returns: ReturnSeries) -> [Double] {
    let f = returns.periodsPerYear
    return returns.columns.map { r in
      switch self {
      case .meanHistorical(let compounding):
        if !compounding { return f * Self.mean(r) }
        var growth = 1.0
        for v in r { growth *= 1 + v }
        return Foundation.pow(growth, f / Double(r.count)) - 1
      case .exponential(let span, let compounding):
        let m = Self.exponentialMean(r, span: span)
        return compounding ? Foundation.pow(1 + m, f) - 1 : f * m
      }
    }
  }

  static func mean(_ r: [Double]) -> Double {
    var s = 0.0
    for v in r { s += v }
    return s / Double(r.count)
  }

  /// pandas `Series.ewm(span=span, adjust=True).mean().iloc[-1]`.
  static func exponentialMean(_ r: [Double], span: Double) -> Double {
    let decay = 1 - 2 / (span + 1)
    var numerator = 0.0, denominator = 0.0
    for v in r {
      numerator = numerator * decay + v
      denominator = denominator * decay + 1
    }
    return numerator / denominator
  }

}
