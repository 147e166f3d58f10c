/// A calendar date without a time or a time zone (`2026-11-20`), as in the household file and
/// in market-data CSVs.
///
/// Dates are compared and subtracted as day numbers in the proleptic Gregorian calendar, so
/// holding periods and the wash-sale window never depend on a clock or a locale.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A valid date, or `nil` when the day does not exist in that month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; anything else is `nil`.
  public init?<S: StringProtocol>(iso text: S) {
    let u = Array(text.utf8)
    guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
    func number(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        let d = Int(u[i]) - 48
        guard (0...9).contains(d) else { return nil }
        v = v * 10 + d
      }
      return v
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before), by the days-from-civil algorithm of
  /// H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  /// The date `dayNumber` days after 1970-01-01 (inverse of ``dayNumber``).
  public init(dayNumber z0: Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.month = m
    self.day = d
  }

  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// The same day of the month `years` later, with 29 February falling back to the 28th.
  public func adding(years: Int) -> CivilDate {
    let y = year + years
    // The month and day stay valid (the day clamped to the month's length), so only the year
    // needs checking.
    guard (1...9999).contains(y) else { return self }
    return CivilDate(checkedYear: y, month: month, day: min(day, Self.daysIn(month: month, year: y)))
  }

  /// A date whose parts the caller has already checked.
  private init(checkedYear year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    if a.year != b.year { return a.year < b.year }
    return a.month != b.month ? a.month < b.month : a.day < b.day
  }

  public var description: String {
    guard (0...9999).contains(year) else {
      func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, n - s.count)) + s
      }
      return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
    // YYYY-MM-DD written digit by digit (dates are printed in every warning and output row).
    return String(unsafeUninitializedCapacity: 10) { out in
      // `value`'s last `width` decimal digits at out[at...].
      func put(_ value: Int, width: Int, at start: Int) {
        var v = value
        for p in stride(from: start + width - 1, through: start, by: -1) {
          out[p] = UInt8(ascii: "0") + UInt8(v % 10)
          v /= 10
        }
      }
      put(year, width: 4, at: 0)
      out[4] = UInt8(ascii: "-")
      put(month, width: 2, at: 5)
      out[7] = UInt8(ascii: "-")
      put(day, width: 2, at: 8)
      return 10
    }
  }
}
