public import BallastBacktest
public import BallastCore
import Foundation

/// Turns command-line text and a market-data table into a ``BacktestData`` (SPEC §4), with
/// errors that name the option or the file.
public enum BacktestInputs {
  /// What `--assets` asked for.
  public struct Selection: Sendable, Equatable {
    public var names: [String]
    /// The targets, or `nil` when only names were given (`--equal-weight`).
    public var targets: [Double]?
    public init(names: [String], targets: [Double]?) {
      self.names = names
      self.targets = targets
    }
  }

  /// Parses `us_stock=0.6,ust_10y=0.4` or `A,B,C` (names only).
  /// - Throws: ``InputError`` (file `--assets`) for a malformed list, a repeated name, mixed
  ///   forms, or a weight that is not a number.
  public static func parseAssets(_ text: String) throws -> Selection {
    func fail(_ m: String) -> InputError { InputError(file: "--assets", keyPath: text, message: m) }
    var names: [String] = []
    var weights: [Double] = []
    for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
      let piece = String(raw).trimmingSpaces
      let kv = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
      guard let name = kv.first, !name.isEmpty else { throw fail("expected NAME=WEIGHT or NAME, found '\(piece)'") }
      guard !names.contains(name) else { throw fail("asset '\(name)' is named twice") }
      names.append(name)
      if kv.count == 2 {
        guard let w = Double(kv[1]), w.isFinite, w >= 0 else { throw fail("expected a non-negative weight for '\(name)', found '\(kv[1])'") }
        weights.append(w)
      }
    }
    guard weights.isEmpty || weights.count == names.count else {
      throw fail("give a weight for every asset (NAME=WEIGHT,…) or for none (with --equal-weight)")
    }
    return Selection(names: names, targets: weights.isEmpty ? nil : weights)
  }

  /// Parses a window bound: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date means its first
  /// day for `--from` and its last day for `--to`.
  public static func parseDate(_ text: String, end: Bool, option: String) throws -> CivilDate {
    if let d = CivilDate(iso: text) { return d }
    let parts = text.split(separator: "-").map { Int($0) }
    func fail() -> InputError { InputError(file: option, keyPath: text, message: "expected a date YYYY-MM-DD, YYYY-MM or YYYY") }
    guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }), let year = parts[0] else { throw fail() }
    let month = parts.count == 2 ? parts[1] ?? 0 : (end ? 12 : 1)
    guard (1...12).contains(month) else { throw fail() }
    let day = end ? CivilDate.daysIn(month: month, year: year) : 1
    guard let d = CivilDate(year: year, month: month, day: day) else { throw fail() }
    return d
  }

  /// Parses `1000/month` or `4%/year` (`week`, `month`, `quarter`, `half-year`, `year`).
  /// - Parameter sign: +1 for a contribution, −1 for a withdrawal.
  public static func parseCashFlow(_ text: String, option: String, sign: Double) throws -> PeriodicFlow {
    func fail(_ m: String) -> InputError { InputError(file: option, keyPath: text, message: m) }
    let halves = text.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
    guard halves.count == 2 else { throw fail("expected AMOUNT/PERIOD or PERCENT%/PERIOD, e.g. 1000/month or 4%/year") }
    let frequencies: [String: RebalanceFrequency] = [
      "week": .weekly, "weekly": .weekly, "month": .monthly, "monthly": .monthly, "quarter": .quarterly,
      "quarterly": .quarterly, "half-year": .semiannual, "semiannual": .semiannual, "year": .annual,
      "annual": .annual, "yearly": .annual,
    ]
    guard let f = frequencies[halves[1].lowercased()] else {
      throw fail("unknown period '\(halves[1])'; expected week, month, quarter, half-year or year")
    }
    let isPercent = halves[0].hasSuffix("%")
    let number = isPercent ? String(halves[0].dropLast()) : halves[0]
    guard let v = Double(number), v.isFinite, v >= 0 else { throw fail("expected a non-negative amount, found '\(halves[0])'") }
    if isPercent {
      guard v < 100 || sign > 0 else { throw fail("a withdrawal must be below 100%") }
      return PeriodicFlow(.fraction(sign * v / 100), every: f)
    }
    return PeriodicFlow(.amount(sign * v), every: f)
  }

  /// Builds the backtest data from a table.
  /// - Parameters:
  ///   - selection: the assets and targets (`nil`: every column, with `equalWeight`).
  ///   - prices: the table holds prices rather than returns.
  /// - Throws: ``InputError`` naming the file for unknown columns, empty cells in the window,
  ///   non-positive prices, bad targets, or periods per year that cannot be inferred.
  public static func data(
    from table: MarketDataTable, selection: Selection?, equalWeight: Bool, window: (CivilDate?, CivilDate?),
    prices: Bool, riskFree: String?, periodsPerYear: Double?
  ) throws -> BacktestData {
    let names = selection?.names ?? table.columns.filter { $0 != riskFree }
    let targets: [Double]
    if let t = selection?.targets, !equalWeight {
      targets = t
    } else if equalWeight {
      targets = [Double](repeating: 1 / Double(names.count), count: names.count)
    } else {
      throw InputError(file: "--assets", message: "name the assets and their targets (--assets A=0.6,B=0.4) or pass --equal-weight")
    }
    let sum = targets.reduce(0, +)
    if !equalWeight, abs(sum - 1) > Tolerance.targetSum {
      throw InputError(file: "--assets", message: "the target weights must sum to 1, found \(sum)")
    }
    let w = try table.window(columns: names + (riskFree.map { [$0] } ?? []), from: window.0, to: window.1)
    guard w.dates.count >= 2 else {
      throw InputError(file: table.file, message: "the window holds \(w.dates.count) row; a backtest needs at least two (a start and one period)")
    }
    var columns = Array(w.series.prefix(names.count))
    if prices {
      columns = try zip(names, columns).map { name, p in
        do { return try BacktestData.returns(fromPrices: p, name: name, dates: w.dates) } catch let e as BacktestError {
          throw InputError(file: table.file, keyPath: name, message: e.message)
        }
      }
    }
    guard let ppy = periodsPerYear ?? BacktestData.inferPeriodsPerYear(w.dates) else {
      throw InputError(file: table.file, message: "cannot tell the data's frequency from its dates; pass --periods-per-year")
    }
    do {
      return try BacktestData(
        dates: w.dates, assets: names, targets: targets, columns: columns,
        riskFree: riskFree.map { _ in w.series[names.count] }, periodsPerYear: ppy)
    } catch let e as BacktestError {
      throw InputError(file: table.file, message: e.message)
    }
  }

  /// VIX closes from a table with a `close` (or `vix`) column, aligned to the backtest's rows.
  public static func vix(from table: MarketDataTable, alignedTo dates: [CivilDate]) throws -> VIXSeries {
    guard let column = ["close", "vix", "VIX"].first(where: table.columns.contains) else {
      throw InputError(file: table.file, message: "expected a 'close' column of VIX levels; the file has: \(table.columns.joined(separator: ", "))")
    }
    let w = try table.window(columns: [column], to: dates.last)
    do {
      return try VIXSeries(dates: w.dates, closes: w.series[0], alignedTo: dates)
    } catch let e as BacktestError {
      throw InputError(file: table.file, keyPath: column, message: e.message)
    }
  }
}
