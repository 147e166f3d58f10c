import QuadraticProgramming

extension MeanVarianceOptimizer {
  /// Maximum Sharpe ratio by homogenisation: with `y = κ w`, `κ = 1/(μᵀw − r_f) > 0`,
  ///
  ///     min ½ yᵀΣy  s.t.  (μ − r_f)ᵀy = 1,  lower_i Σy ≤ y_i ≤ upper_i Σy,
  ///                       group_lower Σy ≤ Σ_{i∈g} y_i ≤ group_upper Σy,  Σy ≥ 0,
  ///
  /// then `w = y / Σy` and the Sharpe ratio is `1/√(yᵀΣy)`. Rows that are implied (`y_i ≥ 0`
  /// is a bound; `y_i ≤ Σy` when every lower bound is ≥ 0) are not added.
  func maximumSharpe(riskFreeRate rf: Double, warmStart: [Double]?) throws -> PortfolioResult {
    guard rf.isFinite else { throw OptimizationError.invalid("the risk-free rate must be a finite number") }
    let qp = sharpeProgram(riskFreeRate: rf)
    let excess = expectedReturns.map { $0 - rf }
    let start = warmStart.flatMap { w -> [Double]? in
      let e = dot(excess, w)
      return e > 0 ? w.map { $0 / e } : nil
    }
    let s: QPSolution
    do {
      s = try solveChecked(qp, warmStart: start)
    } catch let e as OptimizationError where e.kind == .infeasible {
      // only now pay for the LP that explains the failure
      let highest = try highestReturn()
      if highest.value <= rf {
        throw OptimizationError(.infeasible,
          "no portfolio has an expected return above the risk-free rate \(rf) (the highest reachable is \(highest.value), \(highest.description)), so the Sharpe ratio has no positive maximum; lower --risk-free or change the assets")
      }
      throw e
    }
    var kappa = 0.0
    for v in s.x { kappa += v }
    guard kappa > 0 else {
      throw OptimizationError(.solverFailure, "the homogenised max-Sharpe problem returned Σy = \(kappa) ≤ 0")
    }
    // y/Σy meets the bounds up to rounding; put it exactly on a bound it touches
    let w = s.x.enumerated().map { i, y in
      let v = y / kappa, lo = constraints.lower[i], hi = constraints.upper[i]
      return v < lo && lo - v < 1e-12 ? lo : v > hi && v - hi < 1e-12 ? hi : v
    }
    let r = result(w, s, objectiveValue: 0, riskFreeRate: rf)
    var out = r
    out.objectiveValue = r.sharpe
    return out
  }

  func sharpeProgram(riskFreeRate rf: Double) -> QuadraticProgram {
    let n = assets.count
    var qp = QuadraticProgram(variableCount: n)
    qp.P = covariance.values
    qp.variableNames = assets
    qp.addEquality(expectedReturns.map { $0 - rf }, equals: 1, name: "excess return normalisation: (μ − r_f)ᵀy = 1")
    let allNonNegative = constraints.lower.allSatisfy { $0 >= 0 }
    for i in 0..<n {
      let lo = constraints.lower[i], hi = constraints.upper[i]
      qp.lower[i] = lo == 0 ? 0 : -.infinity
      if lo != 0 && lo.isFinite { qp.addInequality(homogenised(i: i, bound: lo, sign: -1), atMost: 0, name: "\(assets[i]) ≥ \(lo)") }
      if hi.isFinite && !(hi >= 1 && allNonNegative) {
        qp.addInequality(homogenised(i: i, bound: hi, sign: 1), atMost: 0, name: "\(assets[i]) ≤ \(hi)")
      }
    }
    if !allNonNegative {
      qp.addInequality([Double](repeating: -1, count: n), atMost: 0, name: "scale Σy ≥ 0")
    }
    for g in constraints.groups {
      if g.upper.isFinite { qp.addInequality(homogenisedGroup(g.members, g.upper, 1, n), atMost: 0, name: "group '\(g.name)' ≤ \(g.upper)") }
      if g.lower.isFinite { qp.addInequality(homogenisedGroup(g.members, g.lower, -1, n), atMost: 0, name: "group '\(g.name)' ≥ \(g.lower)") }
    }
    return qp
  }

  /// `sign · (y_i − bound · Σy) ≤ 0` as a row.
  private func homogenised(i: Int, bound: Double, sign: Double) -> [Double] {
    var row = [Double](repeating: -sign * bound, count: assets.count)
    row[i] += sign
    return row
  }

  private func homogenisedGroup(_ members: [Int], _ bound: Double, _ sign: Double, _ n: Int) -> [Double] {
    var row = [Double](repeating: -sign * bound, count: n)
    for i in members { row[i] += sign }
    return row
  }
}
