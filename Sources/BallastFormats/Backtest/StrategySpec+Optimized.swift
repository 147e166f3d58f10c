import BallastBacktest
import BallastOptimizer

extension StrategySpec {
  /// `optimized:objective=min-variance,window=252,every=monthly[,cov=sample|exp|ledoit-wolf]
  /// [,returns=mean|ema][,rf=R][,bounds=lo:hi][,on-fail=error|hold]`.
  ///
  /// The objective may also be a bare word (`min-variance`, `max-sharpe`) or a key
  /// (`utility=A`, `target-return=R`, `target-risk=S`). Defaults: min-variance, a window of one
  /// year of rows, monthly, sample covariance, geometric mean returns, rf 0, bounds 0:1,
  /// on-fail=error.
  static func optimized(_ p: inout Parts) throws -> Strategy {
    let rf = try p.double("rf") ?? p.double("risk-free") ?? 0
    let objective = try optimizedObjective(&p, riskFree: rf)
    let window = try p.int("window")
    if let w = window, w < 2 { throw p.error("the window must be at least 2 rows") }
    let look = try p.frequency(required: false) ?? .monthly
    let covariance = try covarianceEstimator(p.string("cov") ?? "sample", p)
    let returns: ExpectedReturnEstimator
    switch p.string("returns") ?? "mean" {
    case "mean": returns = .meanHistorical()
    case "ema": returns = .exponential()
    case let other: throw p.error("returns= must be 'mean' or 'ema', found '\(other)'")
    }
    let bounds = try p.string("bounds").map { try parseBounds($0, p) }
    let hold: Bool
    switch p.string("on-fail") ?? "error" {
    case "error": hold = false
    case "hold": hold = true
    case let other: throw p.error("on-fail= must be 'error' or 'hold', found '\(other)'")
    }
    let optimizer = RollingOptimizer(
      objective: objective, expectedReturns: returns, covariance: covariance,
      constraints: nil, bounds: bounds)
    let provider = OptimizedTargets(optimizer: optimizer, window: window, holdOnFailure: hold)
    let id = "optimized:objective=\(objective.name),rf=\(rf),window=\(window.map(String.init) ?? "year"),every=\(look.rawValue),"
      + "cov=\(covariance),returns=\(returns),bounds=\(bounds.map { "\($0.lower):\($0.upper)" } ?? "0:1"),hold=\(hold)"
    return Strategy(name: "", rule: .retarget(look: look, source: TargetSource(id: id, provider: provider)))
  }

  static func optimizedObjective(_ p: inout Parts, riskFree: Double) throws -> Objective {
    let names = ["min-variance", "min-volatility", "max-sharpe"]
    var text = p.string("objective")
    if text == nil, let i = p.parts.firstIndex(where: { $0.value == nil && names.contains($0.key) }) {
      text = p.parts.remove(at: i).key
    }
    for key in ["utility", "target-return", "target-risk"] where text == nil {
      if let v = p.string(key) { text = "\(key)=\(v)" }
    }
    let pieces = (text ?? "min-variance").split(separator: "=", maxSplits: 1).map(String.init)
    func number() throws -> Double {
      guard pieces.count == 2, let v = Double(pieces[1]), v.isFinite else {
        throw p.error("objective \(pieces[0]) needs a number, e.g. \(pieces[0])=0.1")
      }
      return v
    }
    switch pieces[0] {
    case "min-variance", "min-volatility": return .minVariance
    case "max-sharpe": return .maxSharpe(riskFreeRate: riskFree)
    case "utility": return .quadraticUtility(riskAversion: try number())
    case "target-return": return .targetReturn(try number())
    case "target-risk": return .targetRisk(try number())
    default:
      throw p.error("unknown objective '\(text ?? "")'; expected min-variance, max-sharpe, utility=A, target-return=R or target-risk=S")
    }
  }

  static func covarianceEstimator(_ text: String, _ p: Parts) throws -> CovarianceEstimator {
    switch text {
    case "sample": return .sample
    case "exp": return .exponential()
    case "ledoit-wolf": return .ledoitWolf
    default: throw p.error("cov= must be sample, exp or ledoit-wolf, found '\(text)'")
    }
  }

  static func parseBounds(_ text: String, _ p: Parts) throws -> (lower: Double, upper: Double) {
    let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
    guard pieces.count == 2, let lo = Double(pieces[0]), let hi = Double(pieces[1]), lo.isFinite, hi.isFinite else {
      throw p.error("bounds= expects lo:hi, e.g. 0:0.3; found '\(text)'")
    }
    guard lo <= hi else { throw p.error("bounds= lower \(lo) is above upper \(hi)") }
    return (lo, hi)
  }
}
