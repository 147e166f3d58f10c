public import BallastCore

/// A table of dated numbers read from a market-data CSV (`date` column first, one column per
/// series), stored column by column. An empty cell is `Double.nan`; every other cell is a
/// finite number.
public struct MarketDataTable: Sendable {
  /// The file the table came from, for error messages.
  public let file: String
  /// Strictly increasing dates, one per row.
  public let dates: [CivilDate]
  /// Series names in file order (the `date` column excluded).
  public let columns: [String]
  /// `values[c][r]`: column `c`, row `r`; `nan` where the cell was empty.
  public let values: [[Double]]
  /// 1-based line number of each row in the file.
  let lines: [Int]

  init(file: String, dates: [CivilDate], columns: [String], values: [[Double]], lines: [Int]) {
    self.file = file
    self.dates = dates
    self.columns = columns
    self.values = values
    self.lines = lines
  }

  /// The rows from `from` through `to` (both optional and inclusive) of the named columns.
  ///
  /// - Throws: ``InputError`` for an unknown column, an empty window, or an empty cell in a
  ///   chosen column inside the window (empty cells are refused, never filled).
  /// - Returns: the dates of the window and one array per chosen column, in the order asked.
  public func window(
    columns names: [String], from: CivilDate? = nil, to: CivilDate? = nil
  ) throws -> (dates: [CivilDate], series: [[Double]]) {
    let indices = try names.map { name in
      guard let i = columns.firstIndex(of: name) else {
        throw InputError(
          file: file, keyPath: name,
          message: "unknown column '\(name)'; the file has: \(columns.joined(separator: ", "))")
      }
      return i
    }
    let lo = from.map { f in dates.firstIndex { $0 >= f } ?? dates.count } ?? 0
    let hi = to.map { t in (dates.lastIndex { $0 <= t } ?? -1) + 1 } ?? dates.count
    guard lo < hi else {
      throw InputError(
        file: file,
        message: "no rows between \(from?.description ?? "the start") and \(to?.description ?? "the end")"
          + (dates.isEmpty ? "" : "; the file covers \(dates[0]) to \(dates[dates.count - 1])"))
    }
    var series: [[Double]] = []
    for (k, c) in indices.enumerated() {
      let slice = Array(values[c][lo..<hi])
      if let r = slice.firstIndex(where: { $0.isNaN }) {
        throw InputError(
          file: file, keyPath: names[k], line: lines[lo + r],
          message: "empty cell in column '\(names[k])' on \(dates[lo + r]); empty cells are not filled, choose a window where the column has values")
      }
      series.append(slice)
    }
    return (Array(dates[lo..<hi]), series)
  }
}
