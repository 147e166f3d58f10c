/// The result of ``ActiveSetSolver/solve(_:warmStart:)``.
public struct QPSolution: Sendable {
  public var status: SolverStatus
  /// The last iterate: the minimiser when `status == .optimal`.
  public var x: [Double]
  /// `½ xᵀP x + qᵀx` at `x`, recomputed from `x`.
  public var objective: Double
  /// Multipliers of `A x = b` (sign: stationarity is `P x + q + Aᵀy + Gᵀz − zl + zu = 0`).
  public var equalityMultipliers: [Double]
  /// Multipliers `z ≥ 0` of `G x ≤ h`.
  public var inequalityMultipliers: [Double]
  /// Multipliers `zl ≥ 0` of `x ≥ lower` and `zu ≥ 0` of `x ≤ upper`.
  public var lowerBoundMultipliers: [Double]
  public var upperBoundMultipliers: [Double]
  /// Active-set iterations (phase 1 pivots not included; see ``phaseOnePivots``).
  public var iterations: Int
  /// Simplex pivots spent finding a first feasible point (0 after a usable warm start).
  public var phaseOnePivots: Int
  /// KKT residuals at `x` with the multipliers above.
  public var residuals: KKTResiduals
  /// Why the solve did not end optimal (nil when it did).
  public var diagnostics: SolverDiagnostics?
  /// The final working set, to warm-start a neighbouring problem.
  public var workingSet: WorkingSet
}

/// Which constraints hold with equality in the solver's working set.
public struct WorkingSet: Sendable, Hashable {
  /// Per variable: free, or held at its lower or upper bound.
  public enum BoundState: UInt8, Sendable, Hashable {
    case free, atLower, atUpper
  }
  public var bounds: [BoundState]
  /// Indices of inequality rows held active.
  public var activeInequalities: [Int]

  public init(bounds: [BoundState], activeInequalities: [Int]) {
    self.bounds = bounds
    self.activeInequalities = activeInequalities
  }
}

/// A starting point for ``ActiveSetSolver``: a previous solution of a neighbouring problem.
///
/// The solver uses `x` when it satisfies every constraint of the new problem (within the
/// feasibility tolerance); otherwise it falls back to a cold start (phase 1).
public struct WarmStart: Sendable {
  public var x: [Double]
  public init(x: [Double]) { self.x = x }
  public init(_ solution: QPSolution) { self.x = solution.x }
}
