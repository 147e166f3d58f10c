/// Where purchases of an asset class go first (asset location).
///
/// Tax-inefficient classes (bonds, REITs: their income is taxed every year as ordinary income)
/// belong in tax-deferred accounts; classes with the highest expected growth in tax-exempt
/// accounts (their growth is never taxed); broad equity (qualified dividends, long-term gains,
/// the foreign tax credit) in taxable accounts. The planner uses the order only to choose
/// among purchases that are otherwise equal: it never trades for location alone.
public enum AssetLocation {
  /// Name fragments that mark a tax-inefficient class.
  static let taxInefficient = ["bond", "reit", "real_estate", "realestate", "tips", "treasur", "income", "credit", "fixed", "muni"]
  /// Name fragments that mark an expected-growth class.
  static let growth = ["small", "emerging", "growth", "_em", "em_", "frontier", "venture"]

  /// The default order for a class, from its name (override with `location:` in the file):
  /// tax-inefficient → taxDeferred, taxExempt, taxable; expected growth → taxExempt,
  /// taxDeferred, taxable; anything else (broad equity) → taxable, taxExempt, taxDeferred.
  public static func defaultOrder(for name: AssetClassName) -> [AccountType] {
    let n = name.rawValue.lowercased()
    if taxInefficient.contains(where: n.contains) { return [.taxDeferred, .taxExempt, .taxable] }
    if growth.contains(where: n.contains) { return [.taxExempt, .taxDeferred, .taxable] }
    return [.taxable, .taxExempt, .taxDeferred]
  }
}
