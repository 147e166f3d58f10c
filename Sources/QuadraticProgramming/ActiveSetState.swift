/// The mutable state of one ``ActiveSetSolver`` run: the iterate, its gradient and row
/// activities, and the working set with the factor of its free block.
///
/// Notation (Nocedal & Wright ch. 16): `x` iterate, `g = P x + q`, `C` the rows `[A; G]` with
/// right-hand sides `d = [b; h]`, `F` the free variables, `W` the working rows, `ν` their
/// multipliers.
struct ActiveSetState {
  enum Outcome: Equatable { case optimal, iterationLimit, singular, restart }
  enum BoundState: UInt8 { case free = 0, atLower, atUpper, fixed }
  enum Constraint: Equatable { case bound(Int), row(Int) }

  let qp: QuadraticProgram
  let n: Int, mE: Int, m: Int
  let tol: ActiveSetSolver.Tolerances
  let isWarm: Bool
  var checksUniqueness = true
  /// `[A; G]` row-major, `d = [b; h]`, and `‖C_r‖∞` per row.
  let C: [Double]
  let d: [Double]
  let rowNorm: [Double]

  var x: [Double]
  var g: [Double]
  var cx: [Double]
  var bound: [BoundState]
  var free: [Int] = []
  var factor: CholeskyFactor
  var rows: [Int] = []
  var isWorkingRow: [Bool]
  var redundantRows: [Int] = []
  var iterations = 0
  var nu: [Double] = []
  var failure: SolverDiagnostics?

  private init(qp: QuadraticProgram, x: [Double], tolerances: ActiveSetSolver.Tolerances, warm: Bool) {
    self.qp = qp
    n = qp.variableCount
    mE = qp.equalityCount
    m = mE &+ qp.inequalityCount
    tol = tolerances
    isWarm = warm
    let combined = qp.A + qp.G
    C = combined
    d = qp.b + qp.h
    let width = qp.variableCount
    rowNorm = (0..<(qp.equalityCount &+ qp.inequalityCount)).map { r in
      var s = 0.0
      for j in 0..<width { s = Swift.max(s, abs(combined[r &* width &+ j])) }
      return Swift.max(s, 1e-300)
    }
    self.x = x
    g = qp.q
    cx = [Double](repeating: 0, count: m)
    bound = [BoundState](repeating: .free, count: n)
    factor = CholeskyFactor(capacity: 16)
    isWorkingRow = [Bool](repeating: false, count: m)
  }

  /// A cold start at a phase-1 vertex.
  init(qp: QuadraticProgram, vertex: BoundedSimplex.Vertex, tolerances: ActiveSetSolver.Tolerances, checksUniqueness: Bool) {
    self.init(qp: qp, x: vertex.x, tolerances: tolerances, warm: false)
    self.checksUniqueness = checksUniqueness
    redundantRows = vertex.redundantRows
    for j in 0..<n { bound[j] = classify(j, basic: vertex.isBasic[j]) }
    for r in 0..<mE where !redundantRows.contains(r) { addRow(r) }
    for i in 0..<(m &- mE) where vertex.isActiveInequality[i] { addRow(mE &+ i) }
    start()
  }

  /// A warm start at `warm`, or nil when `warm` is not feasible for `qp`.
  init?(qp: QuadraticProgram, warm: [Double], tolerances: ActiveSetSolver.Tolerances, checksUniqueness: Bool) {
    guard warm.count == qp.variableCount, warm.allSatisfy(\.isFinite) else { return nil }
    let clamped = (0..<warm.count).map { Swift.min(Swift.max(warm[$0], qp.lower[$0]), qp.upper[$0]) }
    self.init(qp: qp, x: clamped, tolerances: tolerances, warm: true)
    self.checksUniqueness = checksUniqueness
    for j in 0..<n { bound[j] = classify(j, basic: false) }
    recomputeActivities()
    for r in 0..<m {
      let slack = r < mE ? abs(cx[r] - d[r]) : cx[r] - d[r]
      if slack > tol.feasibility * (1 + abs(d[r])) { return nil }
    }
    for r in 0..<mE { addRow(r) }
    start()
  }

  /// Bound state of variable `j` at the current `x`; snaps `x_j` onto a bound it sits on.
  private mutating func classify(_ j: Int, basic: Bool) -> BoundState {
    let lo = qp.lower[j], hi = qp.upper[j]
    if lo == hi { x[j] = lo; return .fixed }
    if basic { return .free }
    if lo.isFinite && x[j] - lo <= 1e-12 * (1 + abs(lo)) { x[j] = lo; return .atLower }
    if hi.isFinite && hi - x[j] <= 1e-12 * (1 + abs(hi)) { x[j] = hi; return .atUpper }
    return .free
  }

  private mutating func start() {
    recomputeExact()
    for j in 0..<n where bound[j] == .free {
      guard freeVariable(j) else {
        failure = singularDiagnostics(j)
        return
      }
    }
  }

  mutating func addRow(_ r: Int) {
    rows.append(r)
    isWorkingRow[r] = true
  }

  /// Appends `j` to the free set and the factor; false when `P_FF` would become singular.
  mutating func freeVariable(_ j: Int) -> Bool {
    var column = [Double](repeating: 0, count: free.count)
    let base = j &* n
    for (i, f) in free.enumerated() { column[i] = qp.P[base &+ f] }
    guard factor.append(column: column, diagonal: qp.P[base &+ j]) else { return false }
    free.append(j)
    bound[j] = .free
    return true
  }

  /// `g = P x + q` and `C x` from scratch, using only the non-zero entries of `x`.
  /// - Complexity: O((n + m) · nnz(x))
  mutating func recomputeExact() {
    recomputeGradient()
    recomputeActivities()
  }

  func singularDiagnostics(_ j: Int) -> SolverDiagnostics {
    let names = ([j] + free).map { qp.variableNames[$0] }
    return SolverDiagnostics(
      message: "P is singular (not positive definite) on the free variables \(names.prefix(12).joined(separator: ", "))"
        + (names.count > 12 ? ", …" : "")
        + ": freeing \(qp.variableNames[j]) adds a direction of zero curvature, so the minimiser is not unique. "
        + "Make P positive definite (e.g. shrink or repair a covariance matrix, or remove duplicated variables)",
      involved: names)
  }
}
