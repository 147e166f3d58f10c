/// How a solve ended.
public enum SolverStatus: String, Sendable, Hashable, Codable {
  /// The KKT conditions hold to the solver's tolerances: `x` is a minimiser.
  case optimal
  /// No point satisfies every constraint; ``QPSolution/diagnostics`` names the rows or bounds
  /// that cannot hold together.
  case infeasible
  /// The objective decreases without limit along a feasible direction.
  case unbounded
  /// The iteration limit was reached; `x` is feasible but not proved optimal.
  case iterationLimit
  /// `P` is not positive definite on the subspace of free variables the method needed
  /// (e.g. a singular covariance): the minimiser may not be unique. The diagnostics name the
  /// variables involved.
  case singular
}

/// Why the solver stopped when the status is not ``SolverStatus/optimal``: a message for a
/// person plus the names of the offending rows, bounds or variables.
public struct SolverDiagnostics: Sendable, Hashable {
  /// One or more sentences: the cause, then what to change.
  public var message: String
  /// Names of the constraints or variables involved (from the problem's name arrays).
  public var involved: [String]

  public init(message: String, involved: [String] = []) {
    self.message = message
    self.involved = involved
  }
}
