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
    // ASCII lower case is enough: every fragment is ASCII.
    let n = name.rawValue.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    if taxInefficient.contains(where: { contains(n, $0) }) { return [.taxDeferred, .taxExempt, .taxable] }
    if growth.contains(where: { contains(n, $0) }) { return [.taxExempt, .taxDeferred, .taxable] }
    return [.taxable, .taxExempt, .taxDeferred]
  }

  /// Whether `fragment` occurs in `text` (bytes; a plain scan, names are short).
  static func contains(_ text: [UInt8], _ fragment: [UInt8]) -> Bool {
    guard fragment.count <= text.count else { return false }
    for start in 0...(text.count - fragment.count) where text[start..<(start + fragment.count)].elementsEqual(fragment) { return true }
    return false
  }
}
