/// Where purchases of an asset class go first (asset location).
///
/// Tax-inefficient classes (bonds, REITs: their income is taxed every year as ordinary income)
/// belong in tax-deferred accounts; classes with the highest expected growth in tax-exempt
/// accounts (their growth is never taxed); broad equity (qualified dividends, long-term gains,
/// the foreign tax credit) in taxable accounts. The planner uses the order only to choose
/// among purchases that are otherwise equal: it never trades for location alone.
public enum AssetLocation {
  /// Name fragments that mark a tax-inefficient class.
  static let taxInefficient = ["bond", "reit", "real_estate", "realestate", "tips", "treasur", "income", "credit", "fixed", "muni"].map { Array($0.utf8) }
  /// Name fragments that mark an expected-growth class.
  static let growth = ["small", "emerging", "growth", "_em", "em_", "frontier", "venture"].map { Array($0.utf8) }

  /// The default order for a class, from its name (override with `location:` in the file):
  /// tax-inefficient → taxDeferred, taxExempt, taxable; expected growth → taxExempt,
  /// taxDeferred, taxable; anything else (broad equity) → taxable, taxExempt, taxDeferred.
  public static func defaultOrder(for name: AssetClassName) -> [AccountType] {
    if taxInefficient.contains(where: { contains(name.rawValue, $0) }) { return inefficientOrder }
    if growth.contains(where: { contains(name.rawValue, $0) }) { return growthOrder }
    return broadEquityOrder
  }

  // The three orders, made once (a class's order is asked for at every plan).
  static let inefficientOrder: [AccountType] = [.taxDeferred, .taxExempt, .taxable]
  static let growthOrder: [AccountType] = [.taxExempt, .taxDeferred, .taxable]
  static let broadEquityOrder: [AccountType] = [.taxable, .taxExempt, .taxDeferred]

  /// Whether `fragment` (lower-case ASCII) occurs in `text`, ignoring ASCII case (a plain
  /// scan of the bytes: names are short, and every fragment is ASCII).
  static func contains(_ text: String, _ fragment: [UInt8]) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard fragment.count <= bytes.count else { return false }
      for start in 0...(bytes.count - fragment.count) {
        var k = 0
        while k < fragment.count {
          let b = bytes[start + k]
          if (b >= 65 && b <= 90 ? b + 32 : b) != fragment[k] { break }
          k += 1
        }
        if k == fragment.count { return true }
      }
      return false
    }
  }
}
