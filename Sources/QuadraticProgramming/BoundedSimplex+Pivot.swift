extension BoundedSimplex {
  /// Simplex iterations with the given cost until no column improves it. Returns false when
  /// the cost is unbounded below.
  mutating func iterate(cost c: [Double]) -> Bool {
    var degenerateRun = 0
    var isBasic = [Bool](repeating: false, count: columns)
    for col in basis { isBasic[col] = true }
    while true {
      let reduced = reducedCosts(c)
      guard let (j, direction) = entering(reduced, isBasic: isBasic, bland: degenerateRun > 50) else { return true }
      guard let (row, step) = ratioTest(column: j, direction: direction) else { return false }
      degenerateRun = step == 0 ? degenerateRun &+ 1 : 0
      move(column: j, by: direction * step)
      if row < 0 {
        value[j] = direction > 0 ? ub[j] : lb[j]
        continue
      }
      let leaving = basis[row]
      isBasic[leaving] = false
      isBasic[j] = true
      pivot(row: row, column: j)
      snapToBound(leaving)
    }
  }

  /// `d_j = c_j − Σ_r c_{B(r)} T_rj`.
  func reducedCosts(_ c: [Double]) -> [Double] {
    let cols = columns
    var d = c
    for r in 0..<m {
      let cb = c[basis[r]]
      if cb == 0 { continue }
      let base = r &* cols
      for j in 0..<cols { d[j] -= cb * T[base &+ j] }
    }
    return d
  }

  /// The entering column and its direction (+1 up, −1 down), or nil at optimality.
  func entering(_ d: [Double], isBasic: [Bool], bland: Bool) -> (Int, Double)? {
    var best: (Int, Double)?
    var bestScore = Self.costTolerance
    for j in 0..<columns where !isBasic[j] && lb[j] < ub[j] {
      let canRise = value[j] < ub[j], canFall = value[j] > lb[j]
      var score = 0.0, direction = 0.0
      if d[j] < -Self.costTolerance && canRise { score = -d[j]; direction = 1 }
      else if d[j] > Self.costTolerance && canFall { score = d[j]; direction = -1 }
      guard direction != 0 else { continue }
      if bland { return (j, direction) }
      if score > bestScore { best = (j, direction); bestScore = score }
    }
    return best
  }

  /// The leaving row (−1 when the entering column reaches its own opposite bound first) and the
  /// step length, or nil when nothing limits the step.
  func ratioTest(column j: Int, direction: Double) -> (Int, Double)? {
    let cols = columns
    var limit = ub[j] - lb[j]
    var row = -1
    var rowMagnitude = 0.0
    for r in 0..<m {
      let t = T[r &* cols &+ j]
      guard abs(t) > Self.pivotTolerance else { continue }
      let rate = -direction * t
      let b = basis[r]
      let room = rate < 0 ? (value[b] - lb[b]) / -rate : (ub[b] - value[b]) / rate
      let step = Swift.max(room, 0)
      if step < limit || (step == limit && row >= 0 && abs(t) > rowMagnitude) {
        limit = step
        row = r
        rowMagnitude = abs(t)
      }
    }
    return limit.isFinite ? (row, limit) : nil
  }

  mutating func move(column j: Int, by delta: Double) {
    guard delta != 0 else { return }
    let cols = columns
    value[j] += delta
    for r in 0..<m { value[basis[r]] -= delta * T[r &* cols &+ j] }
  }

  /// Puts a column that left the basis exactly on the bound it reached.
  mutating func snapToBound(_ col: Int) {
    if abs(value[col] - lb[col]) <= abs(value[col] - ub[col]) { value[col] = lb[col] } else { value[col] = ub[col] }
    if !value[col].isFinite { value[col] = 0 }
  }

  /// Gauss–Jordan pivot on `(row, column)`.
  mutating func pivot(row: Int, column j: Int) {
    let cols = columns
    let base = row &* cols
    let inv = 1 / T[base &+ j]
    for k in 0..<cols { T[base &+ k] *= inv }
    for r in 0..<m where r != row {
      let f = T[r &* cols &+ j]
      if f == 0 { continue }
      let rb = r &* cols
      for k in 0..<cols { T[rb &+ k] -= f * T[base &+ k] }
    }
    basis[row] = j
    pivots &+= 1
  }
}
