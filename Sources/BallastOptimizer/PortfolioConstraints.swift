/// Linear constraints on portfolio weights `w` (fractions of value; `Σ w = 1` always holds).
///
/// - bounds: `lower_i ≤ w_i ≤ upper_i` (long-only is `0 ≤ w_i ≤ 1`);
/// - groups: `groupLower ≤ Σ_{i ∈ group} w_i ≤ groupUpper` (asset-class limits).
public struct PortfolioConstraints: Sendable, Hashable {
  /// A bound on the total weight of a set of assets.
  public struct Group: Sendable, Hashable {
    public var name: String
    /// Asset indices in the group.
    public var members: [Int]
    public var lower: Double
    public var upper: Double
    public init(name: String, members: [Int], lower: Double = -.infinity, upper: Double = .infinity) {
      self.name = name
      self.members = members
      self.lower = lower
      self.upper = upper
    }
  }

  public var lower: [Double]
  public var upper: [Double]
  public var groups: [Group]

  public init(lower: [Double], upper: [Double], groups: [Group] = []) {
    self.lower = lower
    self.upper = upper
    self.groups = groups
  }

  /// `0 ≤ w_i ≤ 1` for `n` assets (PyPortfolioOpt's default `weight_bounds=(0, 1)`).
  public static func longOnly(_ n: Int) -> Self { uniform(n, lower: 0, upper: 1) }

  /// The same `lower ≤ w_i ≤ upper` for every asset.
  public static func uniform(_ n: Int, lower: Double, upper: Double) -> Self {
    Self(lower: [Double](repeating: lower, count: n), upper: [Double](repeating: upper, count: n))
  }

  /// Checks the constraints against the asset names and for contradictions that need no solver.
  /// - Throws: ``OptimizationError`` naming the asset or group.
  func validate(assets: [String]) throws {
    let n = assets.count
    guard lower.count == n, upper.count == n else {
      throw OptimizationError.invalid("bounds are given for \(lower.count)/\(upper.count) assets, expected \(n)")
    }
    for i in 0..<n {
      guard !lower[i].isNaN, !upper[i].isNaN, lower[i] <= upper[i] else {
        throw OptimizationError(.infeasible, "contradictory bounds on \(assets[i]): lower \(lower[i]) is above upper \(upper[i])")
      }
    }
    var low = 0.0, high = 0.0
    for i in 0..<n { low += lower[i]; high += upper[i] }
    if low > 1 + 1e-12 {
      throw OptimizationError(.infeasible, "the lower bounds add up to \(low) > 1, so the weights cannot sum to 1; lower them")
    }
    if high < 1 - 1e-12 {
      throw OptimizationError(.infeasible, "the upper bounds add up to \(high) < 1, so the weights cannot sum to 1 (e.g. \(n) assets with upper bound \(upper.max() ?? 0)); raise them")
    }
    for g in groups {
      guard g.lower <= g.upper else {
        throw OptimizationError(.infeasible, "contradictory bounds on group '\(g.name)': lower \(g.lower) is above upper \(g.upper)")
      }
      guard g.members.allSatisfy({ $0 >= 0 && $0 < n }), !g.members.isEmpty else {
        throw OptimizationError.invalid("group '\(g.name)' names no asset or an asset outside 0..<\(n)")
      }
    }
  }
}
