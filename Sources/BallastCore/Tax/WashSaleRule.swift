/// The wash-sale rule across every account of the household (IRC §1091 as the IRS reads it,
/// IRAs and 401(k)s included).
///
/// A loss on a sale is disallowed when a substantially identical security is bought within
/// `washSaleDays` days before or after it, in any account. Ballast treats a security and the
/// symbols in its `sameAs` list (in either direction, transitively) as substantially
/// identical; `substitutes` are not. The plan therefore
/// - never sells at a loss a security whose group was bought in the window before `asOf`
///   (the file's `history`), and
/// - never buys, in any account, a security of a group that it sells at a loss.
public struct WashSaleRule: Sendable {
  /// Group number of each symbol; symbols in one group are substantially identical.
  public let groupOf: [Symbol: Int]
  /// The last purchase date of each group within the window before `asOf`.
  public let recentPurchase: [Int: CivilDate]
  public let asOf: CivilDate
  public let days: Int
  /// Whether any group holds more than one symbol (some security lists `sameAs`).
  let hasSharedGroups: Bool

  /// A rule that knows no security and no purchase (for plans that ignore taxes).
  init(noRuleAt asOf: CivilDate) {
    self.asOf = asOf
    self.days = 0
    self.hasSharedGroups = false
    self.groupOf = [:]
    self.recentPurchase = [:]
  }

  public init(_ h: Household) {
    self.asOf = h.asOf
    self.days = h.tax.washSaleDays
    self.hasSharedGroups = h.securities.contains { !$0.sameAs.isEmpty }
    if !hasSharedGroups {
      // No share classes: every symbol is a group of its own.
      var groupOf: [Symbol: Int] = [:]
      groupOf.reserveCapacity(h.securities.count)
      for (i, s) in h.securities.enumerated() { groupOf[s.symbol] = i }
      self.groupOf = groupOf
      self.recentPurchase = Self.recentPurchases(h, groupOf: groupOf)
      return
    }
    // Union-find over sameAs links.
    var parent: [Symbol: Symbol] = [:]
    func find(_ s: Symbol) -> Symbol {
      var r = s
      while let p = parent[r], p != r { r = p }
      return r
    }
    for s in h.securities { parent[s.symbol] = s.symbol }
    for s in h.securities {
      for other in s.sameAs where parent[other] != nil {
        let (a, b) = (find(s.symbol), find(other))
        if a != b { parent[max(a, b)] = min(a, b) }
      }
    }
    let roots = h.securities.map { find($0.symbol) }
    let ordered = Array(Set(roots)).sorted()
    var number: [Symbol: Int] = [:]
    for (i, r) in ordered.enumerated() { number[r] = i }
    var groupOf: [Symbol: Int] = [:]
    for (s, r) in zip(h.securities, roots) { groupOf[s.symbol] = number[r] }
    self.groupOf = groupOf
    self.recentPurchase = Self.recentPurchases(h, groupOf: groupOf)
  }

  /// The last purchase of each group within the window before `asOf`.
  static func recentPurchases(_ h: Household, groupOf: [Symbol: Int]) -> [Int: CivilDate] {
    var recent: [Int: CivilDate] = [:]
    guard !h.history.isEmpty else { return recent }
    let start = h.asOf.adding(days: -h.tax.washSaleDays)
    for t in h.history where t.side == .buy && t.date >= start && t.date <= h.asOf {
      guard let g = groupOf[t.symbol] else { continue }
      if let d = recent[g], d >= t.date { continue }
      recent[g] = t.date
    }
    return recent
  }

  public func isIdentical(_ a: Symbol, _ b: Symbol) -> Bool {
    guard let x = groupOf[a], let y = groupOf[b] else { return a == b }
    return x == y
  }

  /// The symbols substantially identical to `symbol` (itself included), sorted.
  public func group(of symbol: Symbol) -> [Symbol] {
    guard hasSharedGroups, let g = groupOf[symbol] else { return [symbol] }
    return groupOf.filter { $0.value == g }.map(\.key).sorted()
  }

  /// When a loss sale of `symbol` becomes allowed again, if a recent purchase blocks it now:
  /// the day after the window that follows the last purchase.
  public func lossSaleBlocked(_ symbol: Symbol) -> CivilDate? {
    guard let g = groupOf[symbol], let bought = recentPurchase[g] else { return nil }
    let until = bought.adding(days: days + 1)
    return until > asOf ? until : nil
  }
}
