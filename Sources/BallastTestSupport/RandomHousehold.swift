public import BallastCore

/// Synthetic households of a given shape, drawn from a seeded generator.
///
/// Prices are whole cents from 5 to 500, quantities whole shares (or six-decimal fractions),
/// lots dated up to five years before `asOf` with costs 50–150% of today's value; targets are
/// random weights (in thousandths, summing to 1) over the classes, with random absolute,
/// relative or asymmetric bands; some accounts get narrow menus and some a cash flow. Every
/// class has at least one security.
public struct RandomHousehold: Sendable {
  public var accounts: Int
  public var securities: Int
  public var assetClasses: Int
  /// Lots spread over the taxable holdings.
  public var lots: Int
  public var menus = true
  public var cashFlows = true
  /// Recent purchases in `history` and identical share classes (`sameAs`).
  public var washSales = true

  public init(accounts: Int, securities: Int, assetClasses: Int, lots: Int) {
    self.accounts = accounts
    self.securities = securities
    self.assetClasses = assetClasses
    self.lots = lots
  }

  public static let asOf = CivilDate(year: 2026, month: 11, day: 20) ?? CivilDate(dayNumber: 0)

  public func make(using g: inout SeededGenerator) -> Household {
    let classes = (0..<assetClasses).map { AssetClassName("class\($0)") }
    var securities = (0..<max(self.securities, assetClasses)).map { i in
      Security(symbol: Symbol("S\(i)"), assetClass: classes[i % classes.count], price: Money(raw: Int128(Int.random(in: 500...50_000, using: &g)) * 10_000_000))
    }
    // Securities of one class substitute for each other; now and then two are share classes
    // of one fund (substantially identical).
    for i in securities.indices {
      securities[i].substitutes = securities.filter { $0.assetClass == securities[i].assetClass && $0.symbol != securities[i].symbol }.map(\.symbol)
    }
    if washSales, securities.count > classes.count, Int.random(in: 0..<3, using: &g) == 0 {
      let j = classes.count + Int.random(in: 0..<(securities.count - classes.count), using: &g)
      let i = j % classes.count
      let (si, sj) = (securities[i].symbol, securities[j].symbol)
      securities[j].sameAs = [si]
      securities[j].substitutes.removeAll { $0 == si }
      securities[i].substitutes.removeAll { $0 == sj }
    }
    let targets = TargetAllocation(classes: weights(classes.count, using: &g).enumerated().map { k, w in
      AssetClassTarget(name: classes[k], weight: w, band: band(around: w, using: &g))
    })
    let types: [AccountType] = [.taxable, .taxDeferred, .taxExempt]
    var accounts = (0..<self.accounts).map { a -> Account in
      let type = a == 0 ? .taxable : types[Int.random(in: 0..<3, using: &g)]
      let count = Int.random(in: 1...max(1, min(securities.count, 2 * securities.count / max(1, self.accounts) + 1)), using: &g)
      let held = Array(securities.shuffled(using: &g).prefix(count)).sorted { $0.symbol < $1.symbol }
      let holdings = held.map { Holding(symbol: $0.symbol, quantity: Quantity(Int.random(in: 1...400, using: &g))) }
      var allowed: [Symbol]?
      if menus && Int.random(in: 0..<4, using: &g) == 0 {
        allowed = Array(securities.shuffled(using: &g).prefix(max(1, securities.count / 3))).map(\.symbol).sorted()
      }
      return Account(id: AccountID("acct\(a)"), type: type, cash: Money(Int.random(in: 0...20_000, using: &g)), holdings: holdings, allowed: allowed)
    }
    // `lots` lots dealt round-robin over the taxable holdings (at least one each).
    let taxable = accounts.indices.flatMap { a in accounts[a].type == .taxable ? accounts[a].holdings.indices.map { (a, $0) } : [] }
    if !taxable.isEmpty && lots > 0 {
      for (a, k) in taxable { accounts[a].holdings[k].quantity = .zero }
      for i in 0..<lots {
        let (a, k) = taxable[i % taxable.count]
        let price = securities.first { $0.symbol == accounts[a].holdings[k].symbol }?.price ?? 1
        let lot = randomLot(price: price, using: &g)
        accounts[a].holdings[k].lots.append(lot)
        accounts[a].holdings[k].quantity += lot.quantity
      }
      for (a, k) in taxable where accounts[a].holdings[k].lots.isEmpty {
        // Fewer lots than taxable holdings: the rest get one lot each, so every taxable
        // holding has a cost basis.
        let price = securities.first { $0.symbol == accounts[a].holdings[k].symbol }?.price ?? 1
        let lot = randomLot(price: price, using: &g)
        accounts[a].holdings[k].lots = [lot]
        accounts[a].holdings[k].quantity = lot.quantity
      }
    }
    var flows: [CashFlow] = []
    if cashFlows && Bool.random(using: &g) {
      let a = accounts[Int.random(in: 0..<accounts.count, using: &g)]
      flows.append(CashFlow(account: a.id, amount: Money(Int.random(in: -2_000...10_000, using: &g))))
    }
    var history: [PastTrade] = []
    if washSales {
      for _ in 0..<Int.random(in: 0...2, using: &g) {
        let s = securities[Int.random(in: 0..<securities.count, using: &g)]
        let a = accounts[Int.random(in: 0..<accounts.count, using: &g)]
        history.append(PastTrade(date: Self.asOf.adding(days: -Int.random(in: 0...45, using: &g)), account: a.id, symbol: s.symbol, side: .buy, quantity: 1, price: s.price))
      }
    }
    return Household(asOf: Self.asOf, securities: securities, targets: targets, accounts: accounts, history: history, cashFlows: flows)
  }

  /// Weights in thousandths that sum to exactly 1.
  func weights(_ n: Int, using g: inout SeededGenerator) -> [Double] {
    var cuts = (0..<(n - 1)).map { _ in Int.random(in: 0...1000, using: &g) }.sorted()
    cuts = [0] + cuts + [1000]
    return (0..<n).map { Double(cuts[$0 + 1] - cuts[$0]) / 1000 }
  }

  func band(around w: Double, using g: inout SeededGenerator) -> ToleranceBand {
    switch Int.random(in: 0..<3, using: &g) {
    case 0: return .absolute(Double(Int.random(in: 1...8, using: &g)) / 100)
    case 1: return .relative(Double(Int.random(in: 10...40, using: &g)) / 100)
    default: return ToleranceBand(below: Double(Int.random(in: 1...5, using: &g)) / 100, above: Double(Int.random(in: 1...8, using: &g)) / 100)
    }
  }

  func randomLot(price: Price, using g: inout SeededGenerator) -> TaxLot {
    let q = Quantity(Int.random(in: 1...200, using: &g))
    let costFactor = FixedDecimal(raw: Int128(Int.random(in: 50...150, using: &g)) * 10_000_000)
    let days = Int.random(in: 0...1800, using: &g)
    return TaxLot(quantity: q, cost: (q * price * costFactor).rounded(places: 2), acquired: Self.asOf.adding(days: -days))
  }
}
