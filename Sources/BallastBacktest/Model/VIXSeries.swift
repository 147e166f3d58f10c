public import BallastCore

/// VIX closes aligned to the rows of a backtest, with the running mean of every close so far.
public struct VIXSeries: Sendable {
  /// The last VIX close on or before each row's date.
  public let close: [Double]
  /// The mean of every VIX close of the source dated on or before each row's date.
  public let runningMean: [Double]

  /// Aligns a daily VIX history to the backtest's dates.
  /// - Parameters:
  ///   - dates: the VIX dates, strictly increasing; `closes` one value per date.
  ///   - rows: the backtest's dates.
  ///   - maxStaleDays: the largest gap allowed between a row's date and the VIX close used.
  /// - Throws: ``BacktestError`` when a row has no VIX close within `maxStaleDays` before it.
  /// - Complexity: O(rows + dates).
  public init(dates: [CivilDate], closes: [Double], alignedTo rows: [CivilDate], maxStaleDays: Int = 10) throws {
    var close: [Double] = []
    var mean: [Double] = []
    close.reserveCapacity(rows.count)
    mean.reserveCapacity(rows.count)
    var j = -1
    var sum = 0.0
    for row in rows {
      while j + 1 < dates.count, dates[j + 1] <= row {
        j += 1
        sum += closes[j]
      }
      guard j >= 0 else {
        let start = dates.first.map { "starts \($0)" } ?? "is empty"
        throw BacktestError("no VIX close on or before \(row); the VIX data \(start)")
      }
      guard dates[j].days(to: row) <= maxStaleDays else {
        throw BacktestError("no VIX close within \(maxStaleDays) days before \(row); the last one is on \(dates[j])")
      }
      close.append(closes[j])
      mean.append(sum / Double(j + 1))
    }
    self.close = close
    self.runningMean = mean
  }
}
