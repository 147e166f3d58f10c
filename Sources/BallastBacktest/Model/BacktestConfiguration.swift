/// Settings shared by every strategy of a run.
public struct BacktestConfiguration: Sendable {
  /// Cost in basis points of the traded value (buys plus sells) at each rebalance.
  public var costBasisPoints: Double
  /// The value at the first close (SPEC §4: 1.0); amounts of cash flows are in the same units.
  public var initialValue: Double
  public var cashFlows: [PeriodicFlow]
  /// Keep the value and weights of every row (for `--series`).
  public var recordSeries: Bool

  public init(costBasisPoints: Double = 0, initialValue: Double = 1, cashFlows: [PeriodicFlow] = [], recordSeries: Bool = false) {
    self.costBasisPoints = costBasisPoints
    self.initialValue = initialValue
    self.cashFlows = cashFlows
    self.recordSeries = recordSeries
  }
}

/// A periodic contribution (positive) or withdrawal (negative), made at the close of the last
/// row of each calendar period, after that row's returns and before the strategy looks; never
/// on the first or the final row.
public struct PeriodicFlow: Sendable, Hashable {
  public enum Size: Sendable, Hashable {
    /// A fixed amount in value units (`--contribution 1000/month`).
    case amount(Double)
    /// A fraction of the value at that close (`--withdrawal 4%/year` is `-0.04`).
    case fraction(Double)
  }

  public var size: Size
  public var frequency: RebalanceFrequency

  public init(_ size: Size, every frequency: RebalanceFrequency) {
    self.size = size
    self.frequency = frequency
  }
}

extension BacktestConfiguration {
  func flowRows(for data: BacktestData) throws -> FlowRows? {
    guard !cashFlows.isEmpty else { return nil }
    guard initialValue > 0, initialValue.isFinite else {
      throw BacktestError("the initial value must be positive")
    }
    let n = data.rowCount
    var rows = FlowRows(
      amount: [Double](repeating: 0, count: n), fraction: [Double](repeating: 0, count: n),
      active: [Bool](repeating: false, count: n))
    for flow in cashFlows {
      let ends = flow.frequency.periodEnds(data.dates)
      for t in 1..<(n - 1) where ends[t] {
        rows.active[t] = true
        switch flow.size {
        case .amount(let a): rows.amount[t] += a
        case .fraction(let f):
          guard f > -1 else { throw BacktestError("a withdrawal cannot exceed 100% of the value") }
          rows.fraction[t] += f
        }
      }
    }
    return rows
  }
}
