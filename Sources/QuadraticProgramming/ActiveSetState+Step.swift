extension ActiveSetState {
  /// The equality-constrained step on the free variables and the multipliers of the working
  /// rows (see ``ActiveSetSolver``):
  ///
  ///     Y = L⁻¹ C_Fᵀ,  z = L⁻¹ g_F,  (YᵀY) ν = r − Yᵀz,  p_F = −L⁻ᵀ (z + Y ν),
  ///
  /// with `r = C x − d` on the working equality rows (0 on inequality rows). Nil when `YᵀY` is singular (dependent rows).
  /// - Complexity: O(|F|² k + |F| k²)
  func equalityStep() -> ([Double], [Double])? {
    let f = free.count, k = rows.count
    var z = [Double](repeating: 0, count: f)
    for (i, j) in free.enumerated() { z[i] = g[j] }
    factor.forwardSolve(&z)
    if k == 0 {
      factor.backwardSolve(&z)
      return (z.map { -$0 }, [])
    }
    guard f > 0 else { return nil }
    // as many independent working rows as free variables: x is a vertex of the working set and
    // the step is exactly zero (computing it would only amplify rounding through YᵀY)
    let exactVertex = f == k
    var Y = [[Double]](repeating: [], count: k)
    for (i, r) in rows.enumerated() {
      var y = [Double](repeating: 0, count: f)
      let base = r &* n
      for (t, j) in free.enumerated() { y[t] = C[base &+ j] }
      factor.forwardSolve(&y)
      Y[i] = y
    }
    var S = [Double](repeating: 0, count: k &* k)
    var rhs = [Double](repeating: 0, count: k)
    for a in 0..<k {
      for b in 0...a {
        let s = Self.dot(Y[a], Y[b])
        S[a &* k &+ b] = s
        S[b &* k &+ a] = s
      }
      // only equality residuals are corrected: a tight inequality is feasible as it is, and
      // chasing its rounding-level residual through a nearly dependent row makes spurious steps
      let residual = rows[a] < mE ? cx[rows[a]] - d[rows[a]] : 0
      rhs[a] = residual - Self.dot(Y[a], z)
    }
    guard let multipliers = Self.solveSmallPositiveDefinite(S, rhs, k) else { return nil }
    var w = z
    for a in 0..<k {
      let v = multipliers[a]
      for t in 0..<f { w[t] += v * Y[a][t] }
    }
    if exactVertex { return ([Double](repeating: 0, count: f), multipliers) }
    factor.backwardSolve(&w)
    for t in 0..<f { w[t] = -w[t] }
    return (w, multipliers)
  }

  /// Solves `S v = rhs` for a small symmetric positive definite `S` (`k × k`) by Cholesky;
  /// nil when a pivot is not clearly positive.
  static func solveSmallPositiveDefinite(_ S: [Double], _ rhs: [Double], _ k: Int) -> [Double]? {
    var L = S
    for j in 0..<k {
      var diag = L[j &* k &+ j]
      for t in 0..<j { diag -= L[j &* k &+ t] * L[j &* k &+ t] }
      guard diag > 1e-14 * Swift.max(S[j &* k &+ j], .leastNormalMagnitude) else { return nil }
      let ljj = diag.squareRoot()
      L[j &* k &+ j] = ljj
      for i in (j &+ 1)..<Swift.max(k, j &+ 1) {
        var s = L[i &* k &+ j]
        for t in 0..<j { s -= L[i &* k &+ t] * L[j &* k &+ t] }
        L[i &* k &+ j] = s / ljj
      }
    }
    var v = rhs
    for i in 0..<k {
      for t in 0..<i { v[i] -= L[i &* k &+ t] * v[t] }
      v[i] /= L[i &* k &+ i]
    }
    var i = k &- 1
    while i >= 0 {
      for t in (i &+ 1)..<Swift.max(k, i &+ 1) { v[i] -= L[t &* k &+ i] * v[t] }
      v[i] /= L[i &* k &+ i]
      i &-= 1
    }
    return v
  }

  static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
  }
}
