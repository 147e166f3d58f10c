/// The multi-factor rebalancing score; the strategy trades when the score passes `threshold`.
///
/// On each row it looks, with every component scaled so that 100 is "a lot":
/// - drift = 100 × max_i |w_i − target_i| / `driftScale`,
/// - volatility = 100 × σ_window / σ_all of the target mix (100 until `window` rows exist),
/// - correlation = 100 × mean pairwise correlation over `window` rows (0 until then),
/// - time = 100 × rows since the last trade (or the start) / periods per year,
///
/// score = `drift`·drift + `volatility`·volatility + `correlation`·correlation + `time`·time,
/// and the strategy trades when score > `threshold`.
public struct ScoreRule: Sendable, Hashable {
  public var driftWeight: Double
  public var volatilityWeight: Double
  public var correlationWeight: Double
  public var timeWeight: Double
  public var driftScale: Double
  /// Rows of the rolling volatility and correlation windows; `nil`: one year of rows.
  public var window: Int?
  public var threshold: Double

  public init(
    driftWeight: Double = 0.6, volatilityWeight: Double = 0.1, correlationWeight: Double = 0.1,
    timeWeight: Double = 0.2, driftScale: Double = 0.05, window: Int? = nil, threshold: Double = 100
  ) {
    self.driftWeight = driftWeight
    self.volatilityWeight = volatilityWeight
    self.correlationWeight = correlationWeight
    self.timeWeight = timeWeight
    self.driftScale = driftScale
    self.window = window
    self.threshold = threshold
  }
}
