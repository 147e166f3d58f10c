/// A rebalancing strategy: a small value that answers two questions for the simulator, *when*
/// to trade (``rule``) and *to what* (``destination``), with an optional ``momentum`` filter.
///
/// Strategies compose from the parts below (STYLE C10): a hybrid is a band rule that only looks
/// on calendar period ends; a dynamic band is a band rule with a ``BandScaling``; the VIX and
/// correlation tables are ``RegimeTable``s. Every part sees only data up to the row it decides on.
public struct Strategy: Sendable, Hashable {
  /// The name shown in results (the spec it was parsed from, e.g. `band:abs=0.05`).
  public var name: String
  public var rule: Rule
  public var destination: Destination
  public var momentum: MomentumFilter?

  public init(name: String, rule: Rule, destination: Destination = .target, momentum: MomentumFilter? = nil) {
    self.name = name
    self.rule = rule
    self.destination = destination
    self.momentum = momentum
  }

  /// Whether the targets change over time (``Rule/retarget(look:source:)``).
  public var isRetargeting: Bool {
    if case .retarget = rule { return true }
    return false
  }

  /// Buy and hold: never trades.
  public static let buyAndHold = Strategy(name: "none", rule: .never)
}

extension Strategy {
  /// When a strategy trades.
  public enum Rule: Sendable, Hashable {
    /// Never (buy and hold).
    case never
    /// On the last row of every period, whatever the weights.
    case calendar(RebalanceFrequency)
    /// On rows where it looks (every row, or calendar period ends for a hybrid), when some
    /// weight is outside its band; the band may be scaled row by row.
    case band(BandRule, look: RebalanceFrequency, scaling: BandScaling)
    /// A signal picks, row by row, how often to look and how wide the band is.
    case regime(RegimeTable)
    /// When a weighted score of drift, volatility, correlation and time passes a threshold.
    case score(ScoreRule, look: RebalanceFrequency)
    /// On the last row of every period, to targets that change over time: the source is asked
    /// for new targets (it sees only the returns up to that row), and the portfolio trades to
    /// them, or back to the targets in force when it answers `nil`. Drift and tracking error
    /// are measured against the targets in force (see ``TargetProvider``).
    case retarget(look: RebalanceFrequency, source: TargetSource)
  }

  /// What a strategy trades to.
  public enum Destination: String, Sendable, Hashable {
    /// Back to the target weights (the default).
    case target
    /// The smallest move along the straight line from the current weights to the targets that
    /// brings every weight inside its band: `w' = w + λ (target − w)` with the least
    /// `λ ∈ (0, 1]`, so the worst breaching asset lands exactly on its band edge.
    case bandEdge = "edge"
  }
}

/// Delays trimming winners: an asset above its upper band does not count as a breach while its
/// trailing return over `lookback` rows (this row included) is above `threshold`.
public struct MomentumFilter: Sendable, Hashable {
  public var lookback: Int
  public var threshold: Double
  public init(lookback: Int, threshold: Double = 0) {
    self.lookback = lookback
    self.threshold = threshold
  }
}
