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
  /// The household's symbols in increasing order, and the group number of each (parallel
  /// arrays: a lookup is a binary search, with no hashing of strings).
  let symbols: [Symbol]
  let groups: [Int]
  /// The group of each security, in the household's `securities` order.
  let groupOfSecurity: [Int]
  /// The last purchase date of each group within the window before `asOf`.
  public let recentPurchase: [Int: CivilDate]
  public let asOf: CivilDate
  public let days: Int
  /// Whether any group holds more than one symbol (some security lists `sameAs`).
  let hasSharedGroups: Bool

  /// Group number of each symbol; symbols in one group are substantially identical. Groups
  /// are numbered in the order of their first symbol.
  public var groupOf: [Symbol: Int] { Dictionary(zip(symbols, groups), uniquingKeysWith: { first, _ in first }) }

  /// The group number of `symbol`, or `nil` when the household does not list it.
  public func groupIndex(of symbol: Symbol) -> Int? {
    Self.position(of: symbol, in: symbols).map { groups[$0] }
  }

  /// Where `symbol` stands in the sorted `symbols` (a binary search), or `nil`.
  static func position(of symbol: Symbol, in symbols: [Symbol]) -> Int? {
    let i = symbols.lowerBound { $0 < symbol }
    return i < symbols.count && symbols[i] == symbol ? i : nil
  }

  /// The group number of security `s` of the household the rule was made for (an index into
  /// its `securities`): no search at all.
  func group(ofSecurity s: Int) -> Int { groupOfSecurity[s] }

  /// A rule that knows no security and no purchase (for plans that ignore taxes).
  init(noRuleAt asOf: CivilDate) {
    self.asOf = asOf
    self.days = 0
    self.hasSharedGroups = false
    self.symbols = []
    self.groups = []
    self.groupOfSecurity = []
    self.recentPurchase = [:]
  }

  public init(_ h: Household) {
    self.asOf = h.asOf
    self.days = h.tax.washSaleDays
    self.hasSharedGroups = h.securities.contains { !$0.sameAs.isEmpty }
    let n = h.securities.count
    let sorted = h.securitiesAreSorted
    if sorted && !hasSharedGroups {
      // The common case: securities in symbol order, each its own group, numbered as listed.
      self.symbols = h.securities.map(\.symbol)
      self.groups = Array(0..<n)
      self.groupOfSecurity = self.groups
      self.recentPurchase = Self.recentPurchases(h, symbols: self.symbols, groups: self.groups)
      return
    }
    var order = Array(0..<n)
    if !sorted { order.sort { h.securities[$0].symbol < h.securities[$1].symbol } }
    let symbols = order.map { h.securities[$0].symbol }
    // Union-find over positions in `symbols`: each root is the smallest symbol of its group.
    var parent = Array(0..<n)
    func find(_ i: Int) -> Int {
      var r = i
      while parent[r] != r { r = parent[r] }
      return r
    }
    if hasSharedGroups {
      for p in 0..<n {
        for other in h.securities[order[p]].sameAs {
          guard let q = Self.position(of: other, in: symbols) else { continue }
          let (a, b) = (find(p), find(q))
          if a != b { parent[max(a, b)] = min(a, b) }
        }
      }
    }
    // A root comes before the rest of its group, so groups are numbered by their first symbol.
    var number = [Int](filledWith: -1, count: n)
    var next = 0
    var groups = [Int](filledWith: 0, count: n)
    for p in 0..<n {
      let r = find(p)
      if number[r] < 0 {
        number[r] = next
        next += 1
      }
      groups[p] = number[r]
    }
    self.symbols = symbols
    self.groups = groups
    var bySecurity = [Int](filledWith: 0, count: n)
    for p in 0..<n { bySecurity[order[p]] = groups[p] }
    self.groupOfSecurity = bySecurity
    self.recentPurchase = Self.recentPurchases(h, symbols: symbols, groups: groups)
  }

  /// The last purchase date of each group within the window before `asOf`.
  static func recentPurchases(_ h: Household, symbols: [Symbol], groups: [Int]) -> [Int: CivilDate] {
    var recent: [Int: CivilDate] = [:]
    guard !h.history.isEmpty else { return recent }
    let start = h.asOf.adding(days: -h.tax.washSaleDays)
    for t in h.history where t.side == .buy && t.date >= start && t.date <= h.asOf {
      guard let i = position(of: t.symbol, in: symbols) else { continue }
      let g = groups[i]
      if let d = recent[g], d >= t.date { continue }
      recent[g] = t.date
    }
    return recent
  }

  public func isIdentical(_ a: Symbol, _ b: Symbol) -> Bool {
    guard let x = groupIndex(of: a), let y = groupIndex(of: b) else { return a == b }
    return x == y
  }

  /// The symbols substantially identical to `symbol` (itself included), sorted.
  public func group(of symbol: Symbol) -> [Symbol] {
    guard hasSharedGroups, let g = groupIndex(of: symbol) else { return [symbol] }
    return symbols.indices.filter { groups[$0] == g }.map { symbols[$0] }
  }

  /// When a loss sale of `symbol` becomes allowed again, if a recent purchase blocks it now:
  /// the day after the window that follows the last purchase.
  public func lossSaleBlocked(_ symbol: Symbol) -> CivilDate? {
    guard let g = groupIndex(of: symbol), let bought = recentPurchase[g] else { return nil }
    let until = bought.adding(days: days + 1)
    return until > asOf ? until : nil
  }
}
