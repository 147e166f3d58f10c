import BallastCore
import BallastOptimizer
import QuadraticProgramming
import Testing

/// Metamorphic properties over seeded problems.
@Suite struct PropertyTests {
  static let objectives: [Objective] = [.minVariance, .maxSharpe(riskFreeRate: 0.01), .quadraticUtility(riskAversion: 3)]

  @Test(arguments: 0..<30)
  func reportedFiguresMatchTheWeights(seed: Int) throws {
    let n = [5, 17, 40][seed % 3]
    let p = SyntheticProblem.make(n: n, seed: UInt64(seed) + 10)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance,
                                        constraints: .uniform(n, lower: 0, upper: seed % 2 == 0 ? 1 : 0.3))
    let objective = Self.objectives[seed % 3]
    let r = try opt.optimize(objective)
    var sum = 0.0, ret = 0.0
    for i in 0..<n { sum += r.weights[i]; ret += p.mu[i] * r.weights[i] }
    let variance = p.covariance.variance(of: r.weights)
    #expect(abs(sum - 1) < 1e-12)
    #expect(r.weights.allSatisfy { $0 >= 0 && $0 <= (seed % 2 == 0 ? 1 : 0.3) })
    #expect(abs(r.expectedReturn - ret) <= 1e-14)
    #expect(abs(r.volatility - variance.squareRoot()) <= 1e-14)
    let recomputed: Double
    switch objective {
    case .minVariance: recomputed = variance
    case .maxSharpe(let rf): recomputed = (ret - rf) / variance.squareRoot()
    default: recomputed = ret - 1.5 * variance
    }
    #expect(abs(recomputed - r.objectiveValue) <= 1e-12 * abs(recomputed))
  }

  @Test(arguments: 0..<15)
  func permutingAssetsPermutesWeights(seed: Int) throws {
    let n = 25
    let p = SyntheticProblem.make(n: n, seed: UInt64(seed) + 99)
    var rng = SeededGenerator(seed: UInt64(seed))
    let perm = Array(0..<n).shuffled(using: &rng)
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { for j in 0..<n { v[i * n + j] = p.covariance[perm[i], perm[j]] } }
    let a = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    let b = try MeanVarianceOptimizer(assets: perm.map { p.assets[$0] }, expectedReturns: perm.map { p.mu[$0] },
                                      covariance: try CovarianceMatrix(dimension: n, values: v))
    let objective = Self.objectives[seed % 3]
    let ra = try a.optimize(objective), rb = try b.optimize(objective)
    for i in 0..<n { #expect(abs(rb.weights[i] - ra.weights[perm[i]]) < 1e-10) }
  }

  @Test(arguments: 0..<10)
  func warmStartGivesTheColdAnswer(seed: Int) throws {
    let n = 60
    let p = SyntheticProblem.make(n: n, seed: UInt64(seed) + 500)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    let equal = [Double](repeating: 1 / Double(n), count: n)
    for objective in Self.objectives {
      let cold = try opt.optimize(objective), warm = try opt.optimize(objective, warmStart: equal)
      for i in 0..<n { #expect(abs(cold.weights[i] - warm.weights[i]) < 1e-10) }
      #expect(warm.solver.phaseOnePivots == 0)
    }
  }

  @Test func frontierIsIncreasingInReturnAndRisk() throws {
    let p = SyntheticProblem.make(n: 30, seed: 4)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    let f = try opt.efficientFrontier(points: 25)
    #expect(f.count == 25)
    let mv = try opt.optimize(.minVariance)
    #expect(abs(f[0].volatility - mv.volatility) < 1e-12)
    #expect(abs(f[24].expectedReturn - (p.mu.max() ?? 0)) < 1e-12)
    for k in 1..<25 {
      #expect(f[k].expectedReturn > f[k - 1].expectedReturn)
      #expect(f[k].volatility >= f[k - 1].volatility - 1e-15)
      let direct = try opt.optimize(.targetReturn(f[k].expectedReturn))
      #expect(abs(direct.volatility - f[k].volatility) < 1e-12)
    }
  }

  /// Max-Sharpe lies on the frontier: no frontier point has a higher Sharpe ratio.
  @Test func maxSharpeBeatsEveryFrontierPoint() throws {
    let p = SyntheticProblem.make(n: 30, seed: 5)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    let best = try opt.optimize(.maxSharpe(riskFreeRate: 0))
    for point in try opt.efficientFrontier(points: 60) { #expect(point.sharpe <= best.sharpe + 1e-12) }
  }

  @Test func targetRiskHitsTheTargetAndMatchesTheFrontier() throws {
    let p = SyntheticProblem.make(n: 30, seed: 6)
    let opt = try MeanVarianceOptimizer(assets: p.assets, expectedReturns: p.mu, covariance: p.covariance)
    let mid = try opt.optimize(.targetReturn(0.1))
    let r = try opt.optimize(.targetRisk(mid.volatility))
    #expect(abs(r.volatility - mid.volatility) < 1e-12)
    #expect(abs(r.expectedReturn - 0.1) < 1e-9)
  }

  @Test func rollingOptimizerWarmStartsFromPreviousWeights() throws {
    let p = SyntheticProblem.make(n: 8, seed: 8)
    var rng = SeededGenerator(seed: 1)
    let returns = (0..<8).map { i in (0..<300).map { _ in 0.0005 + 0.02 * (rng.unit() - 0.5) * (1 + Double(i) / 8) } }
    let rolling = RollingOptimizer(objective: .minVariance, covariance: .ledoitWolf)
    let first = try rolling.weights(assets: p.assets, trailingReturns: returns.map { Array($0[0..<250]) }, previous: nil)
    let second = try rolling.weights(assets: p.assets, trailingReturns: returns.map { Array($0[50..<300]) }, previous: first.weights)
    #expect(second.solver.phaseOnePivots == 0)
    let cold = try rolling.weights(assets: p.assets, trailingReturns: returns.map { Array($0[50..<300]) }, previous: nil)
    for i in 0..<8 { #expect(abs(second.weights[i] - cold.weights[i]) < 1e-10) }
  }
}
