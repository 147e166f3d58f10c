public import BallastBacktest

/// The HTML report of a sweep (`ballast report sweep`): the chosen metric, turnover, costs and
/// rebalances against the swept parameter, with the best region shaded on every chart.
public enum SweepReportPage {
  /// A metric a sweep can be judged by.
  public enum Metric: String, Sendable, CaseIterable {
    case cagr, sharpe, sortino, maxDrawdown, volatility, rebalancingAlpha, trackingError

    /// The metric of one strategy.
    public func value(_ m: BacktestMetrics) -> Double {
      switch self {
      case .cagr: m.cagr
      case .sharpe: m.sharpe
      case .sortino: m.sortino
      case .maxDrawdown: m.maxDrawdown
      case .volatility: m.volatility
      case .rebalancingAlpha: m.rebalancingAlpha
      case .trackingError: m.trackingError
      }
    }

    /// Whether larger is better (a drawdown is negative, so larger is shallower).
    public var higherIsBetter: Bool { self != .volatility && self != .trackingError }

    var label: String {
      switch self {
      case .cagr: "annual return (CAGR, %)"
      case .sharpe: "Sharpe ratio"
      case .sortino: "Sortino ratio"
      case .maxDrawdown: "max drawdown (%)"
      case .volatility: "volatility (annual, %)"
      case .rebalancingAlpha: "rebalancing alpha (% per year)"
      case .trackingError: "tracking error (annual, %)"
      }
    }

    var isPercent: Bool { self != .sharpe && self != .sortino }
  }

  /// The swept parameter: the one `key=value` part that differs between the strategy names
  /// (`band:abs=0.001`, `band:abs=0.002`, … → `abs`, [0.001, 0.002, …]); `nil` when no single
  /// numeric part varies.
  public static func parameter(of names: [String]) -> (key: String, values: [Double])? {
    let parts = names.map { name -> [(String, String)] in
      let body = name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
      return body.split(separator: ",").map { p in
        let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
        return kv.count == 2 ? (kv[0], kv[1]) : (kv[0], "")
      }
    }
    guard let first = parts.first, parts.allSatisfy({ $0.count == first.count }) else { return nil }
    let varying = first.indices.filter { i in parts.contains { $0[i] != first[i] } }
    guard varying.count == 1, let i = varying.first else { return nil }
    let values = parts.compactMap { Double($0[i].1) }
    guard values.count == names.count, parts.allSatisfy({ $0[i].0 == first[i].0 }) else { return nil }
    return (first[i].0, values)
  }

  /// The best value and the region around it: the widest run of neighbouring parameter values
  /// (in sweep order) whose metric is within `tolerance` × (best − worst) of the best.
  public static func bestRegion(_ metric: [Double], higherIsBetter: Bool, tolerance: Double = 0.1) -> (best: Int, range: ClosedRange<Int>)? {
    let scored = metric.map { $0.isFinite ? (higherIsBetter ? $0 : -$0) : -.infinity }
    guard let best = scored.indices.max(by: { scored[$0] < scored[$1] }), scored[best].isFinite else { return nil }
    let worst = scored.filter(\.isFinite).min() ?? scored[best]
    let floor = scored[best] - tolerance * (scored[best] - worst)
    var lo = best, hi = best
    while lo > 0 && scored[lo - 1] >= floor { lo -= 1 }
    while hi < scored.count - 1 && scored[hi + 1] >= floor { hi += 1 }
    return (best, lo...hi)
  }
}
