public import BallastCore

/// How often a calendar rule looks at the portfolio: on the last row of each period.
///
/// Periods are calendar periods of the row dates, never counted in rows: a row is the last of
/// its period when the next row falls in a different period. Weeks run Monday to Sunday;
/// two-week periods are pairs of such weeks counted from Monday 1970-01-05.
public enum RebalanceFrequency: String, Sendable, Hashable, CaseIterable {
  /// Every row (on daily data: every trading day).
  case everyRow = "daily"
  case weekly
  case biweekly
  case monthly
  case quarterly
  case semiannual
  case annual

  /// A number that is equal for two dates exactly when they fall in the same period.
  public func periodIndex(of date: CivilDate) -> Int {
    switch self {
    case .everyRow: return date.dayNumber
    case .weekly: return Self.weekIndex(date)
    case .biweekly: return Self.floorDiv(Self.weekIndex(date), 2)
    case .monthly: return date.year * 12 + date.month - 1
    case .quarterly: return date.year * 4 + (date.month - 1) / 3
    case .semiannual: return date.year * 2 + (date.month - 1) / 6
    case .annual: return date.year
    }
  }

  /// `isPeriodEnd[t]`: whether row `t` is the last row of its period (the final row counts as a
  /// period end; the simulator never trades on it anyway).
  public func periodEnds(_ dates: [CivilDate]) -> [Bool] {
    var ends = [Bool](repeating: true, count: dates.count)
    guard dates.count > 1 else { return ends }
    var next = periodIndex(of: dates[dates.count - 1])
    for t in stride(from: dates.count - 2, through: 0, by: -1) {
      let p = periodIndex(of: dates[t])
      ends[t] = p != next
      next = p
    }
    return ends
  }

  /// Weeks since Monday 1970-01-05 (day number 4), Monday to Sunday.
  static func weekIndex(_ date: CivilDate) -> Int { floorDiv(date.dayNumber - 4, 7) }

  static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
