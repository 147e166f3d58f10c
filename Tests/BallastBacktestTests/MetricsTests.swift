@testable import BallastBacktest
import BallastCore
import Foundation
import Testing

/// Every metric of SPEC §4 on two- and three-row series worked out by hand.
@Suite struct MetricsTests {
  /// Two assets 50/50, monthly (P = 12). Row 1: A +20 %, B 0 %. Row 2: A 0 %, B +10 %.
  /// band:abs=0.04 with 100 bps of costs.
  /// - row 1: h = (0.6, 0.5), V = 1.1, w = (6/11, 5/11), drift = 1/22 ≈ 0.04545 > 0.04: trade.
  ///   traded = Σ|t − w| = 1/11; turnover += 1/22; cost = 0.01 × 1.1 × 1/11 = 0.001;
  ///   V = 1.099; h = (0.5495, 0.5495); r1 = 0.099.
  /// - row 2 (final, never trades): h = (0.5495, 0.60445), V = 1.15395, r2 = 0.05,
  ///   w = (10/21, 11/21), drift = 1/42.
  /// - benchmark (the 50/50 mix every row): b = (0.1, 0.05), so r − b = (−0.001, 0).
  /// - cagr = 1.15395^(12/2) − 1; none: V = (1.1, 1.15), cagr = 1.15^6 − 1.
  /// - volatility = |r1 − r2| / √2 × √12 = 0.049 × √6; tracking error = 0.001 × √6.
  /// - turnover = (1/22) / (2/12) = 3/11; average drift = (1/22 + 1/42) / 2.
  /// - sharpe = mean / sd × √12 = 0.0745 / (0.049/√2) × √12; no negative return, so
  ///   sortino's denominator is 0 and it is +∞.
  @Test func bandTradeWithCostsThreeRows() throws {
    let data = try panel([[0, 0], [0.2, 0], [0, 0.1]], dates: monthEnds(2020, 1, count: 3), targets: [0.5, 0.5])
    let m = try run("band:abs=0.04", on: data, configuration: .init(costBasisPoints: 100)).metrics
    #expect(m.rebalances == 1)
    #expect(close(m.costs, 0.001))
    #expect(close(m.finalValue, 1.15395))
    #expect(close(m.cagr, pow(1.15395, 6) - 1))
    #expect(close(m.volatility, 0.049 * 6.0.squareRoot()))
    #expect(close(m.trackingError, 0.001 * 6.0.squareRoot(), rel: 1e-9))
    #expect(close(m.turnover, 3.0 / 11))
    #expect(close(m.averageDrift, (1.0 / 22 + 1.0 / 42) / 2))
    #expect(close(m.sharpe, 0.0745 / (0.049 / 2.0.squareRoot()) * 12.0.squareRoot()))
    #expect(m.sortino == .infinity)
    #expect(m.maxDrawdown == 0)
    #expect(close(m.rebalancingAlpha, (pow(1.15395, 6) - 1) - (pow(1.15, 6) - 1)))
  }

  /// One asset, annual (P = 1): r = (+10 %, −20 %), so V = (1, 1.1, 0.88).
  /// - cagr = 0.88^(1/2) − 1; max drawdown = 0.88 / 1.1 − 1 = −0.2.
  /// - mean = −0.05, sd = 0.3/√2: volatility = 0.3/√2, sharpe = −0.05 / (0.3/√2).
  /// - sortino = −0.05 × 1 / (√((0 + 0.04)/2) × 1) = −0.05/√0.02.
  /// - buy and hold never trades: turnover, costs, rebalances, drift, tracking error all 0.
  @Test func lossAndDrawdownThreeRows() throws {
    let data = try panel([[0], [0.1], [-0.2]], dates: monthEnds(2020, 12, count: 3), targets: [1], periodsPerYear: 1)
    let m = try run("none", on: data).metrics
    #expect(close(m.cagr, 0.88.squareRoot() - 1))
    #expect(close(m.maxDrawdown, -0.2))
    #expect(close(m.volatility, 0.3 / 2.0.squareRoot()))
    #expect(close(m.sharpe, -0.05 / (0.3 / 2.0.squareRoot())))
    #expect(close(m.sortino, -0.05 / 0.02.squareRoot()))
    #expect(m.turnover == 0 && m.costs == 0 && m.rebalances == 0 && m.averageDrift == 0)
    #expect(m.trackingError < 1e-15 && m.rebalancingAlpha == 0)  // r − r_mix is rounding noise only
    #expect(close(m.finalValue, 0.88))
  }

  /// The same series with a risk-free column rf = (·, 0.01, 0.02): excess x = (0.09, −0.22).
  /// sharpe = −0.065 / (0.31/√2); sortino = −0.065 / √(0.22²/2). Volatility ignores rf.
  @Test func riskFreeEntersSharpeAndSortinoOnly() throws {
    let data = try panel(
      [[0], [0.1], [-0.2]], dates: monthEnds(2020, 12, count: 3), targets: [1], periodsPerYear: 1,
      riskFree: [0.5, 0.01, 0.02])
    let m = try run("none", on: data).metrics
    #expect(close(m.sharpe, -0.065 / (0.31 / 2.0.squareRoot())))
    #expect(close(m.sortino, -0.065 / (0.22 * 0.22 / 2).squareRoot()))
    #expect(close(m.volatility, 0.3 / 2.0.squareRoot()))
  }

  /// Two rows (one period): V = (1, 1.05). cagr = 1.05^12 − 1; the sample standard deviation
  /// of one return is undefined (n − 1 = 0), so volatility, sharpe and tracking error are NaN.
  @Test func twoRowsGiveCagrButNoDeviation() throws {
    let data = try panel([[0, 0], [0.1, 0]], dates: monthEnds(2021, 1, count: 2), targets: [0.5, 0.5])
    let m = try run("calendar:monthly", on: data).metrics
    #expect(close(m.cagr, pow(1.05, 12) - 1))
    #expect(m.volatility.isNaN && m.sharpe.isNaN && m.trackingError.isNaN)
    #expect(m.rebalances == 0)  // the final row never trades
    #expect(close(m.averageDrift, 0.55 / 1.05 - 0.5))
  }

  /// The first row's returns are never earned: changing them changes nothing.
  @Test func firstRowReturnsAreNotEarned() throws {
    let a = try panel([[0.5, -0.5], [0.1, 0], [0, 0.1]], dates: monthEnds(2020, 1, count: 3), targets: [0.5, 0.5])
    let b = try panel([[0, 0], [0.1, 0], [0, 0.1]], dates: monthEnds(2020, 1, count: 3), targets: [0.5, 0.5])
    #expect(try run("calendar:monthly", on: a).metrics == run("calendar:monthly", on: b).metrics)
  }
}
