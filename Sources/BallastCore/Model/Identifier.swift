/// A string identifier that carries what it identifies in its type, so that an account id
/// can never be passed where a symbol is expected (STYLE C4).
///
/// Identifiers are compared many times per plan (lookups, sorts, merges), so `==` and `<`
/// first try the common case: both strings short ASCII (15 bytes or fewer), stored inline in
/// the `String` itself. Their bytes then decide at once, in the order `String` gives, without
/// a call into the string library; any other pair compares as `String`s.
public struct Identifier<Tag>: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }

  public static func == (a: Self, b: Self) -> Bool {
    if let x = inlineASCII(a.rawValue), let y = inlineASCII(b.rawValue) { return x == y }
    return a.rawValue == b.rawValue
  }

  public static func < (a: Self, b: Self) -> Bool {
    if let x = inlineASCII(a.rawValue), let y = inlineASCII(b.rawValue) {
      // Bytes 0–7 in the first word, 8–14 in the low 7 bytes of the second (little-endian):
      // byte-swapped, each word compares as its bytes do; equal bytes leave the count (a
      // string that ends in NUL bytes is longer than the one without them).
      if x.low != y.low { return x.low.byteSwapped < y.low.byteSwapped }
      let (xh, yh) = ((x.high & 0x00FF_FFFF_FFFF_FFFF).byteSwapped, (y.high & 0x00FF_FFFF_FFFF_FFFF).byteSwapped)
      if xh != yh { return xh < yh }
      return (x.high >> 56) & 0xF < (y.high >> 56) & 0xF
    }
    return a.rawValue < b.rawValue
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

  /// The two words of `s` when it is a small ASCII string (its bytes, count and flags held in
  /// the `String` value itself, the top three flag bits set: immortal, ASCII, small), else
  /// `nil`. Two such strings are equal exactly when their words are; a string of a few
  /// bytes kept in other storage, or one with non-ASCII characters, goes the general way.
  /// Only on 64-bit little-endian platforms, whose `String` layout this reads.
  @inline(__always)
  static func inlineASCII(_ s: String) -> (low: UInt64, high: UInt64)? {
    #if _pointerBitWidth(_64) && _endian(little)
      let (low, high) = unsafeBitCast(s, to: (UInt64, UInt64).self)
      return high >> 61 == 0b111 ? (low, high) : nil
    #else
      return nil
    #endif
  }
}

public enum SymbolTag {}
public enum AccountTag {}
public enum AssetClassTag {}

/// A ticker such as `VTI`.
public typealias Symbol = Identifier<SymbolTag>
/// An account id such as `brokerage`.
public typealias AccountID = Identifier<AccountTag>
/// An asset-class name such as `us_stocks`.
public typealias AssetClassName = Identifier<AssetClassTag>

extension AssetClassName {
  /// The class name that makes cash a target of its own.
  public static let cash = AssetClassName("cash")
}
