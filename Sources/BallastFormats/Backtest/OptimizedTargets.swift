public import BallastBacktest
public import BallastOptimizer

/// Targets from a mean-variance optimiser re-estimated on a trailing window: the
/// ``TargetProvider`` behind `optimized:` backtest strategies.
///
/// On a rebalance row `t` it takes the returns of rows `t − window + 1 … t` (nothing later),
/// estimates `μ` and `Σ` with ``RollingOptimizer``'s estimators (annualised with the data's
/// periods per year), and solves, warm-started from the targets in force. Before `window`
/// earned returns exist it answers `nil`: the strategy keeps (and rebalances to) its initial
/// targets.
public struct OptimizedTargets: TargetProvider {
  public var optimizer: RollingOptimizer
  /// Rows of returns per estimate; `nil` means one year of rows (the data's periods per year).
  public var window: Int?
  /// Warm-start the solver from the targets in force (the result is the same either way; only
  /// the solver's work changes).
  public var warmStart: Bool
  /// What to do when a window has no optimal portfolio (e.g. no asset above the risk-free rate
  /// for max-Sharpe): keep the targets in force (`true`) or stop the backtest with the reason.
  public var holdOnFailure: Bool

  public init(optimizer: RollingOptimizer, window: Int? = nil, warmStart: Bool = true, holdOnFailure: Bool = false) {
    self.optimizer = optimizer
    self.window = window
    self.warmStart = warmStart
    self.holdOnFailure = holdOnFailure
  }

  /// The window length used on data with `periodsPerYear` rows a year.
  public func windowLength(periodsPerYear: Double) -> Int {
    window ?? max(2, Int(periodsPerYear.rounded()))
  }

  public func targets(history: ReturnHistory, current: [Double]) throws -> [Double]? {
    guard let returns = history.trailing(windowLength(periodsPerYear: history.periodsPerYear)) else { return nil }
    do {
      return try optimizer.weights(
        assets: history.assets, trailingReturns: returns, previous: warmStart ? current : nil,
        periodsPerYear: history.periodsPerYear
      ).weights
    } catch let e as OptimizationError {
      if holdOnFailure { return nil }
      throw BacktestError("\(e.description) (add on-fail=hold to keep the targets in force on such dates)")
    }
  }
}
