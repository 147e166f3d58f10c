public import BallastCore

/// A source of time-varying target weights (e.g. an optimiser re-estimated on a trailing
/// window). The backtest asks it for new targets on each row where its strategy looks, giving
/// read-only access to the returns of that row and the rows before it — never later ones — and
/// the targets currently in force (a natural warm start).
///
/// `BallastBacktest` knows nothing of how the targets are made; the executables plug an
/// implementation in (STYLE §1: the backtest never imports the optimiser).
public protocol TargetProvider: Sendable {
  /// New target weights (one per asset, summing to 1), or `nil` to keep `current`.
  /// - Parameters:
  ///   - history: the returns of rows `1…history.row` (row 0's are never earned).
  ///   - current: the targets in force since the last change (the initial targets at first).
  /// - Throws: any error; the simulator reports it with the strategy's name and the date.
  func targets(history: ReturnHistory, current: [Double]) throws -> [Double]?
}

/// The returns a ``TargetProvider`` may see on row ``row``: rows `1…row` only, so no strategy
/// can look ahead.
public struct ReturnHistory: Sendable {
  let data: BacktestData
  /// The row being decided on (its close is when the strategy trades).
  public let row: Int

  init(data: BacktestData, row: Int) {
    precondition(row >= 0 && row < data.rowCount, "row \(row) outside the data")
    self.data = data
    self.row = row
  }

  public var assets: [String] { data.assets }
  public var periodsPerYear: Double { data.periodsPerYear }
  /// The date of ``row``.
  public var date: CivilDate { data.dates[row] }
  /// The number of earned returns visible: rows `1…row`.
  public var count: Int { row }

  /// The return of `asset` on the row `ago` rows before ``row`` (`ago = 0`: ``row`` itself).
  /// - Precondition: `0 ≤ ago < count`.
  public func periodReturn(asset: Int, ago: Int) -> Double {
    precondition(ago >= 0 && ago < row, "only rows 1…\(row) are visible")
    return data.returns[(row - ago) * data.assetCount + asset]
  }

  /// The last `length` returns of every asset, `columns[a][s]`, oldest first, ending with
  /// ``row``; `nil` while fewer than `length` earned returns exist.
  /// - Complexity: O(length × assets)
  public func trailing(_ length: Int) -> [[Double]]? {
    guard length >= 1, length <= row else { return nil }
    let k = data.assetCount
    let first = row - length + 1
    return (0..<k).map { a in (first...row).map { data.returns[$0 * k + a] } }
  }
}

/// A ``TargetProvider`` with an identity, so that strategies stay `Hashable`: two sources are
/// equal exactly when their ``id``s are (use the full spec text, which names every parameter).
public struct TargetSource: Sendable, Hashable {
  public let id: String
  public let provider: any TargetProvider

  public init(id: String, provider: any TargetProvider) {
    self.id = id
    self.provider = provider
  }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
