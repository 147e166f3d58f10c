/// A tolerance band around each target weight, in weight units (0.05 = 5 percentage points).
///
/// Widths combine by taking the narrowest, so `abs=0.05,rel=0.25` breaches when either rule
/// does. For asset `i` with target `t`:
/// - below width `= min(abs, rel × t, below)`, above width `= min(abs, rel × t, above)`
///   over the parts that are given (a relative part of a zero target is ignored);
/// - the band is breached when `t − w > below width` or `w − t > above width` (strictly).
/// Per-asset entries override the global parts field by field.
public struct BandRule: Sendable, Hashable {
  public var widths: BandWidths
  /// Overrides for named assets, in the order given.
  public var perAsset: [AssetBand]

  public init(_ widths: BandWidths, perAsset: [AssetBand] = []) {
    self.widths = widths
    self.perAsset = perAsset
  }

  public static func absolute(_ points: Double) -> BandRule { BandRule(BandWidths(absolute: points)) }
  public static func relative(_ fraction: Double) -> BandRule { BandRule(BandWidths(relative: fraction)) }

  /// The widths below and above each target, in asset order.
  /// - Throws: ``BacktestError`` for a per-asset entry naming no asset, or an asset left with
  ///   no width at all.
  public func resolve(assets: [String], targets: [Double]) throws -> (below: [Double], above: [Double]) {
    for entry in perAsset where !assets.contains(entry.asset) {
      throw BacktestError("band names asset '\(entry.asset)', which is not in the backtest (\(assets.joined(separator: ", ")))")
    }
    var below: [Double] = []
    var above: [Double] = []
    for (i, asset) in assets.enumerated() {
      var w = widths
      for entry in perAsset where entry.asset == asset { w = w.overridden(by: entry.widths) }
      guard let b = w.width(below: true, target: targets[i]), let a = w.width(below: false, target: targets[i]) else {
        throw BacktestError("the band gives no width for asset '\(asset)'")
      }
      below.append(b)
      above.append(a)
    }
    return (below, above)
  }
}

/// The parts of a band; any may be absent.
public struct BandWidths: Sendable, Hashable {
  public var absolute: Double?
  public var relative: Double?
  public var below: Double?
  public var above: Double?

  public init(absolute: Double? = nil, relative: Double? = nil, below: Double? = nil, above: Double? = nil) {
    self.absolute = absolute
    self.relative = relative
    self.below = below
    self.above = above
  }

  public var isEmpty: Bool { absolute == nil && relative == nil && below == nil && above == nil }

  func overridden(by o: BandWidths) -> BandWidths {
    BandWidths(
      absolute: o.absolute ?? absolute, relative: o.relative ?? relative,
      below: o.below ?? below, above: o.above ?? above)
  }

  /// The narrowest given width on one side; `+∞` when only a relative part of a zero target
  /// is given; `nil` when nothing is given.
  func width(below side: Bool, target: Double) -> Double? {
    var parts: [Double] = []
    if let absolute { parts.append(absolute) }
    if let relative { parts.append(target > 0 ? relative * target : .infinity) }
    if let s = side ? below : above { parts.append(s) }
    return parts.min()
  }
}

/// Band parts for one named asset.
public struct AssetBand: Sendable, Hashable {
  public var asset: String
  public var widths: BandWidths
  public init(asset: String, widths: BandWidths) {
    self.asset = asset
    self.widths = widths
  }
}
