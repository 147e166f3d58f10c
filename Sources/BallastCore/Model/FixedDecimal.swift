/// An exact decimal number with nine digits after the point, stored as a 128-bit integer count
/// of 10⁻⁹ units.
///
/// Cash, prices, quantities, cost bases, gains and taxes are `FixedDecimal` (through the
/// aliases ``Money``, ``Price`` and ``Quantity``). Addition and subtraction are exact;
/// a product is exact to 10⁻⁹ and rounded half-to-even beyond that. Foundation's `Decimal`
/// costs 200–600 ns an operation on Linux; this type costs a few nanoseconds, which is what
/// lets a million households be planned in seconds.
///
/// The range is ±1.7 × 10²⁹, far beyond any amount of money; readers refuse inputs above
/// ``maxInputMagnitude`` (10¹²) so that products of two inputs never overflow.
public struct FixedDecimal: Sendable, Hashable, Comparable {
  /// Units of 10⁻⁹.
  public var raw: Int128

  /// 10⁹: the number of raw units in one.
  public static let scale: Int128 = 1_000_000_000
  /// The number of digits after the decimal point that the type holds.
  public static let fractionDigits = 9
  /// The largest magnitude a reader accepts (10¹²): a product of two such numbers (10²⁴)
  /// stays far inside the range.
  public static let maxInputMagnitude = FixedDecimal(raw: 1_000_000_000_000 * scale)

  public static let zero = FixedDecimal(raw: 0)

  @inlinable public init(raw: Int128) { self.raw = raw }

  @inlinable public init(_ integer: Int) { self.raw = Int128(integer) * Self.scale }

  @inlinable public static func + (a: Self, b: Self) -> Self { Self(raw: a.raw + b.raw) }
  @inlinable public static func - (a: Self, b: Self) -> Self { Self(raw: a.raw - b.raw) }
  @inlinable public static prefix func - (a: Self) -> Self { Self(raw: -a.raw) }
  @inlinable public static func += (a: inout Self, b: Self) { a.raw += b.raw }
  @inlinable public static func -= (a: inout Self, b: Self) { a.raw -= b.raw }
  @inlinable public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }

  /// The product, rounded half-to-even at 10⁻⁹.
  public static func * (a: Self, b: Self) -> Self {
    // The common case: both operands and the unrounded product's quotient fit in 64 bits,
    // so one 64×64→128-bit multiplication and one `divideWide` do it.
    if let x = a.int64, let y = b.int64 {
      let (high, low) = x.magnitude.multipliedFullWidth(by: y.magnitude)
      if high < UInt64(scale) {
        let (q, r) = Self.divideWide(high: high, low: low, by: UInt64(scale))
        return Self(magnitude: q, remainder: r, divisor: UInt64(scale), negative: (x < 0) != (y < 0), rule: .halfEven)
      }
    }
    let (product, overflow) = a.raw.multipliedReportingOverflow(by: b.raw)
    if !overflow {
      let (q, r) = divide(product, by: scale)
      return Self(raw: roundQuotient(q, remainder: r, divisor: scale, rule: .halfEven))
    }
    let (high, low) = a.raw.multipliedFullWidth(by: b.raw)
    let (q, r) = scale.dividingFullWidth((high, low))
    return Self(raw: roundQuotient(q, remainder: r, divisor: scale, rule: .halfEven))
  }

  /// 10⁰ … 10⁹ in raw units: `powersOfTen[k]` is one unit of the (9 − k)-th decimal place.
  static let powersOfTen: [Int128] = (0...9).map { k in (0..<k).reduce(Int128(1)) { p, _ in p * 10 } }

  /// `self / divisor`, rounded at 10⁻⁹ by `rule`. The divisor must not be zero.
  public func divided(by divisor: Self, rounding rule: RoundingRule = .halfEven) -> Self {
    precondition(divisor.raw != 0, "division of a FixedDecimal by zero")
    // The common case: |raw| × 10⁹ over a 64-bit divisor, with a 64-bit quotient.
    if let x = int64, let d = divisor.int64 {
      let (high, low) = x.magnitude.multipliedFullWidth(by: UInt64(Self.scale))
      if high < d.magnitude {
        let (q, r) = Self.divideWide(high: high, low: low, by: d.magnitude)
        return Self(magnitude: q, remainder: r, divisor: d.magnitude, negative: (x < 0) != (d < 0), rule: rule)
      }
    }
    let (scaled, overflow) = raw.multipliedReportingOverflow(by: Self.scale)
    if !overflow {
      let (q, r) = Self.divide(scaled, by: divisor.raw)
      return Self(raw: Self.roundQuotient(q, remainder: r, divisor: divisor.raw, rule: rule))
    }
    let (high, low) = raw.multipliedFullWidth(by: Self.scale)
    let (q, r) = divisor.raw.dividingFullWidth((high, low))
    return Self(raw: Self.roundQuotient(q, remainder: r, divisor: divisor.raw, rule: rule))
  }

  public var isZero: Bool { raw == 0 }
  public var isNegative: Bool { raw < 0 }
  public var magnitude: Self { Self(raw: raw < 0 ? -raw : raw) }

  /// The nearest `Double` (the boundary from exact money to weights and solvers): the raw
  /// count converted from its two 64-bit halves, then divided by 10⁹ (correctly rounded for
  /// magnitudes below 9 × 10⁶, within an ulp or two above).
  public var doubleValue: Double {
    let negative = raw < 0
    let m = negative ? 0 &- raw : raw
    let count = m._high == 0 ? Double(m._low) : Double(m._high) * 18_446_744_073_709_551_616.0 + Double(m._low)
    return (negative ? -count : count) / 1e9
  }
}

/// How an exact amount is brought to fewer decimal places.
public enum RoundingRule: Sendable, Hashable {
  /// To the nearest, ties to the even neighbour (banker's rounding).
  case halfEven
  /// To the nearest, ties away from zero.
  case halfUp
  /// Toward zero.
  case towardZero
  /// Toward −∞.
  case down
  /// Toward +∞.
  case up
}

extension RoundingRule {
  /// Whether a quotient with a non-zero remainder moves one unit away from zero: the rule's
  /// meaning, given twice the remainder's and the divisor's magnitudes, the truncated
  /// quotient's parity and the exact quotient's sign.
  @inline(__always)
  func roundsAway<T: BinaryInteger>(twiceRemainder twice: T, divisor d: T, quotientIsOdd: Bool, negative: Bool) -> Bool {
    switch self {
    case .towardZero: false
    case .down: negative
    case .up: !negative
    case .halfUp: twice >= d
    case .halfEven: twice > d || (twice == d && quotientIsOdd)
    }
  }
}

extension FixedDecimal {
  /// `n.quotientAndRemainder(dividingBy: d)` (truncated, the remainder with the sign of `n`),
  /// by ``divideWide(high:low:by:)`` when `d` is positive and fits 64 bits and the quotient
  /// does too — the common case for money — instead of a software 128-bit division.
  @inline(__always)
  static func divide(_ n: Int128, by d: Int128) -> (quotient: Int128, remainder: Int128) {
    if d > 0 && d._high == 0 {
      let divisor = d._low
      let m = n.magnitude
      if m._high < divisor {
        let (q, r) = divideWide(high: m._high, low: m._low, by: divisor)
        return n < 0 ? (-Int128(q), -Int128(r)) : (Int128(q), Int128(r))
      }
    }
    return n.quotientAndRemainder(dividingBy: d)
  }

  /// (high · 2⁶⁴ + low) / d and its remainder, for high < d (so the quotient fits 64 bits).
  ///
  /// When d < 2³², as 10⁹ and most money divisors are, by long division in 32-bit digits:
  /// two 64-bit divisions (multiplications when d is a constant), where `dividingFullWidth`
  /// would call the software 128-bit division. t₁ = high·2³² + ⌊low/2³²⌋ < d·2³² and
  /// t₀ = (t₁ mod d)·2³² + (low mod 2³²) < d·2³², so each partial quotient fits 32 bits.
  @inline(__always)
  static func divideWide(high: UInt64, low: UInt64, by d: UInt64) -> (quotient: UInt64, remainder: UInt64) {
    guard d <= UInt64(UInt32.max) else { return d.dividingFullWidth((high, low)) }
    let (q1, r1) = ((high << 32) | (low >> 32)).quotientAndRemainder(dividingBy: d)
    let (q0, r0) = ((r1 << 32) | (low & 0xffff_ffff)).quotientAndRemainder(dividingBy: d)
    return ((q1 << 32) | q0, r0)
  }

  /// The raw value when it fits in 64 bits.
  @inline(__always)
  var int64: Int64? {
    let x = Int64(truncatingIfNeeded: raw)
    return Int128(x) == raw ? x : nil
  }

  /// The raw value ±(q rounded by `rule`), where q = magnitude + remainder / divisor is the
  /// magnitude of an exact quotient and `negative` its sign: ``roundQuotient(_:remainder:divisor:rule:)``
  /// on magnitudes. Needs remainder < divisor ≤ 2⁶³.
  @inline(__always)
  init(magnitude q: UInt64, remainder r: UInt64, divisor d: UInt64, negative: Bool, rule: RoundingRule) {
    var m = Int128(q)
    if r != 0 && rule.roundsAway(twiceRemainder: r &* 2, divisor: d, quotientIsOdd: q & 1 != 0, negative: negative) { m += 1 }
    self.init(raw: negative ? -m : m)
  }

  /// Rounds a quotient `q` with remainder `r` of a division by `divisor` (remainder has the
  /// sign of the dividend, as Swift's `/` and `%`).
  static func roundQuotient(_ q: Int128, remainder r: Int128, divisor: Int128, rule: RoundingRule) -> Int128 {
    guard r != 0 else { return q }
    let negative = (r < 0) != (divisor < 0)
    let twice = (r < 0 ? -r : r) * 2
    let d = divisor < 0 ? -divisor : divisor
    let away = rule.roundsAway(twiceRemainder: twice, divisor: d, quotientIsOdd: q % 2 != 0, negative: negative)
    return away ? (negative ? q - 1 : q + 1) : q
  }

  /// This number rounded to `places` digits after the point (0…9).
  public func rounded(places: Int, _ rule: RoundingRule = .halfEven) -> Self {
    precondition((0...Self.fractionDigits).contains(places))
    let unit = Self.powersOfTen[Self.fractionDigits - places]
    if let x = int64 {
      let u = UInt64(unit)
      let m = x.magnitude
      let rounded = Self(magnitude: m / u, remainder: m % u, divisor: u, negative: x < 0, rule: rule)
      return Self(raw: rounded.raw * unit)
    }
    let (q, r) = Self.divide(raw, by: unit)
    return Self(raw: Self.roundQuotient(q, remainder: r, divisor: unit, rule: rule) * unit)
  }

  /// The exact decimal nearest to `value` at `places` digits, by `rule`; `nil` for NaN,
  /// infinities and magnitudes beyond ``maxInputMagnitude``.
  ///
  /// This is the one crossing from `Double` (solver amounts, weights) back to exact money.
  public init?(_ value: Double, places: Int, _ rule: RoundingRule = .halfEven) {
    guard value.isFinite, abs(value) <= 1e18 else { return nil }
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let scaled = value * p
    let rounded: Double
    switch rule {
    case .halfEven: rounded = scaled.rounded(.toNearestOrEven)
    case .halfUp: rounded = scaled.rounded(.toNearestOrAwayFromZero)
    case .towardZero: rounded = scaled.rounded(.towardZero)
    case .down: rounded = scaled.rounded(.down)
    case .up: rounded = scaled.rounded(.up)
    }
    self.init(raw: Int128(Int64(rounded)) * Self.powersOfTen[Self.fractionDigits - places])
  }
}

/// An amount of money in the household's currency.
public typealias Money = FixedDecimal
/// A price per share (or unit) of a security.
public typealias Price = FixedDecimal
/// A number of shares, possibly fractional.
public typealias Quantity = FixedDecimal
