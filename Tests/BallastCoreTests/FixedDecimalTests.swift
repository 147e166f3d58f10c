import Foundation
import BallastCore
import Testing

@Suite struct FixedDecimalTests {
  @Test(arguments: [
    ("285.10", "285.1"), ("-0.000000001", "-0.000000001"), ("+12", "12"), ("0.50", "0.5"), ("1000000000000", "1000000000000"),
  ])
  func parsesExactly(text: String, printed: String) throws {
    let d = try #require(FixedDecimal(exactly: text))
    #expect(d.description == printed)
  }

  @Test(arguments: ["", "-", "1e400", "12abc", "1,5", "1.2.3", " 1", "0.0000000001", "1000000000001", "NaN", "∞"])
  func refusesWhatIsNotAPlainDecimal(text: String) {
    #expect(FixedDecimal(exactly: text) == nil)
  }

  /// 285.10 × 3.123456 = 890.4973056 exactly (by hand); 1/3 rounds half-even at 1e-9.
  @Test func arithmeticIsExact() throws {
    let p = try #require(FixedDecimal(exactly: "285.10"))
    let q = try #require(FixedDecimal(exactly: "3.123456"))
    #expect((p * q).description == "890.4973056")
    #expect((p * q).rounded(places: 2).formatted(minimumFractionDigits: 2) == "890.50")
    #expect(FixedDecimal(1).divided(by: 3).description == "0.333333333")
    #expect(FixedDecimal(2).divided(by: 3).description == "0.666666667")
    #expect(FixedDecimal(exactly: "0.1")! + FixedDecimal(exactly: "0.2")! == FixedDecimal(exactly: "0.3")!)
  }

  /// The 64-bit fast paths of `*`, `divided(by:rounding:)` and `rounded(places:_:)` against a
  /// reference written from the definition: the exact quotient in Int128 (quotient and
  /// remainder), rounded by the rule's meaning. Raw values from a seeded generator, spread
  /// over every magnitude up to 2⁶³ and beyond, both signs, so both paths are taken.
  @Test func fastPathsAgreeWithTheDefinition() {
    func reference(_ n: Int128, _ d: Int128, _ rule: RoundingRule) -> Int128 {
      let (q, r) = n.quotientAndRemainder(dividingBy: d)
      guard r != 0 else { return q }
      let negative = (n < 0) != (d < 0)
      let twiceR = r.magnitude * 2
      let dm = d.magnitude
      let away: Bool
      switch rule {
      case .towardZero: away = false
      case .down: away = negative
      case .up: away = !negative
      case .halfUp: away = twiceR >= dm
      case .halfEven: away = twiceR > dm || (twiceR == dm && q.magnitude % 2 == 1)
      }
      return away ? (negative ? q - 1 : q + 1) : q
    }
    var g = SeededGenerator(seed: 7)
    func draw(bits most: Int) -> Int128 {
      let bits = Int.random(in: 0...most, using: &g)
      let m = bits == 0 ? Int128(0) : Int128.random(in: 0...(Int128(1) << bits), using: &g)
      return Bool.random(using: &g) ? -m : m
    }
    let rules: [RoundingRule] = [.halfEven, .halfUp, .towardZero, .down, .up]
    let scale = FixedDecimal.scale
    for _ in 0..<20_000 {
      // Up to 2⁶³ each, so that the reference's product fits in Int128 (2⁶³ itself takes the
      // 128-bit path); quotients up to 2⁷⁰.
      let (x, y) = (draw(bits: 63), draw(bits: 63))
      #expect((FixedDecimal(raw: x) * FixedDecimal(raw: y)).raw == reference(x * y, scale, .halfEven))
      let (a, b) = (draw(bits: 70), draw(bits: 70))
      let rule = rules[Int.random(in: 0..<rules.count, using: &g)]
      if b != 0 {
        #expect(FixedDecimal(raw: a).divided(by: FixedDecimal(raw: b), rounding: rule).raw == reference(a * scale, b, rule))
      }
      let places = Int.random(in: 0...9, using: &g)
      var unit = Int128(1)
      for _ in 0..<(9 - places) { unit *= 10 }
      #expect(FixedDecimal(raw: a).rounded(places: places, rule).raw == reference(a, unit, rule) * unit)
    }
  }

  /// Half-even: 2.125 → 2.12, 2.135 → 2.14, −2.125 → −2.12; toward zero, down and up as named.
  @Test func roundingRules() throws {
    let a = try #require(FixedDecimal(exactly: "2.125"))
    let b = try #require(FixedDecimal(exactly: "2.135"))
    #expect(a.rounded(places: 2).description == "2.12")
    #expect(b.rounded(places: 2).description == "2.14")
    #expect((-a).rounded(places: 2).description == "-2.12")
    #expect((-a).rounded(places: 2, .down).description == "-2.13")
    #expect(a.rounded(places: 2, .up).description == "2.13")
    #expect(a.rounded(places: 2, .halfUp).description == "2.13")
    #expect(FixedDecimal(2.675, places: 2)?.description == "2.67" || FixedDecimal(2.675, places: 2)?.description == "2.68")
    #expect(FixedDecimal(1234567.891, places: 2)?.grouped(places: 2) == "1,234,567.89")
  }

  @Test func largeProductsDoNotOverflow() throws {
    let big = try #require(FixedDecimal(exactly: "999999999999.999999999"))
    #expect((big * big) > big)
    // Python's decimal module, 80 digits, quantized half-even at 1e-9 and at 0.01: the whole
    // part exceeds 64 bits, so both the product and its text leave the 64-bit fast paths.
    #expect((big * big).description == "999999999999999999998000")
    #expect((big * big).grouped(places: 2) == "999,999,999,999,999,999,998,000.00")
  }

  /// Signs, zeros and grouping at every length (by hand, and Python's decimal module for the
  /// products): the text and the 64-bit division paths against the exact values.
  @Test func textAndSignedDivision() throws {
    let cases: [(String, Int, String)] = [
      ("0", 2, "0.00"), ("-0.004", 2, "0.00"), ("-0.005", 2, "0.00"), ("-0.015", 2, "-0.02"), ("999.995", 2, "1,000.00"),
      ("1000", 0, "1,000"), ("100", 2, "100.00"), ("-1234.565", 2, "-1,234.56"), ("12345678.5", 1, "12,345,678.5"),
    ]
    for (text, places, expected) in cases {
      #expect(try #require(FixedDecimal(exactly: text)).grouped(places: places) == expected, "\(text)")
    }
    #expect(try #require(FixedDecimal(exactly: "-120.500")).formatted(minimumFractionDigits: 0) == "-120.5")
    #expect(try #require(FixedDecimal(exactly: "-120")).formatted(minimumFractionDigits: 3) == "-120.000")
    #expect(try #require(FixedDecimal(exactly: "7")).formatted(minimumFractionDigits: 12) == "7.000000000")
    let a = try #require(FixedDecimal(exactly: "-123456.789"))
    let b = try #require(FixedDecimal(exactly: "0.000000007"))
    #expect((a * b).description == "-0.000864198")
    #expect(FixedDecimal(-7).divided(by: 3).description == "-2.333333333")
    #expect(FixedDecimal(7).divided(by: -3).description == "-2.333333333")
  }
}

@Suite struct CivilDateTests {
  @Test func dayNumbersRoundTrip() throws {
    for n in stride(from: -600_000, through: 2_900_000, by: 997) {
      let d = CivilDate(dayNumber: n)
      #expect(d.dayNumber == n)
      #expect(CivilDate(iso: d.description) == d)
    }
    #expect(try #require(CivilDate(iso: "1970-01-01")).dayNumber == 0)
    #expect(try #require(CivilDate(iso: "2000-03-01")).dayNumber == 11017)  // by hand: 30 years + 7 leap days + 59 days
  }

  @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "20261120", "2026-11-20T00:00", ""])
  func refusesInvalidDates(text: String) { #expect(CivilDate(iso: text) == nil) }

  @Test func anniversary() throws {
    let leap = try #require(CivilDate(iso: "2024-02-29"))
    #expect(leap.adding(years: 1).description == "2025-02-28")
    #expect(leap.adding(years: 4).description == "2028-02-29")
    #expect(leap.adding(years: 9_000) == leap)  // past year 9999: unchanged
  }

  /// `description` writes YYYY-MM-DD digit by digit; the reference is C's `%04d-%02d-%02d`.
  @Test func descriptionIsISO() {
    var g = SeededGenerator(seed: 11)
    for _ in 0..<5_000 {
      let d = CivilDate(dayNumber: Int.random(in: -719_162...2_932_896, using: &g))  // years 1…9999
      #expect(d.description == String(format: "%04d-%02d-%02d", d.year, d.month, d.day))
    }
    #expect(CivilDate(year: 7, month: 12, day: 31)?.description == "0007-12-31")
  }
}
