import QuadraticProgramming

extension MeanVarianceOptimizer {
  /// The efficient frontier as `points` portfolios with target returns evenly spaced from the
  /// minimum-variance portfolio's return to the highest reachable return (both included),
  /// each `min wᵀΣw s.t. μᵀw ≥ R_k`. Points are solved from the top down, each warm-started
  /// from the one above (which stays feasible as the target falls).
  /// - Returns: the portfolios in increasing target return.
  /// - Throws: ``OptimizationError`` as ``optimize(_:warmStart:)``.
  public func efficientFrontier(points: Int) throws -> [PortfolioResult] {
    guard points >= 1 else { throw OptimizationError.invalid("the frontier needs at least 1 point, found \(points)") }
    let bottom = try minimumVariance(warmStart: nil)
    if points == 1 { return [bottom] }
    let rMin = bottom.expectedReturn
    let rMax = max(try highestReturn().value, rMin)
    var out: [PortfolioResult] = []
    out.reserveCapacity(points)
    var warm: [Double]?
    for k in stride(from: points - 1, through: 1, by: -1) {
      let target = rMin + (rMax - rMin) * Double(k) / Double(points - 1)
      let s = try solveChecked(targetReturnProgram(min(target, rMax)), warmStart: warm)
      warm = s.x
      out.append(result(s.x, s, objectiveValue: covariance.variance(of: s.x), riskFreeRate: 0))
    }
    out.append(bottom)
    return out.reversed()
  }
}
