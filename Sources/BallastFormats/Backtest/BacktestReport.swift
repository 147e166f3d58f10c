public import BallastBacktest
public import BallastCore
import Foundation

/// The results of a backtest run, written as a table for people or JSON/CSV for programs
/// (SPEC §3: the `backtest` JSON shape; extra keys come after the SPEC's).
public struct BacktestReport: Sendable {
  public var from: CivilDate
  public var to: CivilDate
  public var periods: Int
  public var periodsPerYear: Double
  public var assets: [String]
  public var targets: [Double]
  public var costBasisPoints: Double
  /// Where the data came from (file path, or the bundled data set's name).
  public var source: String
  public var riskFree: String?
  public var results: [BacktestMetrics]

  /// A report read back from saved results.
  public init(
    from: CivilDate, to: CivilDate, periods: Int, periodsPerYear: Double, assets: [String], targets: [Double],
    costBasisPoints: Double, source: String, riskFree: String?, results: [BacktestMetrics]
  ) {
    (self.from, self.to, self.periods, self.periodsPerYear, self.assets, self.targets) = (from, to, periods, periodsPerYear, assets, targets)
    (self.costBasisPoints, self.source, self.riskFree, self.results) = (costBasisPoints, source, riskFree, results)
  }

  public init(
    data: BacktestData, source: String, riskFree: String?, costBasisPoints: Double, results: [BacktestMetrics]
  ) {
    from = data.dates[0]
    to = data.dates[data.dates.count - 1]
    periods = data.periods
    periodsPerYear = data.periodsPerYear
    assets = data.assets
    targets = data.targets
    self.costBasisPoints = costBasisPoints
    self.source = source
    self.riskFree = riskFree
    self.results = results
  }

  /// The metric keys of one strategy, in SPEC §3 order, then additions.
  static let keys = [
    "name", "cagr", "volatility", "maxDrawdown", "sharpe", "sortino", "turnover", "rebalances", "costs",
    "finalValue", "trackingError", "averageDrift", "rebalancingAlpha", "netFlows", "finalUnitValue",
  ]

  static func numbers(_ m: BacktestMetrics) -> [Double] {
    [
      m.cagr, m.volatility, m.maxDrawdown, m.sharpe, m.sortino, m.turnover, Double(m.rebalances), m.costs,
      m.finalValue, m.trackingError, m.averageDrift, m.rebalancingAlpha, m.netFlows, m.finalUnitValue,
    ]
  }

  public func json() -> String {
    let strategies = results.map { m -> JSONValue in
      var members: [(String, JSONValue)] = [("name", .string(m.name))]
      for (key, v) in zip(Self.keys.dropFirst(), Self.numbers(m)) {
        members.append((key, key == "rebalances" ? .int(m.rebalances) : .double(v)))
      }
      return .object(members)
    }
    let doc = JSONValue.object([
      ("from", .string(from.description)), ("to", .string(to.description)), ("periods", .int(periods)),
      ("periodsPerYear", .double(periodsPerYear)), ("strategies", .array(strategies)),
      ("data", .string(source)),
      ("assets", .array(zip(assets, targets).map { .object([("name", .string($0)), ("target", .double($1))]) })),
      ("costBps", .double(costBasisPoints)), ("riskFree", riskFree.map(JSONValue.string) ?? .null),
    ])
    return doc.rendered()
  }

  /// One row per strategy, every metric at full precision (empty where undefined).
  public func csv() -> String {
    var w = CSVWriter(header: Self.keys)
    for m in results {
      w.append([m.name] + zip(Self.keys.dropFirst(), Self.numbers(m)).map { key, v in
        key == "rebalances" ? String(m.rebalances) : (v.isFinite ? "\(v)" : "")
      })
    }
    return w.text
  }

  /// The seed's comparison table: one row per strategy.
  public func table() -> String {
    let mix = zip(assets, targets).map { "\($0) \(Self.percent($1, digits: 0))" }.joined(separator: " / ")
    var out = "\(mix)\n"
    out += "\(source), \(from) to \(to): \(periods) periods, \(Self.plain(periodsPerYear))/year"
    out += ", costs \(Self.plain(costBasisPoints)) bps" + (riskFree.map { ", risk-free \($0)" } ?? "") + "\n\n"
    var t = TextTable(columns: [
      .init("strategy", .left), .init("annual return"), .init("volatility"), .init("max drawdown"), .init("Sharpe"),
      .init("Sortino"), .init("turnover/yr"), .init("rebalances"), .init("rebalancing alpha"),
    ])
    for m in results {
      t.append([
        m.name, Self.percent(m.cagr), Self.percent(m.volatility), Self.percent(m.maxDrawdown), Self.ratio(m.sharpe),
        Self.ratio(m.sortino), Self.percent(m.turnover, digits: 1), String(m.rebalances),
        Self.percent(m.rebalancingAlpha, signed: true),
      ])
    }
    return out + t.rendered()
  }

  static func percent(_ v: Double, digits: Int = 2, signed: Bool = false) -> String {
    guard v.isFinite else { return "n/a" }
    let text = String(format: "%.\(digits)f%%", v * 100)
    return signed && !text.hasPrefix("-") ? "+" + text : text
  }

  static func ratio(_ v: Double) -> String { v.isFinite ? String(format: "%.2f", v) : "n/a" }

  static func plain(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
  }

  /// The value and weights after trading of every strategy at every row, in long form:
  /// `strategy,date,value,rebalanced,<asset>…` (`rebalanced` is 1 on rows where it traded).
  public static func seriesCSV(dates: [CivilDate], assets: [String], results: [BacktestResult]) -> String {
    var w = CSVWriter(header: ["strategy", "date", "value", "rebalanced"] + assets)
    let k = assets.count
    for r in results {
      guard let s = r.series else { continue }
      for t in dates.indices {
        let traded = s.rebalanced.isEmpty ? "0" : (s.rebalanced[t] ? "1" : "0")
        w.append([r.metrics.name, dates[t].description, "\(s.values[t])", traded] + (0..<k).map { "\(s.weights[t * k + $0])" })
      }
    }
    return w.text
  }
}
