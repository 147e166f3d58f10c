/// Where purchases of an asset class go first (asset location).
///
/// Tax-inefficient classes (bonds, REITs: their income is taxed every year as ordinary income)
/// belong in tax-deferred accounts; classes with the highest expected growth in tax-exempt
/// accounts (their growth is never taxed); broad equity (qualified dividends, long-term gains,
/// the foreign tax credit) in taxable accounts. The planner uses the order only to choose
/// among purchases that are otherwise equal: it never trades for location alone.
public enum AssetLocation {
  /// The three default orders.
  enum Kind {
    /// Bonds, REITs and other income: taxDeferred, taxExempt, taxable.
    case taxInefficient
    /// Expected growth: taxExempt, taxDeferred, taxable.
    case growth
    /// Anything else (broad equity): taxable, taxExempt, taxDeferred.
    case broadEquity
  }

  /// The default order for a class, from its name (override with `location:` in the file):
  /// tax-inefficient → taxDeferred, taxExempt, taxable; expected growth → taxExempt,
  /// taxDeferred, taxable; anything else (broad equity) → taxable, taxExempt, taxDeferred.
  public static func defaultOrder(for name: AssetClassName) -> [AccountType] {
    switch kind(of: name) {
    case .taxInefficient: return [.taxDeferred, .taxExempt, .taxable]
    case .growth: return [.taxExempt, .taxDeferred, .taxable]
    case .broadEquity: return [.taxable, .taxExempt, .taxDeferred]
    }
  }

  /// The place of `type` in the default order of `kind`.
  static func rank(of type: AccountType, in kind: Kind) -> Int {
    switch (kind, type) {
    case (.taxInefficient, .taxDeferred), (.growth, .taxExempt), (.broadEquity, .taxable): return 0
    case (.taxInefficient, .taxExempt), (.growth, .taxDeferred), (.broadEquity, .taxExempt): return 1
    default: return 2
    }
  }

  /// Which default order a class name calls for, from fragments of the name (ASCII case
  /// ignored): "bond", "reit", "real_estate", "realestate", "tips", "treasur", "income",
  /// "credit", "fixed", "muni" mark a tax-inefficient class; "small", "emerging", "growth",
  /// "_em", "em_", "frontier", "venture" an expected-growth class.
  ///
  /// The fragments are static strings, not arrays: this runs at every plan on every thread,
  /// and shared arrays would cost a reference count that the threads contend for.
  static func kind(of name: AssetClassName) -> Kind {
    var text = name.rawValue
    return text.withUTF8 { bytes in
      if has(bytes, "bond") || has(bytes, "reit") || has(bytes, "real_estate") || has(bytes, "realestate")
        || has(bytes, "tips") || has(bytes, "treasur") || has(bytes, "income") || has(bytes, "credit")
        || has(bytes, "fixed") || has(bytes, "muni")
      {
        return .taxInefficient
      }
      if has(bytes, "small") || has(bytes, "emerging") || has(bytes, "growth") || has(bytes, "_em")
        || has(bytes, "em_") || has(bytes, "frontier") || has(bytes, "venture")
      {
        return .growth
      }
      return .broadEquity
    }
  }

  /// Whether `fragment` (lower-case ASCII) occurs in `text`, ignoring ASCII case (a plain
  /// scan: names are short).
  static func has(_ text: UnsafeBufferPointer<UInt8>, _ fragment: StaticString) -> Bool {
    let f = fragment.utf8Start
    let n = fragment.utf8CodeUnitCount
    guard n <= text.count else { return false }
    for start in 0...(text.count - n) {
      var k = 0
      while k < n {
        let b = text[start + k]
        if (b >= 65 && b <= 90 ? b + 32 : b) != f[k] { break }
        k += 1
      }
      if k == n { return true }
    }
    return false
  }
}
