/// A primal active-set method for convex quadratic programs (Nocedal & Wright, *Numerical
/// Optimization*, 2nd ed., Algorithm 16.3), specialised to keep bound constraints out of the
/// linear algebra.
///
/// The working set fixes some variables at a bound and holds some inequality rows (and every
/// equality row) tight. On the free variables `F`, each iteration solves the equality-constrained
/// step
///
///     minimise ½ pᵀ P_FF p + g_Fᵀ p   subject to   C_F p = −r,
///
/// where `g = P x + q`, `C` are the working rows and `r` their current residuals, by the Schur
/// complement with the Cholesky factor `P_FF = L Lᵀ` (``CholeskyFactor``, updated by one row and
/// column when a variable is freed or fixed):
///
///     Y = L⁻¹ C_Fᵀ,  z = L⁻¹ g_F,  (YᵀY) ν = r − Yᵀz,  p_F = −L⁻ᵀ (z + Y ν).
///
/// A non-zero step is cut at the first blocking bound or row, which joins the working set. A zero
/// step means `x` minimises over the working set; then the multipliers `ν` of the rows and
/// `g_j + (Cᵀν)_j` of the fixed variables are checked, and the most negative one (scaled) leaves
/// the working set, or `x` is optimal.
///
/// Each iteration costs O(|F|² k + n |F| + m |F|) for `k` working rows and `m` rows in all, so
/// portfolio problems with sparse solutions never factor the full `n × n` matrix.
///
/// A first feasible point comes from ``BoundedSimplex`` (phase 1), or from a warm start.
public struct ActiveSetSolver: Sendable {
  /// Tolerances of the method.
  public struct Tolerances: Sendable {
    /// Largest constraint violation accepted as feasible, relative to `1 + |rhs|`.
    public var feasibility: Double = 1e-9
    /// A multiplier above `−optimality × scale` counts as non-negative; `scale` is `max|g|`.
    public var optimality: Double = 1e-11
    /// A step with `‖p‖∞ ≤ step × (1 + ‖x‖∞)` counts as zero.
    public var step: Double = 1e-12
    public init() {}
  }

  public var tolerances = Tolerances()
  /// At the optimum, also look for a fixed variable with a zero multiplier whose freeing would
  /// make `P_FF` singular, and report ``SolverStatus/singular`` (the minimiser is not unique).
  /// Turn off for formulations that are singular by construction but whose quantity of
  /// interest is unique (e.g. buy/sell splits `x = x₀ + u − v`).
  public var checksUniqueness = true
  /// Iteration cap; `nil` means `50 (n + m) + 1000`.
  public var maxIterations: Int?

  public init(maxIterations: Int? = nil) { self.maxIterations = maxIterations }

  /// Solves `qp`, starting from `warmStart.x` when it is feasible for `qp`.
  /// - Returns: a ``QPSolution`` whose status says whether `x` is the minimiser.
  /// - Complexity: per iteration O(|F|² k + n |F|); phase 1 O(m (n + m)) per pivot.
  public func solve(_ qp: QuadraticProgram, warmStart: WarmStart? = nil) -> QPSolution {
    if let failure = Self.checkInput(qp) { return failure }
    let limit = maxIterations ?? (50 &* (qp.variableCount &+ qp.equalityCount &+ qp.inequalityCount) &+ 1000)
    if let warmStart, let state = ActiveSetState(qp: qp, warm: warmStart.x, tolerances: tolerances, checksUniqueness: checksUniqueness) {
      var warm = state
      let outcome = warm.run(limit: limit)
      if outcome != .restart { return warm.solution(outcome, phaseOnePivots: 0) }
    }
    var simplex = BoundedSimplex(qp)
    switch simplex.run(feasibilityTolerance: tolerances.feasibility * (1 + Self.rhsScale(qp))) {
    case .infeasible(let rows, let violation):
      return Self.infeasible(qp, rows: rows, violation: violation, pivots: simplex.pivots)
    case .unbounded:
      return Self.failure(qp, .infeasible, SolverDiagnostics(message: "phase 1 failed to converge"))
    case .feasible(let vertex):
      var state = ActiveSetState(qp: qp, vertex: vertex, tolerances: tolerances, checksUniqueness: checksUniqueness)
      var outcome = state.run(limit: limit)
      if outcome == .restart { outcome = .singular }
      return state.solution(outcome, phaseOnePivots: vertex.pivots)
    }
  }

  static func rhsScale(_ qp: QuadraticProgram) -> Double {
    var s = 0.0
    for v in qp.b { s = Swift.max(s, abs(v)) }
    for v in qp.h where v.isFinite { s = Swift.max(s, abs(v)) }
    return s
  }
}
