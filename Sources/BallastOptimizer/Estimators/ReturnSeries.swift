/// Periodic simple returns of several assets over the same dates, one column per asset:
/// `columns[a][t] = p_a[t+1] / p_a[t] − 1` (PyPortfolioOpt's `returns_from_prices`).
public struct ReturnSeries: Sendable {
  public let assets: [String]
  /// `columns[a][t]`, oldest first.
  public let columns: [[Double]]
  /// Periods per year used to annualise (252 for daily data).
  public let periodsPerYear: Double

  /// Returns given directly.
  /// - Throws: ``OptimizationError`` when the columns are ragged, empty or not finite.
  public init(assets: [String], columns: [[Double]], periodsPerYear: Double = 252) throws {
    guard assets.count == columns.count, !assets.isEmpty else {
      throw OptimizationError.invalid("expected one return column per asset, found \(columns.count) for \(assets.count) assets")
    }
    let t = columns[0].count
    guard t >= 2 else { throw OptimizationError.invalid("at least 2 returns are needed, found \(t)") }
    for (a, c) in columns.enumerated() {
      guard c.count == t else { throw OptimizationError.invalid("asset \(assets[a]) has \(c.count) returns, expected \(t)") }
      guard c.allSatisfy(\.isFinite) else { throw OptimizationError.invalid("asset \(assets[a]) has a non-finite return") }
    }
    self.assets = assets
    self.columns = columns
    self.periodsPerYear = periodsPerYear
  }

  /// Simple returns from prices (`prices[a][t]`, oldest first, all positive).
  /// - Throws: ``OptimizationError`` naming the asset with a non-positive price.
  public init(assets: [String], prices: [[Double]], periodsPerYear: Double = 252) throws {
    var cols: [[Double]] = []
    for (a, p) in prices.enumerated() {
      guard let bad = p.firstIndex(where: { !($0 > 0) }) else {
        cols.append((1..<p.count).map { p[$0] / p[$0 - 1] - 1 })
        continue
      }
      throw OptimizationError.invalid("price \(p[bad]) of \(a < assets.count ? assets[a] : "asset \(a)") in row \(bad + 1) is not positive")
    }
    try self.init(assets: assets, columns: cols, periodsPerYear: periodsPerYear)
  }

  public var assetCount: Int { assets.count }
  public var periodCount: Int { columns[0].count }
}
