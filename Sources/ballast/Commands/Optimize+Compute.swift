import ArgumentParser
import BallastCore
import BallastFormats
import BallastOptimizer
import Foundation

extension Optimize {
  /// Estimation (for prices), the optimisation, the frontier and the allocation.
  func compute(_ input: OptimizeInput) throws -> OptimizeReport {
    let (expected, estimated, inputs) = try estimates(input)
    let what: String
    if case .meanCovariance = input.source { what = "the covariance matrix of \(cov ?? "--cov")" } else { what = "the estimated covariance matrix" }
    let (covariance, warning) = try estimated.repairedIfNeeded(fixCov.repair, what: what)
    do {
      return try compute(input, covariance: covariance, expected: expected, inputs: inputs, warning: warning)
    } catch let e as OptimizationError {
      if let warning {
        let hint = fixCov == .spectral ? " (the spectral repair leaves zero eigenvalues; --fix-cov diag keeps the matrix positive definite)" : ""
        OutputSink.printError("ballast: warning: \(warning)\(hint)")
      }
      throw e
    }
  }

  func compute(
    _ input: OptimizeInput, covariance: CovarianceMatrix, expected: [Double], inputs: [(String, JSONValue)],
    warning: String?
  ) throws -> OptimizeReport {
    let (lo, hi) = try parsedBounds()
    let n = input.assets.count
    let constraints = PortfolioConstraints(
      lower: [Double](repeating: lo, count: n), upper: [Double](repeating: hi, count: n),
      groups: try parsedGroups(input.assets))
    let optimiser = try MeanVarianceOptimizer(
      assets: input.assets, expectedReturns: expected, covariance: covariance, constraints: constraints)
    let objective = try parsedObjective()
    var result = try optimiser.optimize(objective)
    let rf: Double
    if case .maxSharpe(let r) = objective { rf = r } else { rf = riskFree }
    if rf != 0 {
      result.sharpe = result.volatility > 0 ? (result.expectedReturn - rf) / result.volatility : .nan
    }
    var report = OptimizeReport(objective: objective.name, riskFreeRate: rf, result: result, inputs: inputs)
    report.warnings = warning.map { [$0] } ?? []
    if let text = currentWeights {
      let current = try CurrentWeights.parse(text, assets: input.assets)
      let rebalancer = try CostAwareRebalancer(
        assets: input.assets, covariance: covariance, constraints: constraints,
        costRates: [Double](repeating: (costBps ?? 0) / 10_000, count: n), trackingErrorAversion: teAversion,
        turnoverLimit: maxTurnover)
      report.rebalance = RebalanceSection(
        current: current, target: result.weights, result: try rebalancer.rebalance(from: current, toward: result.weights),
        costBasisPoints: costBps ?? 0, maxTurnover: maxTurnover, trackingErrorAversion: teAversion)
    }
    if let points = frontier {
      report.frontier = try optimiser.efficientFrontier(points: points).map { p in
        var q = p
        q.sharpe = q.volatility > 0 ? (q.expectedReturn - rf) / q.volatility : .nan
        return q
      }
    }
    if let amount = value, case .prices(_, _, let series, _) = input.source {
      let last = series.map { $0[$0.count - 1] }
      let da = try DiscreteAllocation(assets: input.assets, weights: result.weights, prices: last, cash: amount)
      let shares = allocation == .exact ? da.exact() : da.greedy()
      report.allocation = (allocation.rawValue, amount, last, shares)
    }
    return report
  }

  func estimates(_ input: OptimizeInput) throws -> ([Double], CovarianceMatrix, [(String, JSONValue)]) {
    switch input.source {
    case .meanCovariance(let mu, let c):
      return (mu, c, [("source", .string("mu-cov")), ("mu", .string(self.mu ?? "")), ("cov", .string(cov ?? ""))])
    case .prices(let file, let dates, let series, let method):
      let r = try ReturnSeries(assets: input.assets, prices: series)
      let expected: ExpectedReturnEstimator = returns == .mean ? .meanHistorical() : .exponential()
      let estimator: CovarianceEstimator = method == "sample" ? .sample : method == "exp" ? .exponential() : .ledoitWolf
      let info: [(String, JSONValue)] = [
        ("source", .string("prices")), ("file", .string(file)),
        ("from", .string(dates[0].description)), ("to", .string(dates[dates.count - 1].description)),
        ("periods", .int(r.periodCount)), ("returns", .string(returns.rawValue)), ("covariance", .string(method)),
      ]
      return (expected.estimate(r), try estimator.estimate(r), info)
    }
  }
}
