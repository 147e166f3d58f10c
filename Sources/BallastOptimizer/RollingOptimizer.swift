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
  /// Nil means long-only (or ``bounds`` when given).
  public var constraints: PortfolioConstraints?
  /// The same `lower ≤ w_i ≤ upper` for every asset, used when ``constraints`` is nil (so the
  /// number of assets need not be known in advance).
  public var bounds: (lower: Double, upper: Double)?

  public init(objective: Objective, expectedReturns: ExpectedReturnEstimator = .meanHistorical(),
              covariance: CovarianceEstimator = .sample, constraints: PortfolioConstraints? = nil,
              bounds: (lower: Double, upper: Double)? = nil) {
    self.objective = objective
    self.expectedReturns = expectedReturns
    self.covariance = covariance
    self.constraints = constraints
    self.bounds = bounds
  }

  /// New weights from the trailing returns (`trailingReturns[a][t]`, oldest first), warm-started
  /// from `previous` (ignored when it is infeasible for the new problem).
  /// - Throws: ``OptimizationError`` as ``MeanVarianceOptimizer/optimize(_:warmStart:)``.
  public func weights(assets: [String], trailingReturns: [[Double]], previous: [Double]?,
                      periodsPerYear: Double = 252) throws -> PortfolioResult {
    let returns = try ReturnSeries(assets: assets, columns: trailingReturns, periodsPerYear: periodsPerYear)
    let optimiser = try MeanVarianceOptimizer(
      assets: assets, expectedReturns: expectedReturns.estimate(returns),
      covariance: try covariance.estimate(returns),
      constraints: constraints ?? bounds.map { .uniform(assets.count, lower: $0.lower, upper: $0.upper) })
    return try optimiser.optimize(objective, warmStart: previous)
  }
}
