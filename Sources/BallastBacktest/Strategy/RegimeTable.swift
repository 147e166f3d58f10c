/// A table that picks, row by row, how often to look and how wide an absolute band to use,
/// from a market signal (VIX, or the rolling average correlation of the assets).
///
/// The first regime whose `below` is absent or above the signal applies. The strategy trades
/// on rows that end a period of that regime's frequency when a weight is outside that band.
public struct RegimeTable: Sendable, Hashable {
  public enum Signal: Sendable, Hashable {
    /// The VIX close on the row's date (the last close on or before it).
    case vix
    /// The mean of the pairwise sample correlations of the assets' returns over the last
    /// `window` rows (this row included); 0 until `window` rows exist.
    case correlation(window: Int)
  }

  public struct Regime: Sendable, Hashable {
    public var below: Double?
    public var look: RebalanceFrequency
    /// Absolute band width for every asset.
    public var band: Double
    public init(below: Double?, look: RebalanceFrequency, band: Double) {
      self.below = below
      self.look = look
      self.band = band
    }
  }

  public var signal: Signal
  public var regimes: [Regime]

  public init(signal: Signal, regimes: [Regime]) {
    self.signal = signal
    self.regimes = regimes
  }

  public func regime(for value: Double) -> Regime? {
    regimes.first { $0.below.map { value < $0 } ?? true } ?? regimes.last
  }

  /// The seed's adaptive-frequency table: VIX below 15 quarterly at 3 %, 15–25 monthly at 4 %,
  /// 25–35 every two weeks at 6 %, 35 and above weekly at 8 %.
  public static let adaptiveVIX = RegimeTable(signal: .vix, regimes: [
    Regime(below: 15, look: .quarterly, band: 0.03), Regime(below: 25, look: .monthly, band: 0.04),
    Regime(below: 35, look: .biweekly, band: 0.06), Regime(below: nil, look: .weekly, band: 0.08),
  ])

  /// The seed's correlation regimes: average correlation below 0.3 normal (quarterly, 5 %),
  /// 0.3–0.7 more frequent (monthly, 5 %), 0.7–0.9 aggressive (weekly, 3 %), 0.9 and above
  /// daily (every row, 3 %).
  public static func correlation(window: Int) -> RegimeTable {
    RegimeTable(signal: .correlation(window: window), regimes: [
      Regime(below: 0.3, look: .quarterly, band: 0.05), Regime(below: 0.7, look: .monthly, band: 0.05),
      Regime(below: 0.9, look: .weekly, band: 0.03), Regime(below: nil, look: .everyRow, band: 0.03),
    ])
  }
}
