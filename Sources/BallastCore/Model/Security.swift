/// A security that is held or may be bought, with its price at `asOf`.
public struct Security: Sendable, Hashable {
  public var symbol: Symbol
  public var assetClass: AssetClassName
  public var price: Price
  /// Securities of similar exposure that are not substantially identical: they may be bought
  /// after a loss sale of this one.
  public var substitutes: [Symbol]
  /// Share classes substantially identical to this one for the wash-sale rule.
  public var sameAs: [Symbol]

  public init(symbol: Symbol, assetClass: AssetClassName, price: Price, substitutes: [Symbol] = [], sameAs: [Symbol] = []) {
    self.symbol = symbol
    self.assetClass = assetClass
    self.price = price
    self.substitutes = substitutes
    self.sameAs = sameAs
  }
}
