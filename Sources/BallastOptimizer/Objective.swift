/// What the mean-variance optimiser minimises or maximises (PyPortfolioOpt's
/// `EfficientFrontier` methods). Weights `w` always satisfy `Σ w = 1` and the constraints.
public enum Objective: Sendable, Hashable {
  /// `min wᵀΣw` (`min_volatility`).
  case minVariance
  /// `max (μᵀw − r_f)/√(wᵀΣw)` (`max_sharpe`), solved as the convex QP
  /// `min yᵀΣy s.t. (μ − r_f)ᵀy = 1, y ≥ 0` with homogenised constraints
  /// (`lower·Σy ≤ y ≤ upper·Σy`), then `w = y/Σy` (Cornuejols & Tütüncü, *Optimization Methods
  /// in Finance*, §8.2).
  case maxSharpe(riskFreeRate: Double)
  /// `min wᵀΣw s.t. μᵀw ≥ R` (`efficient_return`).
  case targetReturn(Double)
  /// `max μᵀw s.t. √(wᵀΣw) ≤ σ` (`efficient_risk`), solved along the parametric family
  /// `min ½wᵀΣw − t μᵀw`, `t ≥ 0`, whose volatility grows with `t`.
  case targetRisk(Double)
  /// `max μᵀw − (δ/2) wᵀΣw` (`max_quadratic_utility(risk_aversion=δ)`).
  case quadraticUtility(riskAversion: Double)

  /// The CLI spelling: `min-variance`, `max-sharpe`, `target-return=R`, `target-risk=S`,
  /// `utility=A`.
  public var name: String {
    switch self {
    case .minVariance: return "min-variance"
    case .maxSharpe: return "max-sharpe"
    case .targetReturn(let r): return "target-return=\(r)"
    case .targetRisk(let s): return "target-risk=\(s)"
    case .quadraticUtility(let a): return "utility=\(a)"
    }
  }
}
