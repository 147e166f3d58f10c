import BallastOptimizer
import QuadraticProgramming
import Foundation

extension OptimizeReport {
  static func percent(_ v: Double) -> String { String(format: "%.2f%%", v * 100) }
  static func fixed(_ v: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", v) }

  /// A table for people: summary lines, then one row per asset with a non-zero weight (or
  /// every asset with `allAssets`).
  public func table(allAssets: Bool = false) -> String {
    let r = result
    var out = "objective        \(objective)\n"
    out += "expected return  \(Self.percent(r.expectedReturn))\n"
    out += "volatility       \(Self.percent(r.volatility))\n"
    out += "sharpe           \(Self.fixed(r.sharpe))\(riskFreeRate != 0 ? " (risk-free \(Self.percent(riskFreeRate)))" : "")\n"
    out += "solver           \(r.solver.status.rawValue), \(r.solver.iterations) iterations, max KKT residual \(String(format: "%.1e", r.solver.residuals.maximum))\n"
    for w in warnings { out += "warning          \(w)\n" }
    out += "\n"
    var columns = [TextTable.Column("asset", .left), TextTable.Column("weight")]
    if allocation != nil { columns += [TextTable.Column("shares"), TextTable.Column("price")] }
    var t = TextTable(columns: columns)
    for (i, a) in r.assets.enumerated() where allAssets || Self.clean(r.weights[i]) != 0 || (allocation?.shares.shares[i] ?? 0) != 0 {
      var row = [a, Self.percent(Self.clean(r.weights[i]))]
      if let al = allocation { row += [String(al.shares.shares[i]), Self.fixed(al.prices[i], 2)] }
      t.append(row)
    }
    out += t.rendered()
    if let al = allocation {
      out += "\n\(al.method) allocation of \(Self.fixed(al.value, 2)): leftover \(Self.fixed(al.shares.leftover, 2))\(al.shares.isProvenOptimal || al.method != "exact" ? "" : " (not proved optimal)")\n"
    }
    if let r = rebalance { out += rebalanceTable(r) }
    if !frontier.isEmpty {
      var f = TextTable(columns: [TextTable.Column("point"), TextTable.Column("return"), TextTable.Column("volatility"), TextTable.Column("sharpe")])
      for (k, p) in frontier.enumerated() {
        f.append([String(k + 1), Self.percent(p.expectedReturn), Self.percent(p.volatility), Self.fixed(p.sharpe)])
      }
      out += "\nefficient frontier (\(frontier.count) points)\n" + f.rendered()
    }
    return out
  }

  /// CSV: `asset,weight[,shares]`, or with a frontier one row per point:
  /// `point,expectedReturn,volatility,sharpe,<asset weights…>`.
  public var csv: String {
    if !frontier.isEmpty {
      var w = CSVWriter(header: ["point", "expectedReturn", "volatility", "sharpe"] + result.assets)
      for (k, p) in frontier.enumerated() {
        w.append([String(k + 1), "\(p.expectedReturn)", "\(p.volatility)", "\(p.sharpe)"] + p.weights.map { "\(Self.clean($0))" })
      }
      return w.text
    }
    var w = CSVWriter(header: allocation == nil ? ["asset", "weight"] : ["asset", "weight", "shares"])
    for (i, a) in result.assets.enumerated() {
      var row = [a, "\(Self.clean(result.weights[i]))"]
      if let al = allocation { row.append(String(al.shares.shares[i])) }
      w.append(row)
    }
    return w.text
  }
}
