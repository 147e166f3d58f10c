/// How a band's widths change from row to row (they are multiplied by a per-row factor).
public enum BandScaling: Sendable, Hashable {
  /// Fixed widths.
  case fixed
  /// Dynamic band: factor = σ_window / σ_all, where σ_window is the sample standard deviation
  /// of the target mix's returns over the last `window` rows (this row included) and σ_all the
  /// same over every row so far (from row 1). The factor is 1 until `window` rows exist.
  case realisedVolatility(window: Int)
  /// Dynamic band on VIX: factor = VIX close / mean of every VIX close so far.
  case vixRatio
  /// The VIX bucket table: factor = the multiplier of the bucket the VIX close falls in.
  case vixBuckets(VIXBuckets)
}

/// VIX buckets: the first bucket whose `below` is absent or above the VIX close applies.
public struct VIXBuckets: Sendable, Hashable {
  public struct Bucket: Sendable, Hashable {
    /// Upper bound (exclusive); `nil` for the last bucket.
    public var below: Double?
    public var multiplier: Double
    public init(below: Double?, multiplier: Double) {
      self.below = below
      self.multiplier = multiplier
    }
  }

  public var buckets: [Bucket]
  public init(_ buckets: [Bucket]) { self.buckets = buckets }

  /// The seed's table for a 5 % base: VIX below 15 → 3 %, 15–25 → 5 %, 25–35 → 8 %,
  /// 35 and above → 12 %, i.e. multipliers 0.6, 1, 1.6, 2.4 of the base band.
  public static let standard = VIXBuckets([
    Bucket(below: 15, multiplier: 0.6), Bucket(below: 25, multiplier: 1.0),
    Bucket(below: 35, multiplier: 1.6), Bucket(below: nil, multiplier: 2.4),
  ])

  public func multiplier(for vix: Double) -> Double {
    for b in buckets where b.below.map({ vix < $0 }) ?? true { return b.multiplier }
    return buckets.last?.multiplier ?? 1
  }
}
