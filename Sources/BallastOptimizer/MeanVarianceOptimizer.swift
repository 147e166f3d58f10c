public import QuadraticProgramming

/// Mean-variance portfolio optimisation over `w ∈ ℝⁿ` with `Σ w = 1` and
/// ``PortfolioConstraints``, for each ``Objective``; every problem becomes one (or a short
/// sequence of) convex QPs solved by ``ActiveSetSolver``.
///
/// Impossible or degenerate inputs throw ``OptimizationError`` naming the cause: contradictory
/// bounds, a target return above the highest reachable return, a target risk below the minimum
/// volatility, no asset above the risk-free rate, a singular covariance.
public struct MeanVarianceOptimizer: Sendable {
  public let assets: [String]
  /// Annual expected returns `μ`.
  public let expectedReturns: [Double]
  /// Annual covariance `Σ`.
  public let covariance: CovarianceMatrix
  public let constraints: PortfolioConstraints
  public var solver = ActiveSetSolver()

  /// - Throws: ``OptimizationError`` for mismatched sizes, non-finite `μ` or contradictory
  ///   constraints.
  public init(assets: [String], expectedReturns: [Double], covariance: CovarianceMatrix,
              constraints: PortfolioConstraints? = nil) throws {
    let n = assets.count
    guard n > 0, expectedReturns.count == n, covariance.dimension == n else {
      throw OptimizationError.invalid("\(n) assets, \(expectedReturns.count) expected returns and a \(covariance.dimension)×\(covariance.dimension) covariance do not match")
    }
    if let bad = expectedReturns.firstIndex(where: { !$0.isFinite }) {
      throw OptimizationError.invalid("the expected return of \(assets[bad]) is not a finite number")
    }
    let c = constraints ?? .longOnly(n)
    try c.validate(assets: assets)
    self.assets = assets
    self.expectedReturns = expectedReturns
    self.covariance = covariance
    self.constraints = c
  }

  /// Optimal weights for `objective`, warm-started from `warmStart` weights when given.
  /// - Throws: ``OptimizationError`` naming why no optimal weights exist.
  /// - Complexity: one QP for most objectives; O(log) QPs for ``Objective/targetRisk(_:)``.
  public func optimize(_ objective: Objective, warmStart: [Double]? = nil) throws -> PortfolioResult {
    switch objective {
    case .minVariance:
      return try minimumVariance(warmStart: warmStart)
    case .maxSharpe(let rf):
      return try maximumSharpe(riskFreeRate: rf, warmStart: warmStart)
    case .targetReturn(let r):
      return try efficientReturn(r, warmStart: warmStart)
    case .targetRisk(let sigma):
      return try efficientRisk(sigma, warmStart: warmStart)
    case .quadraticUtility(let delta):
      return try maximumUtility(riskAversion: delta, warmStart: warmStart)
    }
  }

  func minimumVariance(warmStart: [Double]?) throws -> PortfolioResult {
    let s = try solveChecked(weightProgram(), warmStart: warmStart)
    let w = s.x
    return result(w, s, objectiveValue: covariance.variance(of: w), riskFreeRate: 0)
  }

  func maximumUtility(riskAversion delta: Double, warmStart: [Double]?) throws -> PortfolioResult {
    guard delta > 0, delta.isFinite else {
      throw OptimizationError.invalid("the risk aversion must be a positive number, found \(delta)")
    }
    var qp = weightProgram(scale: delta)
    qp.q = expectedReturns.map { -$0 }
    let s = try solveChecked(qp, warmStart: warmStart)
    let w = s.x
    let utility = dot(expectedReturns, w) - 0.5 * delta * covariance.variance(of: w)
    return result(w, s, objectiveValue: utility, riskFreeRate: 0)
  }

  func efficientReturn(_ target: Double, warmStart: [Double]?) throws -> PortfolioResult {
    guard target.isFinite else { throw OptimizationError.invalid("the target return must be a finite number") }
    do {
      let s = try solveChecked(targetReturnProgram(target), warmStart: warmStart)
      return result(s.x, s, objectiveValue: covariance.variance(of: s.x), riskFreeRate: 0)
    } catch let e as OptimizationError where e.kind == .infeasible {
      let highest = try highestReturn()
      if target > highest.value {
        throw OptimizationError(.infeasible,
          "target return \(target) is above the highest expected return reachable under these constraints, \(highest.value) (\(highest.description)); lower the target")
      }
      throw e
    }
  }

  /// The base QP in the weights: `½ wᵀ(scale·Σ)w`, bounds, `Σ w = 1`, group rows.
  func weightProgram(scale: Double = 1) -> QuadraticProgram {
    let n = assets.count
    var qp = QuadraticProgram(variableCount: n)
    qp.P = scale == 1 ? covariance.values : covariance.values.map { $0 * scale }
    qp.lower = constraints.lower
    qp.upper = constraints.upper
    qp.variableNames = assets
    qp.addEquality([Double](repeating: 1, count: n), equals: 1, name: "budget: weights sum to 1")
    for g in constraints.groups {
      var row = [Double](repeating: 0, count: n)
      for i in g.members { row[i] = 1 }
      if g.upper.isFinite { qp.addInequality(row, atMost: g.upper, name: "group '\(g.name)' ≤ \(g.upper)") }
      if g.lower.isFinite { qp.addInequality(row.map { -$0 }, atMost: -g.lower, name: "group '\(g.name)' ≥ \(g.lower)") }
    }
    return qp
  }

  func targetReturnProgram(_ target: Double) -> QuadraticProgram {
    var qp = weightProgram()
    qp.addInequality(expectedReturns.map { -$0 }, atMost: -target, name: "target return ≥ \(target)")
    return qp
  }

  /// `max μᵀw` over the constraints (an LP), with the asset holding most weight for messages.
  func highestReturn() throws -> (value: Double, weights: [Double], description: String) {
    let lp = weightProgram().linearMinimum(of: expectedReturns.map { -$0 })
    guard lp.status == .optimal else {
      throw OptimizationError(.infeasible, lp.diagnostics?.message ?? "the constraints cannot all hold")
    }
    let top = (0..<assets.count).max { lp.x[$0] < lp.x[$1] } ?? 0
    let text = lp.x[top] >= 1 - 1e-12 ? "all in \(assets[top])" : "largest weight \(assets[top]) at \(lp.x[top])"
    return (-lp.value, lp.x, text)
  }

  /// Solves and turns a non-optimal status into an error naming the cause.
  func solveChecked(_ qp: QuadraticProgram, warmStart: [Double]?) throws -> QPSolution {
    let s = solver.solve(qp, warmStart: warmStart.map { WarmStart(x: $0) })
    switch s.status {
    case .optimal: return s
    case .infeasible:
      throw OptimizationError(.infeasible, s.diagnostics?.message ?? "the constraints cannot all hold")
    case .singular:
      let names = (s.diagnostics?.involved ?? []).filter { assets.contains($0) }
      throw OptimizationError(.singularCovariance,
        "the covariance matrix is singular on \(names.prefix(10).joined(separator: ", "))\(names.count > 10 ? ", …" : ""): "
          + "some combination of these assets has zero variance, so the optimal weights are not unique. "
          + "Use Ledoit–Wolf shrinkage (ledoit-wolf: --cov in optimize, cov= in an optimized: strategy), a longer window, or remove duplicated assets")
    case .unbounded, .iterationLimit:
      throw OptimizationError(.solverFailure, s.diagnostics?.message ?? "the QP solver stopped with status \(s.status)")
    }
  }

  func result(_ w: [Double], _ s: QPSolution, objectiveValue: Double, riskFreeRate: Double, solves: Int = 1) -> PortfolioResult {
    let ret = dot(expectedReturns, w)
    let vol = covariance.variance(of: w).squareRoot()
    return PortfolioResult(
      assets: assets, weights: w, expectedReturn: ret, volatility: vol,
      sharpe: vol > 0 ? (ret - riskFreeRate) / vol : .nan,
      objectiveValue: objectiveValue, solver: SolverReport(s, solves: solves))
  }
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
  var s = 0.0
  for i in 0..<a.count { s += a[i] * b[i] }
  return s
}
