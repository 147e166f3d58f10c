import BallastCore
import BallastTestSupport
import Testing

/// Tax invariants of plans over seeded random households (issue 4).
@Suite struct TaxPropertyTests {
  static func household(seed: UInt64) -> Household {
    var g = SeededGenerator(seed: seed &+ 50_000)
    let shape = RandomHousehold(
      accounts: Int.random(in: 2...4, using: &g), securities: Int.random(in: 4...10, using: &g),
      assetClasses: Int.random(in: 2...3, using: &g), lots: Int.random(in: 5...40, using: &g))
    var h = shape.make(using: &g)
    h.settings.wholeShares = Bool.random(using: &g)
    return h
  }

  /// No wash sale of either kind, across all accounts: no loss sale of a security whose group
  /// was bought in the 30 days before asOf, and no purchase anywhere of a group the plan sells
  /// at a loss. No lot is sold beyond what it holds.
  @Test(arguments: 0..<120)
  func noWashSaleAndNoLotOversold(seed: Int) throws {
    let h = Self.household(seed: UInt64(seed))
    let rule = WashSaleRule(h)
    for method in [RebalanceMethod.auto, .toTarget, .toBandEdge] {
      guard let plan = try? HouseholdPlanner().plan(h, request: PlanRequest(method: method)) else { continue }
      let lossSold = plan.trades.filter { $0.lots.contains { $0.gain.isNegative } }.map(\.symbol)
      for symbol in lossSold {
        #expect(rule.lossSaleBlocked(symbol) == nil, "seed \(seed) \(method): loss sale of recently bought \(symbol)")
        for buy in plan.trades where buy.side == .buy {
          #expect(!rule.isIdentical(buy.symbol, symbol), "seed \(seed) \(method): bought \(buy.symbol) while selling \(symbol) at a loss")
        }
      }
      for t in plan.trades where !t.lots.isEmpty {
        let holding = try #require(h.accounts.first { $0.id == t.account }?.holdings.first { $0.symbol == t.symbol })
        #expect(t.lots.reduce(Quantity.zero) { $0 + $1.quantity } == t.quantity, "seed \(seed): lots do not add up")
        for sale in t.lots {
          let lot = try #require(holding.lots.first { $0.acquired == sale.acquired && $0.id == sale.lotID && $0.quantity >= sale.quantity })
          #expect(sale.quantity <= lot.quantity)
        }
      }
    }
  }

  /// The tax-aware plan's estimated tax is never above the naive plan's for the same end
  /// allocation.
  @Test(arguments: 0..<120)
  func taxNeverAboveNaive(seed: Int) throws {
    let h = Self.household(seed: UInt64(seed))
    guard let plan = try? HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget)) else { return }
    let tax = try #require(plan.tax)
    let naive = try #require(tax.naiveEstimatedTax)
    let reachesSame = try #require(tax.naiveReachesSameAllocation as Bool?)
    guard reachesSame else { return }
    #expect(tax.estimatedTax <= naive + Money(1), "seed \(seed): \(tax.estimatedTax) > naive \(naive)")
  }

  /// --max-tax is respected: the estimated tax never exceeds the limit.
  @Test(arguments: 0..<60)
  func maxTaxIsRespected(seed: Int) throws {
    let h = Self.household(seed: UInt64(seed))
    guard let free = try? HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget)), let tax = free.tax,
      tax.estimatedTax > Money(10)
    else { return }
    let limit = (tax.estimatedTax.doubleValue / 3).rounded()
    let bounded = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget, maxTax: Money(Int(limit))))
    #expect(try #require(bounded.tax).estimatedTax <= Money(Int(limit)), "seed \(seed)")
  }
}
