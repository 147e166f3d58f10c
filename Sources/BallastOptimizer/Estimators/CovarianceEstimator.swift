/// Annualised covariance estimators with PyPortfolioOpt's conventions (`risk_models`), all
/// multiplied by ``ReturnSeries/periodsPerYear``.
public enum CovarianceEstimator: Sendable, Hashable {
  /// Sample covariance with the `T − 1` denominator (`sample_cov`).
  case sample
  /// Exponentially weighted covariance (`exp_cov`): for each pair, the products of returns
  /// minus their full-sample means, averaged by pandas `ewm(span).mean()` (`adjust=True`) and
  /// read at the last period. PyPortfolioOpt's default span is 180.
  case exponential(span: Double = 180)
  /// Ledoit–Wolf shrinkage towards a constant-variance target (`CovarianceShrinkage.ledoit_wolf`,
  /// i.e. scikit-learn's `ledoit_wolf`): `(1 − δ) S + δ μ I` with `S` the biased (`1/T`) sample
  /// covariance of the demeaned returns, `μ = tr(S)/N`, and the optimal intensity
  /// `δ = min(β, d)/d`, `d = ‖S − μI‖²_F / N`, `β = (1/(N T)) (Σ_t ‖x_t‖⁴ / T − ‖S‖²_F)`
  /// (Ledoit & Wolf, *A well-conditioned estimator for large-dimensional covariance matrices*,
  /// 2004).
  case ledoitWolf

  /// The estimate from `returns`.
  /// - Throws: ``OptimizationError`` (`singular-covariance`) for the sample and exponential
  ///   estimators when there are no more returns than assets, so the matrix must be singular.
  /// - Complexity: O(N² T)
  public func estimate(_ returns: ReturnSeries) throws -> CovarianceMatrix {
    let n = returns.assetCount, t = returns.periodCount
    if self != .ledoitWolf && t <= n {
      throw OptimizationError(.singularCovariance,
        "\(n) assets but only \(t) returns: a \(self == .sample ? "sample" : "exponentially weighted") covariance of rank at most \(t - 1) is singular; use a longer window, fewer assets, or Ledoit–Wolf shrinkage (ledoit-wolf: --cov in optimize, cov= in an optimized: strategy)")
    }
    let demeaned = returns.columns.map { c -> [Double] in
      let m = ExpectedReturnEstimator.mean(c)
      return c.map { $0 - m }
    }
    var v = [Double](repeating: 0, count: n * n)
    let f = returns.periodsPerYear
    switch self {
    case .sample:
      Self.fillGram(&v, demeaned, scale: f / Double(t - 1))
    case .exponential(let span):
      Self.fillExponential(&v, demeaned, span: span, scale: f)
    case .ledoitWolf:
      Self.fillLedoitWolf(&v, demeaned, scale: f)
    }
    return CovarianceMatrix(uncheckedDimension: n, values: v)
  }

  /// `v[i][j] = scale · Σ_t x_i[t] x_j[t]`.
  static func fillGram(_ v: inout [Double], _ x: [[Double]], scale: Double) {
    let n = x.count, t = x[0].count
    for i in 0..<n {
      for j in 0...i {
        var s = 0.0
        for k in 0..<t { s += x[i][k] * x[j][k] }
        v[i * n + j] = s * scale
        v[j * n + i] = s * scale
      }
    }
  }

  static func fillExponential(_ v: inout [Double], _ x: [[Double]], span: Double, scale: Double) {
    let n = x.count, t = x[0].count
    let decay = 1 - 2 / (span + 1)
    var denominator = 0.0
    for _ in 0..<t { denominator = denominator * decay + 1 }
    for i in 0..<n {
      for j in 0...i {
        var s = 0.0
        for k in 0..<t { s = s * decay + x[i][k] * x[j][k] }
        let e = s / denominator * scale
        v[i * n + j] = e
        v[j * n + i] = e
      }
    }
  }

  static func fillLedoitWolf(_ v: inout [Double], _ x: [[Double]], scale: Double) {
    let n = x.count, t = x[0].count, T = Double(t), N = Double(n)
    fillGram(&v, x, scale: 1 / T)
    var trace = 0.0
    for i in 0..<n { trace += v[i * n + i] }
    let mu = trace / N
    var frob2 = 0.0
    for e in v { frob2 += e * e }
    var fourth = 0.0  // Σ_{i,j} Σ_t x_i² x_j² = Σ_t (Σ_i x_i[t]²)²
    for k in 0..<t {
      var s = 0.0
      for i in 0..<n { s += x[i][k] * x[i][k] }
      fourth += s * s
    }
    let delta = (frob2 - 2 * mu * trace + N * mu * mu) / N
    var beta = (fourth / T - frob2) / (N * T)
    beta = min(beta, delta)
    let shrinkage = beta == 0 ? 0 : beta / delta
    for i in 0..<n {
      for j in 0..<n {
        var e = (1 - shrinkage) * v[i * n + j]
        if i == j { e += shrinkage * mu }
        v[i * n + j] = e * scale
      }
    }
  }
}
