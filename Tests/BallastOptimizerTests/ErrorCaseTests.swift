import BallastOptimizer
import Testing

/// Impossible or degenerate problems give an error naming the cause, never weights.
@Suite struct ErrorCaseTests {
  let p = SyntheticProblem.make(n: 10, seed: 7)

  func optimiser(_ c: PortfolioConstraints? = nil) throws -> MeanVarianceOptimizer {
    try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance, constraints: c)
  }

  func expectError(_ fragment: String, code: String, _ body: () throws -> Void) {
    do {
      try body()
      Issue.record("expected an error containing '\(fragment)'")
    } catch let e as OptimizationError {
      #expect(e.code == code, "\(e)")
      #expect(e.message.contains(fragment), "\(e.message)")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func targetReturnAboveEveryAsset() throws {
    let best = p.mu.max() ?? 0
    let opt = try optimiser()
    expectError("above the highest expected return", code: "infeasible") { _ = try opt.optimize(.targetReturn(best + 0.01)) }
  }

  @Test func targetReturnAtTheBestAssetIsAllInIt() throws {
    let best = p.mu.max() ?? 0
    let r = try optimiser().optimize(.targetReturn(best))
    let i = p.mu.firstIndex(of: best) ?? -1
    #expect(abs(r.weights[i] - 1) < 1e-12)
  }

  @Test func targetRiskBelowMinimumVolatility() throws {
    let opt = try optimiser()
    let mv = try opt.optimize(.minVariance)
    expectError("below the minimum volatility", code: "infeasible") { _ = try opt.optimize(.targetRisk(mv.volatility * 0.9)) }
  }

  @Test func contradictoryBoundsNameTheAsset() throws {
    var c = PortfolioConstraints.longOnly(10)
    c.lower[3] = 0.5
    c.upper[3] = 0.2
    expectError("contradictory bounds on \(p.assets[3])", code: "infeasible") { _ = try optimiser(c) }
  }

  @Test func upperBoundsTooSmallToSumToOne() throws {
    expectError("upper bounds add up to", code: "infeasible") { _ = try optimiser(.uniform(10, lower: 0, upper: 0.05)) }
  }

  @Test func contradictoryGroupsAreNamed() throws {
    var c = PortfolioConstraints.longOnly(10)
    c.groups = [.init(name: "tech", members: [0, 1, 2], lower: 0.6), .init(name: "energy", members: [3, 4, 5], lower: 0.6)]
    let opt = try optimiser(c)
    expectError("group", code: "infeasible") { _ = try opt.optimize(.minVariance) }
  }

  @Test func noAssetAboveTheRiskFreeRate() throws {
    let opt = try optimiser()
    expectError("risk-free rate", code: "infeasible") { _ = try opt.optimize(.maxSharpe(riskFreeRate: 0.5)) }
  }

  /// Two identical assets: the covariance is singular and the split between them is arbitrary.
  @Test func duplicatedAssetIsASingularCovariance() throws {
    let n = 4
    let base = SyntheticProblem.make(n: 3, seed: 3)
    let idx = [0, 1, 2, 0]
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { v[i * n + j] = base.covariance[idx[i], idx[j]] } }
    let opt = try MeanVarianceOptimizer(
      assets: ["A", "B", "C", "A2"], expectedReturns: idx.map { base.mu[$0] },
      covariance: try CovarianceMatrix(dimension: n, values: v))
    expectError("singular", code: "singular-covariance") { _ = try opt.optimize(.minVariance) }
  }

  @Test func tooFewReturnsForTheSampleCovariance() throws {
    let r = try ReturnSeries(assets: ["A", "B", "C"], columns: [[0.01, 0.02], [0.0, 0.01], [0.02, -0.01]])
    expectError("only 2 returns", code: "singular-covariance") { _ = try CovarianceEstimator.sample.estimate(r) }
    #expect(throws: Never.self) { _ = try CovarianceEstimator.ledoitWolf.estimate(r) }
  }
}
