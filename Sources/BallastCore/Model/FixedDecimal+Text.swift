extension FixedDecimal: CustomStringConvertible {
  /// Parses a plain decimal literal exactly: an optional sign, digits, and optionally a point
  /// followed by at most nine digits (`-12`, `285.10`, `0.000001`). Exponents, spaces,
  /// thousands separators and magnitudes above ``maxInputMagnitude`` are refused (`nil`).
  public init?<S: StringProtocol>(exactly text: S) {
    var negative = false
    var intPart: Int128 = 0
    var fracPart: Int128 = 0
    var fracDigits = 0
    var digits = 0
    var seenPoint = false
    for (i, b) in text.utf8.enumerated() {
      switch b {
      case UInt8(ascii: "-") where i == 0: negative = true
      case UInt8(ascii: "+") where i == 0: break
      case UInt8(ascii: ".") where !seenPoint: seenPoint = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        let d = Int128(b - 48)
        if seenPoint {
          guard fracDigits < Self.fractionDigits else { return nil }
          fracPart = fracPart * 10 + d
          fracDigits += 1
        } else {
          guard intPart <= 1_000_000_000_000 else { return nil }
          intPart = intPart * 10 + d
        }
        digits += 1
      default: return nil
      }
    }
    guard digits > 0 else { return nil }
    for _ in fracDigits..<Self.fractionDigits { fracPart *= 10 }
    let value = intPart * Self.scale + fracPart
    guard value <= Self.maxInputMagnitude.raw else { return nil }
    self.init(raw: negative ? -value : value)
  }

  /// The shortest exact literal: `285.1`, `100`, `-0.000001`.
  public var description: String { formatted(minimumFractionDigits: 0) }

  /// The exact value with at least `minimumFractionDigits` digits after the point (money is
  /// written with 2: `28510.00`) and no trailing zeros beyond them.
  public func formatted(minimumFractionDigits: Int) -> String {
    text(minimumFractionDigits: minimumFractionDigits, grouped: false)
  }

  /// Grouped for people: `1,234,567.89` (exact, rounded half-even to `places`).
  public func grouped(places: Int) -> String {
    rounded(places: places).text(minimumFractionDigits: places, grouped: true)
  }

  /// The digits written right to left into a buffer on the stack: the fraction (trailing
  /// zeros beyond `minimumFractionDigits` dropped), the point, the whole part (with a comma
  /// every three digits when `grouped`), the sign.
  func text(minimumFractionDigits: Int, grouped: Bool) -> String {
    let m = raw.magnitude
    var whole: UInt128
    var frac: UInt64
    let scale = UInt64(Self.scale)
    if m._high < scale {
      // The quotient fits 64 bits: no 128-bit division.
      let (q, r) = Self.divideWide(high: m._high, low: m._low, by: scale)
      (whole, frac) = (UInt128(q), r)
    } else {
      (whole, frac) = (m / UInt128(scale), UInt64(m % UInt128(scale)))
    }
    var fracDigits = Self.fractionDigits
    while fracDigits > minimumFractionDigits && frac % 10 == 0 {
      frac /= 10
      fracDigits -= 1
    }
    // At most 39 digits, 12 commas, the point, 9 decimals and the sign.
    let capacity = 64
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var p = capacity
      func put(_ byte: UInt8) {
        p -= 1
        buffer[p] = byte
      }
      for _ in 0..<fracDigits {
        put(48 + UInt8(frac % 10))
        frac /= 10
      }
      if fracDigits > 0 { put(UInt8(ascii: ".")) }
      var written = 0
      func digit(_ d: UInt8) {
        if grouped && written > 0 && written % 3 == 0 { put(UInt8(ascii: ",")) }
        put(48 + d)
        written += 1
      }
      while whole._high != 0 {
        digit(UInt8(whole % 10))
        whole /= 10
      }
      // The rest in 64-bit arithmetic (all of it below 1.8 × 10¹⁹).
      var w = whole._low
      repeat {
        digit(UInt8(w % 10))
        w /= 10
      } while w > 0
      if raw < 0 { put(UInt8(ascii: "-")) }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[p..<capacity]), as: UTF8.self)
    }
  }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}
