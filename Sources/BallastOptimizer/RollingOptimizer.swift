/// Re-optimisation for backtests: at each rebalance, estimate `μ` and `Σ` from a trailing window
/// of periodic returns and solve, warm-started from the previous weights (which usually differ
/// from the new optimum in a few assets, so the active-set method needs few iterations).
///
/// ```swift
/// let optimiser = RollingOptimizer(objective: .maxSharpe(riskFreeRate: 0), covariance: .ledoitWolf)
/// var w: [Double]? = nil
/// for window in windows {              // window[a][t]: the last T returns of asset a
///   w = try optimiser.weights(assets: names, trailingReturns: window, previous: w).weights
/// }
/// ```
public struct RollingOptimizer: Sendable {
  public var objective: Objective
  public var expectedReturns: ExpectedReturnEstimator
  public var covariance: CovarianceEstimator
  /// Nil means long-only.
  public var constraints: PortfolioConstraints?

  public init(objective: Objective, expectedReturns: ExpectedReturnEstimator = .meanHistorical(),
              covariance: CovarianceEstimator = .sample, constraints: PortfolioConstraints? = nil) {
    self.objective = objective
    self.expectedReturns = expectedReturns
    self.covariance = covariance
    self.constraints = constraints
  }

  /// New weights from the trailing returns (`trailingReturns[a][t]`, oldest first), warm-started
  /// from `previous` (ignored when it is infeasible for the new problem).
  /// - Throws: ``OptimizationError`` as ``MeanVarianceOptimizer/optimize(_:warmStart:)``.
  public func weights(assets: [String], trailingReturns: [[Double]], previous: [Double]?,
                      periodsPerYear: Double = 252) throws -> PortfolioResult {
    let returns = try ReturnSeries(assets: assets, columns: trailingReturns, periodsPerYear: periodsPerYear)
    let optimiser = try MeanVarianceOptimizer(
      assets: assets, expectedReturns: expectedReturns.estimate(returns),
      covariance: try covariance.estimate(returns), constraints: constraints)
    return try optimiser.optimize(objective, warmStart: previous)
  }
}
