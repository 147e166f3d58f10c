extension ActiveSetState {
  /// Packs the final iterate, its multipliers and KKT residuals into a ``QPSolution``.
  func solution(_ outcome: Outcome, phaseOnePivots: Int) -> QPSolution {
    let status: SolverStatus
    switch outcome {
    case .optimal: status = .optimal
    case .iterationLimit: status = .iterationLimit
    case .singular, .restart: status = .singular
    }
    var y = [Double](repeating: 0, count: mE)
    var z = [Double](repeating: 0, count: m &- mE)
    for (i, r) in rows.enumerated() where i < nu.count {
      if r < mE { y[r] = nu[i] } else { z[r &- mE] = nu[i] }
    }
    let reduced = nu.count == rows.count ? reducedGradient() : g
    var zl = [Double](repeating: 0, count: n)
    var zu = [Double](repeating: 0, count: n)
    for j in 0..<n {
      switch bound[j] {
      case .atLower: zl[j] = reduced[j]
      case .atUpper: zu[j] = -reduced[j]
      case .fixed: if reduced[j] > 0 { zl[j] = reduced[j] } else { zu[j] = -reduced[j] }
      case .free: break
      }
    }
    var objective = 0.0
    for j in 0..<n { objective += 0.5 * x[j] * (g[j] + qp.q[j]) }
    let residuals = kktResiduals(y: y, z: z, zl: zl, zu: zu)
    var diagnostics = failure
    if status == .iterationLimit {
      diagnostics = SolverDiagnostics(
        message: "stopped after \(iterations) iterations without proving optimality (largest KKT residual \(residuals.maximum)); "
          + "raise maxIterations or check the problem for degeneracy")
    }
    let states = bound.map { b -> WorkingSet.BoundState in
      switch b {
      case .free: return .free
      case .atLower, .fixed: return .atLower
      case .atUpper: return .atUpper
      }
    }
    return QPSolution(
      status: status, x: x, objective: objective,
      equalityMultipliers: y, inequalityMultipliers: z,
      lowerBoundMultipliers: zl, upperBoundMultipliers: zu,
      iterations: iterations, phaseOnePivots: phaseOnePivots, residuals: residuals,
      diagnostics: diagnostics,
      workingSet: WorkingSet(bounds: states, activeInequalities: rows.filter { $0 >= mE }.map { $0 &- mE }.sorted()))
  }

  /// The residuals of ``KKTResiduals`` at `x` (with `g` exact).
  func kktResiduals(y: [Double], z: [Double], zl: [Double], zu: [Double]) -> KKTResiduals {
    var s = g
    for r in 0..<m {
      let v = r < mE ? y[r] : z[r &- mE]
      if v == 0 { continue }
      let base = r &* n
      for j in 0..<n { s[j] += v * C[base &+ j] }
    }
    var stationarity = 0.0, primal = 0.0, dual = 0.0, complementarity = 0.0
    for j in 0..<n {
      stationarity = Swift.max(stationarity, abs(s[j] - zl[j] + zu[j]))
      primal = Swift.max(primal, qp.lower[j] - x[j], x[j] - qp.upper[j])
      dual = Swift.max(dual, -zl[j], -zu[j])
      if zl[j] != 0 { complementarity = Swift.max(complementarity, abs(zl[j] * (x[j] - qp.lower[j]))) }
      if zu[j] != 0 { complementarity = Swift.max(complementarity, abs(zu[j] * (qp.upper[j] - x[j]))) }
    }
    for r in 0..<m {
      let slack = cx[r] - d[r]
      if r < mE { primal = Swift.max(primal, abs(slack)) } else {
        primal = Swift.max(primal, slack)
        dual = Swift.max(dual, -z[r &- mE])
        if z[r &- mE] != 0 { complementarity = Swift.max(complementarity, abs(z[r &- mE] * slack)) }
      }
    }
    return KKTResiduals(stationarity: stationarity, primal: Swift.max(primal, 0), dual: dual, complementarity: complementarity)
  }
}
