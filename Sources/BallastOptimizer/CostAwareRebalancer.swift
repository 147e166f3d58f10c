public import QuadraticProgramming

/// Cost-aware rebalancing towards target weights: trade only where the tracking-error gain pays
/// for the trade.
///
///     minimise  ½ λ (w − t)ᵀΣ(w − t) + Σ_i c_i |w_i − w⁰_i|
///     subject to Σ w = 1,  lower ≤ w ≤ upper,  groups,  Σ_i |w_i − w⁰_i| ≤ τ (optional),
///
/// with target `t`, current weights `w⁰`, linear cost rates `c` (0.001 = 10 bp of the traded
/// value) and tracking-error aversion `λ`. It is solved as a QP in buys and sells
/// `w = w⁰ + u − v`, `u, v ≥ 0`, whose bounds `u ≤ (upper − w⁰)⁺`, `v ≤ (w⁰ − lower)⁺` (and the
/// matching lower bounds when `w⁰` is outside its bounds) keep `w` inside its own.
///
/// The optimality conditions say that asset `i` is left alone exactly when
/// `|λ (Σ(w − t))_i + ν| ≤ c_i + η` (`ν` the budget multiplier, `η` the turnover multiplier):
/// the no-trade region of the literature (e.g. Dybvig; Leland, *Optimal portfolio management
/// with transactions costs*, 1999).
public struct CostAwareRebalancer: Sendable {
  public let assets: [String]
  public let covariance: CovarianceMatrix
  public let constraints: PortfolioConstraints
  /// `c_i ≥ 0` per asset.
  public var costRates: [Double]
  /// `λ > 0`.
  public var trackingErrorAversion: Double
  /// `τ`: the largest `Σ|w − w⁰|` allowed (nil for none).
  public var turnoverLimit: Double?
  public var solver: ActiveSetSolver = {
    var s = ActiveSetSolver()
    s.checksUniqueness = false
    return s
  }()

  public init(assets: [String], covariance: CovarianceMatrix, constraints: PortfolioConstraints? = nil,
              costRates: [Double], trackingErrorAversion: Double = 1, turnoverLimit: Double? = nil) throws {
    let n = assets.count
    guard covariance.dimension == n, costRates.count == n else {
      throw OptimizationError.invalid("\(n) assets, \(costRates.count) cost rates and a \(covariance.dimension)×\(covariance.dimension) covariance do not match")
    }
    guard costRates.allSatisfy({ $0 >= 0 && $0.isFinite }) else { throw OptimizationError.invalid("cost rates must be finite and ≥ 0") }
    guard trackingErrorAversion > 0 else { throw OptimizationError.invalid("the tracking-error aversion must be positive") }
    if let t = turnoverLimit, !(t >= 0) { throw OptimizationError.invalid("the turnover limit must be ≥ 0, found \(t)") }
    let c = constraints ?? .longOnly(n)
    try c.validate(assets: assets)
    self.assets = assets
    self.covariance = covariance
    self.constraints = c
    self.costRates = costRates
    self.trackingErrorAversion = trackingErrorAversion
    self.turnoverLimit = turnoverLimit
  }

  /// The rebalanced weights from `current` towards `target`.
  /// - Throws: ``OptimizationError`` when the constraints (e.g. a turnover limit too small to
  ///   reach the bounds) cannot hold.
  public func rebalance(from current: [Double], toward target: [Double]) throws -> RebalanceResult {
    let n = assets.count
    guard current.count == n, target.count == n else { throw OptimizationError.invalid("expected \(n) current and target weights") }
    let qp = program(current: current, target: target)
    let s = solver.solve(qp)
    switch s.status {
    case .optimal: break
    case .infeasible:
      throw OptimizationError(.infeasible, s.diagnostics?.message ?? "the constraints cannot all hold")
    default:
      throw OptimizationError(.solverFailure, s.diagnostics?.message ?? "the QP solver stopped with status \(s.status)")
    }
    let w = (0..<n).map { current[$0] + s.x[$0] - s.x[n + $0] }
    let d = (0..<n).map { w[$0] - target[$0] }
    var cost = 0.0, turnover = 0.0
    for i in 0..<n {
      cost += costRates[i] * abs(w[i] - current[i])
      turnover += abs(w[i] - current[i])
    }
    let te = covariance.variance(of: d).squareRoot()
    return RebalanceResult(weights: w, trackingError: te, cost: cost, turnover: turnover,
                           objectiveValue: 0.5 * trackingErrorAversion * te * te + cost, solver: SolverReport(s))
  }

  func program(current w0: [Double], target t: [Double]) -> QuadraticProgram {
    let n = assets.count, m = 2 * n, lam = trackingErrorAversion
    var qp = QuadraticProgram(variableCount: m)
    let gap = (0..<n).map { w0[$0] - t[$0] }
    for i in 0..<n {
      var sg = 0.0
      for j in 0..<n {
        let v = lam * covariance[i, j]
        qp.P[i * m + j] = v
        qp.P[i * m + n + j] = -v
        qp.P[(n + i) * m + j] = -v
        qp.P[(n + i) * m + n + j] = v
        sg += v * gap[j]
      }
      qp.q[i] = sg + costRates[i]
      qp.q[n + i] = -sg + costRates[i]
      let lo = constraints.lower[i], hi = constraints.upper[i]
      qp.lower[i] = max(lo - w0[i], 0)
      qp.upper[i] = max(hi - w0[i], 0)
      qp.lower[n + i] = max(w0[i] - hi, 0)
      qp.upper[n + i] = max(w0[i] - lo, 0)
      qp.variableNames[i] = "buy \(assets[i])"
      qp.variableNames[n + i] = "sell \(assets[i])"
    }
    var sum0 = 0.0
    for v in w0 { sum0 += v }
    qp.addEquality((0..<m).map { $0 < n ? 1 : -1 }, equals: 1 - sum0, name: "budget: weights sum to 1")
    if let tau = turnoverLimit {
      qp.addInequality([Double](repeating: 1, count: m), atMost: tau, name: "turnover ≤ \(tau)")
    }
    for g in constraints.groups {
      var row = [Double](repeating: 0, count: m)
      var held = 0.0
      for i in g.members { row[i] = 1; row[n + i] = -1; held += w0[i] }
      if g.upper.isFinite { qp.addInequality(row, atMost: g.upper - held, name: "group '\(g.name)' ≤ \(g.upper)") }
      if g.lower.isFinite { qp.addInequality(row.map { -$0 }, atMost: held - g.lower, name: "group '\(g.name)' ≥ \(g.lower)") }
    }
    return qp
  }
}

/// The outcome of ``CostAwareRebalancer/rebalance(from:toward:)``.
public struct RebalanceResult: Sendable {
  /// New weights; assets inside the no-trade region keep their current weight exactly.
  public var weights: [Double]
  /// `√((w − t)ᵀΣ(w − t))` after trading.
  public var trackingError: Double
  /// `Σ c_i |w_i − w⁰_i|`.
  public var cost: Double
  /// `Σ |w_i − w⁰_i|` (buys plus sells).
  public var turnover: Double
  public var objectiveValue: Double
  public var solver: SolverReport
}
