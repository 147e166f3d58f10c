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
    let negative = raw < 0
    let m = negative ? -raw : raw
    let whole = m / Self.scale
    var frac = String(m % Self.scale)
    frac = String(repeating: "0", count: Self.fractionDigits - frac.count) + frac
    while frac.count > minimumFractionDigits, frac.hasSuffix("0") { frac.removeLast() }
    let body = frac.isEmpty ? String(whole) : "\(whole).\(frac)"
    return negative && m != 0 ? "-" + body : body
  }

  /// Grouped for people: `1,234,567.89` (exact, rounded half-even to `places`).
  public func grouped(places: Int) -> String {
    let text = rounded(places: places).formatted(minimumFractionDigits: places)
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    var whole = String(parts[0])
    var out = ""
    while whole.count > 3 {
      out = "," + whole.suffix(3) + out
      whole.removeLast(3)
    }
    out = whole + out
    if parts.count > 1 { out += "." + parts[1] }
    return (negative ? "-" : "") + out
  }
}

extension FixedDecimal: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}
