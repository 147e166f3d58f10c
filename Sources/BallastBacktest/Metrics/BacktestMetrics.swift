import Foundation

/// The results of one strategy over one window, per SPEC §4 (`m` = periods = rows after the
/// first, `P` = periods per year, `r` = periodic returns of the unit value, `rf` = risk-free).
public struct BacktestMetrics: Sendable, Hashable {
  public var name: String
  /// `(V_end / V_0)^(P/m) − 1` (on the unit value when there are cash flows).
  public var cagr: Double
  /// `sd(r) × √P`, sample standard deviation (n − 1).
  public var volatility: Double
  /// The most negative `V / max(V so far) − 1` over row closes (0 if the value never fell).
  public var maxDrawdown: Double
  /// `mean(r − rf) / sd(r − rf) × √P`.
  public var sharpe: Double
  /// `mean(r − rf) × P / (√mean(min(r − rf, 0)²) × √P)`.
  public var sortino: Double
  /// `Σ over rebalances of Σ|w_after − w_before| / 2`, divided by the years `m / P`.
  public var turnover: Double
  /// Rows on which trades were made.
  public var rebalances: Int
  /// Total cost paid, in value units (the value starts at 1.0 unless an initial value is set).
  public var costs: Double
  /// The value at the last close (money, including cash flows).
  public var finalValue: Double
  /// `sd(r − r_mix) × √P`, where `r_mix` is the target mix rebalanced every row, without costs.
  public var trackingError: Double
  /// Mean over rows `1…m` of `max_i |w_i − target_i|` before trading.
  public var averageDrift: Double
  /// `cagr − cagr of none` over the same window (and the same cash flows).
  public var rebalancingAlpha: Double
  /// Sum of the cash flows (contributions positive, withdrawals negative).
  public var netFlows: Double
  /// The unit value at the last close (equals ``finalValue`` / initial value without flows).
  public var finalUnitValue: Double
}

extension BacktestMetrics {
  /// Metrics of lane `j` from the kernel's running sums.
  init(name: String, lane j: Int, totals s: LaneTotals, input x: KernelInput, periodsPerYear p: Double) {
    let m = Double(x.rows - 1)
    func sd(_ sum: Double, _ sum2: Double) -> Double {
      (max(0, sum2 - sum * sum / m) / (m - 1)).squareRoot()
    }
    let meanX = x.shiftX + s.sumX[j] / m
    self.name = name
    cagr = pow(s.nav[j], p / m) - 1
    volatility = sd(s.sumR[j], s.sumR2[j]) * p.squareRoot()
    maxDrawdown = s.maxDrawdown[j]
    sharpe = meanX / sd(s.sumX[j], s.sumX2[j]) * p.squareRoot()
    sortino = meanX * p / ((s.sumDown2[j] / m).squareRoot() * p.squareRoot())
    turnover = s.turnover[j] / (m / p)
    rebalances = Int(s.rebalances[j])
    costs = s.costs[j]
    finalValue = s.value[j]
    trackingError = sd(s.sumE[j], s.sumE2[j]) * p.squareRoot()
    averageDrift = s.drift[j] / m
    rebalancingAlpha = 0
    netFlows = s.netFlows[j]
    finalUnitValue = s.nav[j]
  }
}

extension BacktestMetrics {
  /// Metrics read back from a saved result (what `ballast backtest --format json` wrote).
  public static func saved(
    name: String, cagr: Double, volatility: Double, maxDrawdown: Double, sharpe: Double, sortino: Double, turnover: Double,
    rebalances: Int, costs: Double, finalValue: Double, trackingError: Double, averageDrift: Double, rebalancingAlpha: Double,
    netFlows: Double, finalUnitValue: Double
  ) -> BacktestMetrics {
    BacktestMetrics(
      name: name, cagr: cagr, volatility: volatility, maxDrawdown: maxDrawdown, sharpe: sharpe, sortino: sortino, turnover: turnover,
      rebalances: rebalances, costs: costs, finalValue: finalValue, trackingError: trackingError, averageDrift: averageDrift,
      rebalancingAlpha: rebalancingAlpha, netFlows: netFlows, finalUnitValue: finalUnitValue)
  }
}
