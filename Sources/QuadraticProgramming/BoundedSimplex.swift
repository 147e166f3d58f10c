/// A dense bounded-variable primal simplex method for the constraints of a ``QuadraticProgram``:
/// phase 1 finds a basic feasible point of
///
///     A x = b,  G x + s = h,  s ≥ 0,  lower ≤ x ≤ upper
///
/// by minimising the sum of artificial variables `a ≥ 0` added to each row that the starting
/// point violates; phase 2 (optional) minimises a linear cost `cᵀx` from there.
///
/// The tableau is `m × (n + m_I + m)` with `m` rows, so each pivot costs O(m(n + m)); the row
/// count of a portfolio problem is small. Entering columns follow Dantzig's rule and switch to
/// Bland's rule after a run of degenerate pivots, which rules out cycling.
struct BoundedSimplex {
  /// The outcome of a run.
  enum Outcome {
    /// A basic feasible (and, in phase 2, optimal) point.
    case feasible(Vertex)
    /// Rows still violated at the phase-1 optimum (indices into the combined rows, equalities
    /// first), with the remaining total violation.
    case infeasible(rows: [Int], violation: Double)
    /// Phase 2 found the cost unbounded below.
    case unbounded
  }

  /// A basic feasible point and which of its constraints are tight in the basis sense.
  struct Vertex {
    var x: [Double]
    /// Per original variable: basic (free to move in the active-set method).
    var isBasic: [Bool]
    /// Per inequality row: its slack is nonbasic, so the row is held active.
    var isActiveInequality: [Bool]
    /// Combined row indices found linearly dependent on the others (left out of working sets).
    var redundantRows: [Int]
    var pivots: Int
  }

  let n: Int, mE: Int, mI: Int
  var m: Int { mE &+ mI }
  var columns: Int { n &+ mI &+ m }
  /// Tableau `B⁻¹ [C | S | Art]`, row-major `m × columns`.
  var T: [Double]
  var value: [Double]
  var lb: [Double]
  var ub: [Double]
  /// `basis[r]`: the column basic in row `r`.
  var basis: [Int]
  var pivots = 0

  static let pivotTolerance = 1e-9
  static let costTolerance = 1e-11

  /// Sets up phase 1 for `qp`'s constraints.
  init(_ qp: QuadraticProgram) {
    n = qp.variableCount
    mE = qp.equalityCount
    mI = qp.inequalityCount
    let m = mE &+ mI, cols = n &+ mI &+ m
    T = [Double](repeating: 0, count: m &* cols)
    value = [Double](repeating: 0, count: cols)
    lb = [Double](repeating: 0, count: cols)
    ub = [Double](repeating: .infinity, count: cols)
    basis = [Int](repeating: 0, count: m)
    for j in 0..<n {
      lb[j] = qp.lower[j]
      ub[j] = qp.upper[j]
      value[j] = lb[j].isFinite ? lb[j] : (ub[j].isFinite ? ub[j] : 0)
    }
    for r in 0..<m { setUpRow(r, qp) }
  }

  private mutating func setUpRow(_ r: Int, _ qp: QuadraticProgram) {
    let cols = columns
    let isEquality = r < mE
    let coefficients = isEquality ? qp.A : qp.G
    let row = isEquality ? r : r &- mE
    let rhs = isEquality ? qp.b[row] : qp.h[row]
    var activity = 0.0
    for j in 0..<n { activity += coefficients[row &* n &+ j] * value[j] }
    let residual = rhs - activity
    let art = n &+ mI &+ r
    if !isEquality && residual >= 0 {
      let slack = n &+ row
      basis[r] = slack
      value[slack] = residual
      ub[art] = 0
      for j in 0..<n { T[r &* cols &+ j] = coefficients[row &* n &+ j] }
      T[r &* cols &+ slack] = 1
      T[r &* cols &+ art] = 1
      return
    }
    let sigma: Double = residual >= 0 ? 1 : -1
    basis[r] = art
    value[art] = abs(residual)
    for j in 0..<n { T[r &* cols &+ j] = sigma * coefficients[row &* n &+ j] }
    if !isEquality { T[r &* cols &+ n &+ row] = sigma }
    T[r &* cols &+ art] = 1
  }

  /// Runs phase 1, then phase 2 with `cost` (per original variable) when given.
  mutating func run(cost: [Double]? = nil, feasibilityTolerance: Double) -> Outcome {
    var c = [Double](repeating: 0, count: columns)
    for r in 0..<m { c[n &+ mI &+ r] = 1 }
    guard iterate(cost: c) else { return .unbounded }
    var violated: [Int] = []
    var violation = 0.0
    for r in 0..<m where value[n &+ mI &+ r] > feasibilityTolerance {
      violated.append(r)
      violation += value[n &+ mI &+ r]
    }
    if !violated.isEmpty { return .infeasible(rows: violated, violation: violation) }
    for r in 0..<m { ub[n &+ mI &+ r] = 0 }
    let redundant = driveOutArtificials()
    if let cost {
      var c2 = [Double](repeating: 0, count: columns)
      for j in 0..<n { c2[j] = cost[j] }
      guard iterate(cost: c2) else { return .unbounded }
    }
    return .feasible(vertex(redundant: redundant))
  }

  private func vertex(redundant: [Int]) -> Vertex {
    var isBasic = [Bool](repeating: false, count: n)
    var slackBasic = [Bool](repeating: false, count: mI)
    for r in 0..<m {
      let col = basis[r]
      if col < n { isBasic[col] = true } else if col < n &+ mI { slackBasic[col &- n] = true }
    }
    var x = Array(value[0..<n])
    for j in 0..<n { x[j] = Swift.min(Swift.max(x[j], lb[j]), ub[j]) }
    let redundantSet = Set(redundant)
    let active = (0..<mI).map { !slackBasic[$0] && !redundantSet.contains(mE &+ $0) }
    return Vertex(x: x, isBasic: isBasic, isActiveInequality: active, redundantRows: redundant, pivots: pivots)
  }

  /// Pivots artificial columns still basic (at zero) out of the basis where some non-artificial
  /// column has a usable entry in their row; rows where none has are linearly dependent.
  private mutating func driveOutArtificials() -> [Int] {
    var redundant: [Int] = []
    let cols = columns
    for r in 0..<m where basis[r] >= n &+ mI {
      var best = -1
      var bestMagnitude = Self.pivotTolerance
      for j in 0..<(n &+ mI) where !isBasicColumn(j) && lb[j] < ub[j] {
        let v = abs(T[r &* cols &+ j])
        if v > bestMagnitude { best = j; bestMagnitude = v }
      }
      if best >= 0 { pivot(row: r, column: best) } else { redundant.append(r) }
    }
    return redundant
  }

  private func isBasicColumn(_ j: Int) -> Bool { basis.contains(j) }
}
