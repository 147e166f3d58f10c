public import BallastCore

/// The market history a backtest runs on: one row per date, one simple return per asset and
/// row, and the target weight of each asset.
///
/// Returns are stored row-major in one contiguous array (`returns[row * assetCount + asset]`)
/// together with the growth factors `1 + r`, so the simulation kernel reads memory in order.
/// Row 0 is the start: the portfolio is bought at its close and its returns are never earned
/// (SPEC §4).
public struct BacktestData: Sendable {
  public let dates: [CivilDate]
  public let assets: [String]
  /// Target weights, one per asset, summing to 1.
  public let targets: [Double]
  /// Simple periodic returns, row-major, `rows × assets`; row 0 is ignored.
  public let returns: [Double]
  /// `1 + returns[j]`, precomputed once.
  public let growth: [Double]
  /// Risk-free return per row (same period as the returns); zeros when none was given.
  public let riskFree: [Double]
  /// Whether ``riskFree`` came from data (false: all zeros).
  public let hasRiskFree: Bool
  /// 12 for monthly data, 252 for daily, 1 for annual.
  public let periodsPerYear: Double
  /// Return of the target mix rebalanced every row, without costs: `Σ target_i × r_i` per row.
  public let benchmark: [Double]

  public var rowCount: Int { dates.count }
  public var assetCount: Int { assets.count }
  /// Rows after the first: the number of periods whose returns are earned.
  public var periods: Int { dates.count - 1 }

  /// Builds the data, checking its shape.
  /// - Parameters:
  ///   - columns: one array of simple returns per asset, each with one value per date.
  ///   - riskFree: optional per-row risk-free returns.
  /// - Throws: ``BacktestError`` for fewer than two rows, mismatched lengths, no asset,
  ///   non-finite values, a return of −100 % or less, or targets that are negative or do not
  ///   sum to 1 (within 1e-9).
  public init(
    dates: [CivilDate], assets: [String], targets: [Double], columns: [[Double]],
    riskFree: [Double]? = nil, periodsPerYear: Double
  ) throws {
    try Self.validate(dates: dates, assets: assets, targets: targets, columns: columns, riskFree: riskFree)
    guard periodsPerYear > 0, periodsPerYear.isFinite else {
      throw BacktestError("periods per year must be positive, found \(periodsPerYear)")
    }
    let n = dates.count
    let k = assets.count
    var returns = [Double](repeating: 0, count: n * k)
    for a in 0..<k {
      for t in 0..<n { returns[t * k + a] = columns[a][t] }
    }
    self.dates = dates
    self.assets = assets
    self.targets = targets
    self.returns = returns
    self.growth = returns.map { 1 + $0 }
    self.riskFree = riskFree ?? [Double](repeating: 0, count: n)
    self.hasRiskFree = riskFree != nil
    self.periodsPerYear = periodsPerYear
    var bench = [Double](repeating: 0, count: n)
    for t in 0..<n {
      var s = 0.0
      for a in 0..<k { s += targets[a] * returns[t * k + a] }
      bench[t] = s
    }
    self.benchmark = bench
  }

  private static func validate(
    dates: [CivilDate], assets: [String], targets: [Double], columns: [[Double]], riskFree: [Double]?
  ) throws {
    guard dates.count >= 2 else {
      throw BacktestError("a backtest needs at least two rows (a start and one period), found \(dates.count)")
    }
    guard !assets.isEmpty, assets.count == targets.count, assets.count == columns.count else {
      throw BacktestError("expected one target and one return column per asset")
    }
    for (a, column) in columns.enumerated() {
      guard column.count == dates.count else {
        throw BacktestError("column '\(assets[a])' has \(column.count) values for \(dates.count) dates")
      }
      for (t, r) in column.enumerated() where t > 0 && !(r.isFinite && r > -1) {
        throw BacktestError("return of '\(assets[a])' on \(dates[t]) is \(r); expected a finite return above -100%")
      }
    }
    if let riskFree, riskFree.count != dates.count || riskFree.contains(where: { !$0.isFinite }) {
      throw BacktestError("the risk-free series must have one finite value per date")
    }
    guard targets.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw BacktestError("target weights must be non-negative")
    }
    let sum = targets.reduce(0, +)
    guard abs(sum - 1) <= Tolerance.targetSum else {
      throw BacktestError("target weights must sum to 1, found \(sum)")
    }
  }
}

/// Named tolerances of the backtest (STYLE C6).
public enum Tolerance {
  /// How far the target weights may sum from 1 (they come from decimal text like `0.6,0.4`).
  public static let targetSum = 1e-9
  /// How far targets from a ``TargetProvider`` may sum from 1 (an optimiser's weights satisfy
  /// the budget to its own tolerance, far below this).
  public static let providedTargetSum = 1e-6
}

/// A backtest that cannot run as asked (bad shape, unknown parameter, missing signal).
public struct BacktestError: Error, CustomStringConvertible, Sendable, Equatable {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension BacktestData {
  /// Builds returns from prices: `r[t] = p[t] / p[t-1] - 1`, row 0 gets 0 (never earned).
  /// - Throws: ``BacktestError`` when a price is not positive.
  public static func returns(fromPrices prices: [Double], name: String, dates: [CivilDate]) throws -> [Double] {
    var r = [Double](repeating: 0, count: prices.count)
    for t in 0..<prices.count {
      guard prices[t] > 0 else {
        throw BacktestError("price of '\(name)' on \(dates[t]) is \(prices[t]); prices must be positive")
      }
      if t > 0 { r[t] = prices[t] / prices[t - 1] - 1 }
    }
    return r
  }

  /// The number of periods per year implied by the median gap between dates: 252 (daily),
  /// 52 (weekly), 12 (monthly), 4 (quarterly) or 1 (annual); `nil` when it fits none.
  public static func inferPeriodsPerYear(_ dates: [CivilDate]) -> Double? {
    guard dates.count >= 2 else { return nil }
    var gaps: [Int] = []
    for t in 1..<dates.count { gaps.append(dates[t - 1].days(to: dates[t])) }
    gaps.sort()
    let median = gaps[gaps.count / 2]
    switch median {
    case 1...5: return 252
    case 6...9: return 52
    case 26...33: return 12
    case 85...96: return 4
    case 358...372: return 1
    default: return nil
    }
  }
}
