public import BallastOptimizer
import Foundation

/// Cost-aware rebalancing from current weights toward the optimised target
/// (``CostAwareRebalancer``), as reported by `ballast optimize --current-weights`.
public struct RebalanceSection: Sendable {
  public var current: [Double]
  public var target: [Double]
  public var result: RebalanceResult
  public var costBasisPoints: Double
  public var maxTurnover: Double?
  public var trackingErrorAversion: Double

  public init(current: [Double], target: [Double], result: RebalanceResult, costBasisPoints: Double,
              maxTurnover: Double?, trackingErrorAversion: Double) {
    self.current = current
    self.target = target
    self.result = result
    self.costBasisPoints = costBasisPoints
    self.maxTurnover = maxTurnover
    self.trackingErrorAversion = trackingErrorAversion
  }
}

extension OptimizeReport {
  func rebalanceJSON(_ r: RebalanceSection) -> JSONValue {
    let assets = result.assets
    func object(_ v: [Double]) -> JSONValue { .object(zip(assets, v).map { ($0, .double(Self.clean($1))) }) }
    return .object([
      ("costBps", .double(r.costBasisPoints)),
      ("maxTurnover", r.maxTurnover.map { .double($0) } ?? .null),
      ("trackingErrorAversion", .double(r.trackingErrorAversion)),
      ("current", object(r.current)),
      ("target", object(r.target)),
      ("weights", object(r.result.weights)),
      ("trades", object(zip(r.result.weights, r.current).map { $0 - $1 })),
      ("trackingError", .double(r.result.trackingError)),
      ("cost", .double(r.result.cost)),
      ("turnover", .double(r.result.turnover)),
      ("objectiveValue", .double(r.result.objectiveValue)),
      ("solver", solverJSON(r.result.solver)),
    ])
  }

  func rebalanceTable(_ r: RebalanceSection) -> String {
    var out = "\ncost-aware rebalance (cost \(Self.fixed(r.costBasisPoints, 1)) bps"
    if let t = r.maxTurnover { out += ", turnover at most \(Self.percent(t))" }
    out += "): tracking error \(Self.percent(r.result.trackingError)), turnover \(Self.percent(r.result.turnover)), cost \(String(format: "%.6f", r.result.cost))\n"
    var t = TextTable(columns: [
      TextTable.Column("asset", .left), TextTable.Column("current"), TextTable.Column("target"),
      TextTable.Column("new"), TextTable.Column("trade"),
    ])
    for (i, a) in result.assets.enumerated() {
      let row = [r.current[i], r.target[i], r.result.weights[i]].map(Self.clean)
      guard row.contains(where: { $0 != 0 }) else { continue }
      let trade = Self.clean(r.result.weights[i] - r.current[i])
      t.append([a] + row.map(Self.percent) + [trade == 0 ? "-" : (trade > 0 ? "+" : "") + Self.percent(trade)])
    }
    return out + t.rendered()
  }
}
