extension ActiveSetState {
  /// The main loop of the active-set method; see ``ActiveSetSolver``.
  mutating func run(limit: Int) -> Outcome {
    if failure != nil { return isWarm ? .restart : .singular }
    var verified = false
    while iterations < limit {
      iterations &+= 1
      guard let (p, multipliers) = equalityStep() else {
        if isWarm && iterations == 1 { return .restart }
        // rounding made a tight inequality row dependent on the others: it is implied locally,
        // so leave it out of the working set (the ratio test re-adds it if a step leaves it)
        if let last = rows.last, last >= mE {
          rows.removeLast()
          isWorkingRow[last] = false
          continue
        }
        failure = dependentRowsDiagnostics()
        return .singular
      }
      nu = multipliers
      if isNegligible(p) {
        let cp = rowRates(p)
        advance(p, cp, by: 1)
        let candidates = releaseCandidates()
        guard let leaving = candidates.first else {
          if verified {
            if checksUniqueness, let j = zeroCurvatureTie() {
              failure = singularDiagnostics(j)
              return .singular
            }
            return .optimal
          }
          recomputeExact()
          verified = true
          continue
        }
        verified = false
        if !release(leaving) { return isWarm && iterations == 1 ? .restart : .singular }
        for extra in candidates.dropFirst() where !release(extra) { failure = nil }
      } else {
        verified = false
        let cp = rowRates(p)
        let (alpha, blocking) = stepLength(p, cp)
        advance(p, cp, by: alpha)
        if let blocking { hold(blocking) }
      }
    }
    return .iterationLimit
  }

  func isNegligible(_ p: [Double]) -> Bool {
    var pMax = 0.0, xMax = 0.0
    for (i, j) in free.enumerated() {
      pMax = Swift.max(pMax, abs(p[i]))
      xMax = Swift.max(xMax, abs(x[j]))
    }
    return pMax <= tol.step * (1 + xMax)
  }

  /// The largest step `α ∈ [0, 1]` along `p` that keeps every bound and inactive row, and the
  /// constraint that blocks it (nil when the full step is feasible).
  func stepLength(_ p: [Double], _ cp: [Double]) -> (Double, Constraint?) {
    var alpha = 1.0
    var blocking: Constraint?
    var pMax = 0.0
    for v in p { pMax = Swift.max(pMax, abs(v)) }
    // components at rounding level of ‖p‖ do not block (they would make degenerate, dependent
    // working sets out of noise)
    let noise = 1e-12 * pMax
    for (i, j) in free.enumerated() where abs(p[i]) > noise {
      let pj = p[i]
      var ratio = Double.infinity
      if pj < 0, qp.lower[j].isFinite { ratio = (qp.lower[j] - x[j]) / pj }
      else if pj > 0, qp.upper[j].isFinite { ratio = (qp.upper[j] - x[j]) / pj }
      if ratio < alpha { alpha = Swift.max(ratio, 0); blocking = .bound(j) }
    }
    for r in mE..<m where !isWorkingRow[r] && cp[r] > noise * rowNorm[r] {
      let ratio = (d[r] - cx[r]) / cp[r]
      if ratio < alpha { alpha = Swift.max(ratio, 0); blocking = .row(r) }
    }
    return (alpha, blocking)
  }

  /// Adds a blocking constraint to the working set.
  mutating func hold(_ c: Constraint) {
    switch c {
    case .row(let r): addRow(r)
    case .bound(let j):
      guard let position = free.firstIndex(of: j) else { return }
      let toLower = abs(x[j] - qp.lower[j]) <= abs(qp.upper[j] - x[j])
      x[j] = toLower ? qp.lower[j] : qp.upper[j]
      bound[j] = toLower ? .atLower : .atUpper
      factor.remove(at: position)
      free.remove(at: position)
    }
  }

  /// Drops a constraint with a negative multiplier from the working set; false when freeing
  /// the variable makes `P_FF` singular (``failure`` then says so).
  mutating func release(_ c: Constraint) -> Bool {
    switch c {
    case .row(let r):
      rows.removeAll { $0 == r }
      isWorkingRow[r] = false
      return true
    case .bound(let j):
      if freeVariable(j) { return true }
      failure = singularDiagnostics(j)
      return false
    }
  }

  /// Constraints to drop from the working set: the one with the most negative scaled multiplier
  /// first; when that is a bound, also the other bounds whose multipliers are at least
  /// ``batchFraction`` of it (at most ``batchLimit``). Releasing several bounds at once is still
  /// a descent step (the enlarged subspace contains directions of decrease) and cuts the number
  /// of iterations on dense solutions several-fold; a released variable that the joint step
  /// would push out of bounds is simply held again by the ratio test.
  func releaseCandidates() -> [Constraint] {
    guard let first = mostNegativeMultiplier() else { return [] }
    guard case .bound(let j0) = first else { return [first] }
    let reduced = reducedGradient()
    func value(_ j: Int) -> Double { bound[j] == .atLower ? reduced[j] : -reduced[j] }
    let cut = Self.batchFraction * value(j0)
    var extra: [(Double, Int)] = []
    for j in 0..<n where j != j0 && (bound[j] == .atLower || bound[j] == .atUpper) && value(j) <= cut {
      extra.append((value(j), j))
    }
    extra.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
    return [first] + extra.prefix(Self.batchLimit).map { .bound($0.1) }
  }

  static let batchFraction = 0.25
  static let batchLimit = 24

  /// The most negative scaled multiplier among working inequality rows and fixed variables,
  /// or nil when all are above `−optimality × max|g|`.
  func mostNegativeMultiplier() -> Constraint? {
    var scale = 0.0
    for v in g { scale = Swift.max(scale, abs(v)) }
    var worst = -tol.optimality * Swift.max(scale, 1e-300)
    var choice: Constraint?
    for (i, r) in rows.enumerated() where r >= mE {
      let v = nu[i] * rowNorm[r]
      if v < worst { worst = v; choice = .row(r) }
    }
    let reduced = reducedGradient()
    for j in 0..<n {
      let v: Double
      switch bound[j] {
      case .atLower: v = reduced[j]
      case .atUpper: v = -reduced[j]
      case .free, .fixed: continue
      }
      if v < worst { worst = v; choice = .bound(j) }
    }
    return choice
  }

  /// A fixed variable whose multiplier is zero (to the optimality tolerance) and whose freeing
  /// would make `P_FF` singular: then the minimiser is not unique (e.g. a duplicated asset).
  mutating func zeroCurvatureTie() -> Int? {
    var scale = 0.0
    for v in g { scale = Swift.max(scale, abs(v)) }
    let threshold = 1e3 * tol.optimality * Swift.max(scale, 1e-300)
    let reduced = reducedGradient()
    for j in 0..<n where (bound[j] == .atLower || bound[j] == .atUpper) && abs(reduced[j]) <= threshold {
      guard freeVariable(j) else { return j }
      factor.remove(at: free.count &- 1)
      free.removeLast()
      bound[j] = abs(x[j] - qp.lower[j]) <= abs(qp.upper[j] - x[j]) ? .atLower : .atUpper
    }
    return nil
  }

  /// `g + Cᵀν` over the working rows (the bound multipliers of fixed variables).
  func reducedGradient() -> [Double] {
    var r = g
    for (i, row) in rows.enumerated() where nu[i] != 0 {
      let base = row &* n, v = nu[i]
      for j in 0..<n { r[j] += v * C[base &+ j] }
    }
    return r
  }

  func dependentRowsDiagnostics() -> SolverDiagnostics {
    let names = rows.map { $0 < mE ? qp.equalityNames[$0] : qp.inequalityNames[$0 &- mE] }
    return SolverDiagnostics(
      message: "the working constraints \(names.joined(separator: ", ")) are linearly dependent on the free variables; "
        + "remove a redundant row or make the bounds less tight",
      involved: names)
  }
}
