/// Residuals of the Karush–Kuhn–Tucker conditions at a returned point, all in the ∞-norm.
///
/// With multipliers `y` (equalities), `z ≥ 0` (inequalities) and `zl, zu ≥ 0` (bounds):
/// - stationarity: `‖P x + q + Aᵀy + Gᵀz − zl + zu‖∞`
/// - primal: `max(‖A x − b‖∞, max(G x − h)⁺, max(lower − x)⁺, max(x − upper)⁺)`
/// - dual: the most negative of `z`, `zl`, `zu` (reported as a positive number, 0 if none)
/// - complementarity: `max |z_i (G x − h)_i|`, `|zl_j (x_j − lower_j)|`, `|zu_j (upper_j − x_j)|`
public struct KKTResiduals: Sendable, Hashable {
  public var stationarity: Double
  public var primal: Double
  public var dual: Double
  public var complementarity: Double

  public init(stationarity: Double, primal: Double, dual: Double, complementarity: Double) {
    self.stationarity = stationarity
    self.primal = primal
    self.dual = dual
    self.complementarity = complementarity
  }

  /// The largest of the four residuals.
  public var maximum: Double { Swift.max(stationarity, primal, dual, complementarity) }
}
