public import QuadraticProgramming

/// Optimal weights and their statistics.
public struct PortfolioResult: Sendable {
  public var assets: [String]
  /// Weights in asset order; `Σ w = 1`.
  public var weights: [Double]
  /// `μᵀw`.
  public var expectedReturn: Double
  /// `√(wᵀΣw)`.
  public var volatility: Double
  /// `(μᵀw − r_f)/√(wᵀΣw)` with the risk-free rate of the run (0 unless given).
  public var sharpe: Double
  /// The objective's own value: variance for min-variance and target-return, Sharpe ratio for
  /// max-Sharpe, expected return for target-risk, `μᵀw − (δ/2)wᵀΣw` for utility.
  public var objectiveValue: Double
  /// How the (last) QP solve ended.
  public var solver: SolverReport
}

/// Solver figures for a result: status, iteration counts and KKT residuals of the QP solved.
public struct SolverReport: Sendable {
  public var status: SolverStatus
  public var iterations: Int
  public var phaseOnePivots: Int
  public var residuals: KKTResiduals
  /// Number of QP solves behind the result (more than one for target-risk and frontiers).
  public var solves: Int

  init(_ s: QPSolution, solves: Int = 1) {
    status = s.status
    iterations = s.iterations
    phaseOnePivots = s.phaseOnePivots
    residuals = s.residuals
    self.solves = solves
  }
}
