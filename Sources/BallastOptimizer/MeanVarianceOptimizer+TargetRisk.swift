import QuadraticProgramming

extension MeanVarianceOptimizer {
  /// Maximum return at volatility `σ`. Along `w(t) = argmin ½wᵀΣw − t μᵀw` (t ≥ 0) the
  /// volatility rises from the minimum-variance portfolio to the least-variance highest-return
  /// portfolio, and `w(t)` is affine in `t` while the working set does not change. So `t` is
  /// bracketed (doubling, then bisection) until both ends share a working set, and the exact
  /// point is found on that segment by solving `(w_lo + s d)ᵀΣ(w_lo + s d) = σ²` for `s`.
  func efficientRisk(_ sigma: Double, warmStart: [Double]?) throws -> PortfolioResult {
    guard sigma.isFinite, sigma > 0 else { throw OptimizationError.invalid("the target risk must be a positive number, found \(sigma)") }
    let low = try solveChecked(weightProgram(), warmStart: warmStart)
    let volMin = covariance.variance(of: low.x).squareRoot()
    if sigma < volMin * (1 - 1e-12) {
      throw OptimizationError(.infeasible,
        "target risk \(sigma) is below the minimum volatility \(volMin) reachable under these constraints; raise it to at least \(volMin)")
    }
    let highest = try highestReturn()
    let top = try solveChecked(targetReturnProgram(highest.value), warmStart: nil)
    if covariance.variance(of: top.x).squareRoot() <= sigma {
      return result(top.x, top, objectiveValue: dot(expectedReturns, top.x), riskFreeRate: 0, solves: 3)
    }
    var lo = (t: 0.0, s: low), hi = (t: 1.0, s: try utilityPath(1, warm: low.x))
    var solves = 4
    while vol(hi.s) < sigma {
      guard hi.t < 1e15 else { throw OptimizationError(.solverFailure, "could not bracket the target risk \(sigma)") }
      lo = hi
      hi = (hi.t * 4, try utilityPath(hi.t * 4, warm: hi.s.x))
      solves += 1
    }
    while lo.s.workingSet != hi.s.workingSet && hi.t - lo.t > 1e-15 * hi.t && solves < 400 {
      let mid = 0.5 * (lo.t + hi.t)
      let s = try utilityPath(mid, warm: hi.s.x)
      solves += 1
      if vol(s) < sigma { lo = (mid, s) } else { hi = (mid, s) }
    }
    let w = interpolate(lo.s.x, hi.s.x, sigma: sigma)
    return result(w, hi.s, objectiveValue: dot(expectedReturns, w), riskFreeRate: 0, solves: solves)
  }

  private func vol(_ s: QPSolution) -> Double { covariance.variance(of: s.x).squareRoot() }

  private func utilityPath(_ t: Double, warm: [Double]) throws -> QPSolution {
    var qp = weightProgram()
    qp.q = expectedReturns.map { -t * $0 }
    return try solveChecked(qp, warmStart: warm)
  }

  /// The point `a + s (b − a)`, `s ∈ [0, 1]`, whose volatility is `σ`.
  private func interpolate(_ a: [Double], _ b: [Double], sigma: Double) -> [Double] {
    let n = a.count
    let d = (0..<n).map { b[$0] - a[$0] }
    var sd = [Double](repeating: 0, count: n)
    var sa = [Double](repeating: 0, count: n)
    for i in 0..<n {
      for j in 0..<n {
        sd[i] += covariance[i, j] * d[j]
        sa[i] += covariance[i, j] * a[j]
      }
    }
    let qa = dot(a, sa), qb = dot(a, sd), qc = dot(d, sd)
    let target = sigma * sigma
    var s: Double
    if qc <= 0 {
      s = qb != 0 ? (target - qa) / (2 * qb) : 1
    } else {
      // qc s² + 2 qb s + (qa − σ²) = 0, the root in [0, 1]
      let disc = max(qb * qb - qc * (qa - target), 0)
      s = (-qb + disc.squareRoot()) / qc
    }
    s = min(max(s, 0), 1)
    return (0..<n).map { a[$0] + s * d[$0] }
  }
}
