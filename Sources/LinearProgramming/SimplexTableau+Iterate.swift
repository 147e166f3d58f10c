extension SimplexTableau {
  enum Outcome { case optimal, unbounded, iterationLimit }

  mutating func run(options: SimplexOptions, userVariables: Int) -> LPSolution {
    var iterations = 0
    var phase1 = [Double](repeating: 0, count: n)
    for j in firstArtificial..<n { phase1[j] = 1 }
    var outcome = iterate(costs: phase1, options: options, iterations: &iterations)
    let violation = (firstArtificial..<n).reduce(0.0) { $0 + max(x[$1], 0) }
    func solution(_ status: LPSolution.Status) -> LPSolution {
      let values = (0..<userVariables).map { min(max(x[$0], 0), upper[$0]) }
      let objective = (0..<userVariables).reduce(0.0) { $0 + cost[$1] * values[$1] }
      return LPSolution(status: status, values: values, objective: objective, iterations: iterations)
    }
    guard outcome != .iterationLimit else { return solution(.iterationLimit) }
    guard violation <= options.feasibilityTolerance * Double(max(m, 1)) else {
      return solution(.infeasible(violation: violation))
    }
    for j in firstArtificial..<n { upper[j] = 0 }
    outcome = iterate(costs: cost, options: options, iterations: &iterations)
    switch outcome {
    case .optimal: return solution(.optimal)
    case .unbounded: return solution(.unbounded)
    case .iterationLimit: return solution(.iterationLimit)
    }
  }

  /// Pivots until no non-basic variable improves the objective `c`.
  mutating func iterate(costs c: [Double], options: SimplexOptions, iterations: inout Int) -> Outcome {
    var y = [Double](repeating: 0, count: m)
    var alpha = [Double](repeating: 0, count: m)
    var reducedCosts = [Double](repeating: 0, count: n)
    var degenerateRun = 0
    var sinceReinversion = 0
    var basisChanged = true
    var candidates: [(index: Int, direction: Double, gain: Double)] = []
    var bland = false
    while true {
      guard iterations < options.maxIterations else { return .iterationLimit }
      if basisChanged {
        // Duals and reduced costs change only with the basis, not with a bound flip, so the
        // candidates priced after a pivot stay valid, in order, until the next pivot.
        computeDuals(c, into: &y)
        computeReducedCosts(c, duals: y, into: &reducedCosts)
        candidates = price(reducedCosts, tolerance: options.optimalityTolerance)
        bland = degenerateRun > 40
        basisChanged = false
      }
      guard let pick = Self.best(candidates, bland: bland) else { return .optimal }
      let (entering, direction) = (candidates[pick].index, candidates[pick].direction)
      candidates.swapAt(pick, candidates.count - 1)
      candidates.removeLast()
      computeColumn(entering, into: &alpha)
      let (theta, leave, leaveToUpper) = ratioTest(
        entering: entering, direction: direction, alpha: alpha, options: options, bland: degenerateRun > 40)
      guard theta.isFinite else { return .unbounded }
      for i in 0..<m { x[basis[i]] -= theta * direction * alpha[i] }
      x[entering] += direction * theta
      degenerateRun = theta < 1e-12 ? degenerateRun + 1 : 0
      iterations += 1
      guard leave >= 0 else {
        x[entering] = direction > 0 ? upper[entering] : 0  // a bound flip: the basis stays
        continue
      }
      let leaving = basis[leave]
      x[leaving] = leaveToUpper ? upper[leaving] : 0
      pivot(row: leave, alpha: alpha)
      basisChanged = true
      basis[leave] = entering
      isBasic[leaving] = false
      isBasic[entering] = true
      sinceReinversion += 1
      if sinceReinversion >= options.reinversionInterval {
        reinvert()
        sinceReinversion = 0
      }
    }
  }

  /// y = c_Bᵀ B⁻¹.
  func computeDuals(_ c: [Double], into y: inout [Double]) {
    for k in 0..<m { y[k] = 0 }
    for i in 0..<m {
      let ci = c[basis[i]]
      if ci == 0 { continue }
      let base = i &* m
      for k in 0..<m { y[k] += ci * binv[base &+ k] }
    }
  }

  /// d_j = c_j − yᵀA_j for every column (basic columns get 0 up to rounding).
  func computeReducedCosts(_ c: [Double], duals y: [Double], into d: inout [Double]) {
    for j in 0..<n {
      var dj = c[j]
      for k in colStart[j]..<colStart[j &+ 1] { dj -= y[rowIndex[k]] * value[k] }
      d[j] = dj
    }
  }

  /// The improving non-basic variables: each with whether it increases (+1) or decreases
  /// (−1) and its gain |d_j|. An empty list means the basis is optimal.
  func price(_ reducedCosts: [Double], tolerance: Double) -> [(index: Int, direction: Double, gain: Double)] {
    var eligible: [(index: Int, direction: Double, gain: Double)] = []
    for j in 0..<n where !isBasic[j] && upper[j] > 0 {
      let d = reducedCosts[j]
      let atUpper = x[j] > 0
      let gain = atUpper ? d : -d
      if gain > tolerance { eligible.append((j, atUpper ? -1 : 1, gain)) }
    }
    return eligible
  }

  /// The position of the entering candidate: Dantzig's largest gain (ties to the smaller
  /// index), or under Bland's rule the smallest index. Independent of the list's order.
  static func best(_ candidates: [(index: Int, direction: Double, gain: Double)], bland: Bool) -> Int? {
    guard !candidates.isEmpty else { return nil }
    var pick = 0
    for k in 1..<candidates.count {
      let c = candidates[k]
      let p = candidates[pick]
      let better = bland ? c.index < p.index : (c.gain > p.gain || (c.gain == p.gain && c.index < p.index))
      if better { pick = k }
    }
    return pick
  }

  /// α = B⁻¹ A_j.
  func computeColumn(_ j: Int, into alpha: inout [Double]) {
    for i in 0..<m { alpha[i] = 0 }
    for k in colStart[j]..<colStart[j &+ 1] {
      let r = rowIndex[k]
      let a = value[k]
      for i in 0..<m { alpha[i] += binv[i &* m &+ r] * a }
    }
  }

  /// The step length, the leaving row (−1 for a bound flip of the entering variable) and
  /// whether the leaving variable ends at its upper bound. Among ties the larger pivot wins
  /// (or, under Bland's rule, the smaller variable index).
  func ratioTest(
    entering: Int, direction: Double, alpha: [Double], options: SimplexOptions, bland: Bool
  ) -> (Double, Int, Bool) {
    var theta = upper[entering]
    var leave = -1
    var toUpper = false
    let tieTolerance = 1e-12
    for i in 0..<m {
      let a = direction * alpha[i]
      let j = basis[i]
      let t: Double
      if a > options.pivotTolerance {
        t = max(x[j], 0) / a
      } else if a < -options.pivotTolerance, upper[j].isFinite {
        t = max(upper[j] - x[j], 0) / -a
      } else {
        continue
      }
      let better: Bool
      if t < theta - tieTolerance {
        better = true
      } else if t <= theta + tieTolerance, leave >= 0 {
        better = bland ? j < basis[leave] : abs(alpha[i]) > abs(alpha[leave])
      } else {
        better = t <= theta + tieTolerance && leave < 0 && !theta.isFinite
      }
      if better {
        theta = t
        leave = i
        toUpper = a < 0
      }
    }
    return (theta, leave, toUpper)
  }

  /// Product-form update of B⁻¹ for the pivot on row r.
  mutating func pivot(row r: Int, alpha: [Double]) {
    let p = alpha[r]
    let base = r &* m
    for k in 0..<m { binv[base &+ k] /= p }
    for i in 0..<m where i != r {
      let f = alpha[i]
      if f == 0 { continue }
      let bi = i &* m
      for k in 0..<m { binv[bi &+ k] -= f * binv[base &+ k] }
    }
  }

  /// Recomputes B⁻¹ by Gauss–Jordan elimination with partial pivoting, and the basic values
  /// from x_B = B⁻¹ (b − Σ_{non-basic at upper} A_j u_j). Keeps the old inverse if the basis
  /// is numerically singular (and then returns false).
  @discardableResult
  mutating func reinvert() -> Bool {
    var a = [Double](repeating: 0, count: m * m)
    for (i, j) in basis.enumerated() {
      for k in colStart[j]..<colStart[j + 1] { a[rowIndex[k] * m + i] = value[k] }
    }
    var inv = [Double](repeating: 0, count: m * m)
    for i in 0..<m { inv[i * m + i] = 1 }
    for col in 0..<m {
      var pivotRow = col
      for r in col..<m where abs(a[r * m + col]) > abs(a[pivotRow * m + col]) { pivotRow = r }
      let p = a[pivotRow * m + col]
      guard abs(p) > 1e-13 else { return false }
      if pivotRow != col {
        for k in 0..<m {
          a.swapAt(pivotRow * m + k, col * m + k)
          inv.swapAt(pivotRow * m + k, col * m + k)
        }
      }
      for k in 0..<m {
        a[col * m + k] /= p
        inv[col * m + k] /= p
      }
      for r in 0..<m where r != col {
        let f = a[r * m + col]
        if f == 0 { continue }
        for k in 0..<m {
          a[r * m + k] -= f * a[col * m + k]
          inv[r * m + k] -= f * inv[col * m + k]
        }
      }
    }
    binv = inv
    var residual = b
    for j in 0..<n where !isBasic[j] && x[j] != 0 {
      for k in colStart[j]..<colStart[j + 1] { residual[rowIndex[k]] -= value[k] * x[j] }
    }
    for i in 0..<m {
      var v = 0.0
      for k in 0..<m { v += binv[i * m + k] * residual[k] }
      x[basis[i]] = v
    }
    return true
  }
}
