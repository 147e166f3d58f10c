import BallastOptimizer
import QuadraticProgramming
import Testing

@Suite struct CostAwareRebalancerTests {
  let p = SyntheticProblem.make(n: 6, seed: 21)

  func rebalancer(cost: Double, turnover: Double? = nil) throws -> CostAwareRebalancer {
    try CostAwareRebalancer(assets: p.assets, covariance: p.covariance,
                            costRates: [Double](repeating: cost, count: 6), turnoverLimit: turnover)
  }

  let target = [0.3, 0.2, 0.2, 0.1, 0.1, 0.1]

  @Test func withoutCostsItTradesToTheTarget() throws {
    let r = try rebalancer(cost: 0).rebalance(from: [0.25, 0.25, 0.2, 0.1, 0.1, 0.1], toward: target)
    for i in 0..<6 { #expect(abs(r.weights[i] - target[i]) < 1e-12) }
  }

  @Test func smallDriftInsideTheNoTradeRegionIsNotTraded() throws {
    let current = [0.301, 0.199, 0.2, 0.1, 0.1, 0.1]
    let r = try rebalancer(cost: 0.002).rebalance(from: current, toward: target)
    for i in 0..<6 { #expect(abs(r.weights[i] - current[i]) < 1e-15) }
    #expect(r.turnover < 1e-15)
  }

  /// With costs the trade stops at the edge of the no-trade region: the KKT condition
  /// |λ(Σ(w − t))_i + ν| ≤ c_i holds for untraded assets and with equality for traded ones.
  @Test func largeDriftIsTradedPartway() throws {
    let current = [0.45, 0.05, 0.2, 0.1, 0.1, 0.1]
    let cost = 0.001
    let r = try rebalancer(cost: cost).rebalance(from: current, toward: target)
    #expect(r.weights[0] < current[0] && r.weights[0] > target[0])
    #expect(r.weights[1] > current[1] && r.weights[1] < target[1])
    let zero = try rebalancer(cost: 0).rebalance(from: current, toward: target)
    #expect(r.objectiveValue <= 0.5 * 0 + cost * zero.turnover + 1e-15)
    var sum = 0.0
    for w in r.weights { sum += w }
    #expect(abs(sum - 1) < 1e-14)
  }

  @Test func turnoverLimitHolds() throws {
    let current = [0.45, 0.05, 0.2, 0.1, 0.1, 0.1]
    let r = try rebalancer(cost: 0, turnover: 0.1).rebalance(from: current, toward: target)
    #expect(abs(r.turnover - 0.1) < 1e-12)
    #expect(r.solver.residuals.maximum < 1e-12)
  }
}

@Suite struct DiscreteAllocationTests {
  /// PyPortfolioOpt's documented example shape: four assets, $10,000.
  let assets = ["A", "B", "C", "D"]
  let weights = [0.4, 0.3, 0.2, 0.1]
  let prices = [151.0, 47.5, 212.3, 19.9]

  @Test func greedyStaysWithinCashAndNearWeights() throws {
    let a = try DiscreteAllocation(assets: assets, weights: weights, prices: prices, cash: 10_000).greedy()
    #expect(a.leftover >= 0 && a.leftover < prices.min() ?? 0)
    #expect(a.shares == [26, 63, 9, 50] || a.leftover < 19.9)
  }

  @Test func exactIsAtLeastAsGoodAsGreedyAndProved() throws {
    for cash in [1_000.0, 2_345.0, 10_000.0, 55_555.0] {
      let d = try DiscreteAllocation(assets: assets, weights: weights, prices: prices, cash: cash)
      let g = d.greedy(), e = d.exact()
      #expect(e.isProvenOptimal)
      #expect(e.objective <= g.objective + 1e-9)
      #expect(e.leftover >= -1e-9)
    }
  }

  /// Brute force over every share count confirms the branch and bound on a small case.
  @Test func exactMatchesBruteForce() throws {
    let d = try DiscreteAllocation(assets: ["A", "B", "C"], weights: [0.5, 0.3, 0.2], prices: [97, 41, 13], cash: 500)
    var best = Double.infinity
    for a in 0...5 { for b in 0...12 { for c in 0...38 where 97 * a + 41 * b + 13 * c <= 500 {
      let x = [a, b, c].map(Double.init)
      let left = 500 - 97 * x[0] - 41 * x[1] - 13 * x[2]
      best = min(best, abs(250 - 97 * x[0]) + abs(150 - 41 * x[1]) + abs(100 - 13 * x[2]) + left)
    } } }
    #expect(abs(d.exact().objective - best) < 1e-9)
  }

  @Test func fromExistingHoldingsBuysOnlyByDefault() throws {
    let d = try DiscreteAllocation(assets: assets, weights: weights, prices: prices, cash: 2_000, holdings: [30, 0, 0, 0])
    let e = d.exact()
    #expect(e.trades.allSatisfy { $0 >= 0 })
    #expect(e.shares[0] >= 30)
    let sells = try DiscreteAllocation(assets: assets, weights: weights, prices: prices, cash: 2_000,
                                       holdings: [30, 0, 0, 0], allowSells: true).exact()
    #expect(sells.trades[0] < 0)
    #expect(sells.objective <= e.objective + 1e-9)
  }
}
