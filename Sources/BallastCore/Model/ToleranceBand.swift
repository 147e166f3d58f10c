/// The band around a target weight inside which no rebalance is needed.
///
/// Offsets are in weight units (0.05 = 5 percentage points). With both an absolute and a
/// relative offset, the narrower one applies on each side ("either breach triggers", the
/// 5/25 rule). Edges are clamped to [0, 1].
public struct ToleranceBand: Sendable, Hashable {
  /// Absolute distance allowed below the target.
  public var below: Double?
  /// Absolute distance allowed above the target.
  public var above: Double?
  /// Distance allowed on either side as a fraction of the target weight.
  public var relative: Double?

  public init(below: Double? = nil, above: Double? = nil, relative: Double? = nil) {
    self.below = below
    self.above = above
    self.relative = relative
  }

  /// A symmetric absolute band: `absolute(0.05)` is ±5 percentage points.
  public static func absolute(_ points: Double) -> Self { Self(below: points, above: points) }
  /// ±`fraction` of the target weight.
  public static func relative(_ fraction: Double) -> Self { Self(relative: fraction) }

  /// The band's edges around `target`:
  ///   lower = max(0, target − min(below, relative·target)),
  ///   upper = min(1, target + min(above, relative·target)).
  public func edges(around target: Double) -> (lower: Double, upper: Double) {
    let rel = relative.map { $0 * target } ?? .infinity
    let down = min(below ?? .infinity, rel)
    let up = min(above ?? .infinity, rel)
    return (max(0, target - (down.isFinite ? down : 0)), min(1, target + (up.isFinite ? up : 0)))
  }
}

/// How far a class may drift and how it is traded back, as a named default.
public enum Tier: String, Sendable, Hashable, CaseIterable {
  /// Band ±3 pp, traded back to target.
  case core
  /// Band ±5 pp, traded back to the band's edge.
  case satellite
  /// Band ±8 pp, traded back to the band's edge.
  case tactical

  public var defaultBand: ToleranceBand {
    switch self {
    case .core: return .absolute(0.03)
    case .satellite: return .absolute(0.05)
    case .tactical: return .absolute(0.08)
    }
  }

  public var defaultMethod: RebalanceMethod {
    self == .core ? .toTarget : .toBandEdge
  }
}

/// How a plan brings the household back.
public enum RebalanceMethod: String, Sendable, Hashable, CaseIterable {
  /// Every class to its target.
  case toTarget
  /// Only breached classes move, to the nearest edge of their band.
  case toBandEdge
  /// Deposits buy only underweight classes, withdrawals sell only overweight ones; nothing else.
  case cashFlowOnly
  /// Per class: its tier's (or its own) method when a band is breached; cash flows only when
  /// every class is inside its band.
  case auto
}
