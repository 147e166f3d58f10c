extension QuadraticProgram {
  /// The result of ``linearMinimum(of:)``.
  public struct LinearSolution: Sendable {
    /// `.optimal`, `.infeasible` (diagnostics name the rows) or `.unbounded`.
    public var status: SolverStatus
    public var x: [Double]
    /// `costᵀx` at `x`.
    public var value: Double
    public var diagnostics: SolverDiagnostics?
  }

  /// Minimises the linear function `costᵀx` over this problem's constraints (the objective
  /// `P`, `q` is ignored) with the bounded simplex method, e.g. to find the highest reachable
  /// expected return.
  /// - Complexity: O(m (n + m)) per pivot for `m` rows.
  public func linearMinimum(of cost: [Double]) -> LinearSolution {
    precondition(cost.count == variableCount, "cost has \(cost.count) entries for \(variableCount) variables")
    if let failure = ActiveSetSolver.checkInput(self) {
      return LinearSolution(status: failure.status, x: failure.x, value: .nan, diagnostics: failure.diagnostics)
    }
    var simplex = BoundedSimplex(self)
    let tolerance = ActiveSetSolver.Tolerances().feasibility * (1 + ActiveSetSolver.rhsScale(self))
    switch simplex.run(cost: cost, feasibilityTolerance: tolerance) {
    case .feasible(let v):
      var value = 0.0
      for j in 0..<variableCount { value += cost[j] * v.x[j] }
      return LinearSolution(status: .optimal, x: v.x, value: value, diagnostics: nil)
    case .infeasible(let rows, let violation):
      let failure = ActiveSetSolver.infeasible(self, rows: rows, violation: violation, pivots: simplex.pivots)
      return LinearSolution(status: .infeasible, x: failure.x, value: .nan, diagnostics: failure.diagnostics)
    case .unbounded:
      return LinearSolution(status: .unbounded, x: [Double](repeating: 0, count: variableCount), value: -.infinity,
                            diagnostics: SolverDiagnostics(message: "the linear cost decreases without limit"))
    }
  }
}
