import BallastCore
import BallastTestSupport
import Testing

/// Invariants of every plan, over seeded random households (STYLE C12b).
@Suite struct PlannerPropertyTests {
  static let methods: [RebalanceMethod] = [.auto, .toTarget, .toBandEdge, .cashFlowOnly]

  static func household(seed: UInt64, menus: Bool = true) -> Household {
    var g = SeededGenerator(seed: seed)
    var shape = RandomHousehold(
      accounts: Int.random(in: 1...4, using: &g), securities: Int.random(in: 3...10, using: &g),
      assetClasses: Int.random(in: 2...4, using: &g), lots: Int.random(in: 0...30, using: &g))
    shape.menus = menus
    shape.washSales = menus  // recent purchases can block loss lots and make targets unreachable
    var h = shape.make(using: &g)
    h.settings.wholeShares = Bool.random(using: &g)
    h.settings.cashReserve = Money(Int.random(in: 0...2, using: &g) * 100)
    h.settings.minTrade = Money(Int.random(in: 0...1, using: &g) * 50)
    h.settings.costs = CostModel(commission: Money(Int.random(in: 0...1, using: &g)), spreadBps: Double(Int.random(in: 0...10, using: &g)))
    return h
  }

  /// No account sells more than it holds, ends below its reserve, or buys off its menu; each
  /// account's cash changes by exactly its flows and trades (no cash crosses accounts); total
  /// value is conserved up to costs and half a cent of rounding per trade.
  @Test(arguments: 0..<150)
  func safetyInvariants(seed: Int) throws {
    let h = Self.household(seed: UInt64(seed))
    for method in Self.methods {
      let plan: TradePlan
      do {
        plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: method))
      } catch is PlanError {
        continue  // e.g. a withdrawal larger than the account: refused, not half-done
      }
      let canonical = h.canonicalized()
      for account in canonical.accounts {
        let mine = plan.trades.filter { $0.account == account.id }
        for t in mine where t.side == .sell {
          #expect(t.quantity <= account.quantity(of: t.symbol), "seed \(seed) \(method): oversold \(t.symbol)")
        }
        for t in mine where t.side == .buy {
          #expect(account.mayBuy(t.symbol), "seed \(seed) \(method): bought \(t.symbol) off the menu")
        }
        let outcome = try #require(plan.accounts.first { $0.id == account.id })
        #expect(outcome.cashAfter >= h.settings.cashReserve, "seed \(seed) \(method): cash below reserve")
        let expected = account.cash + outcome.cashFlow + mine.reduce(Money.zero) { $0 + $1.cashEffect }
        #expect(outcome.cashAfter == expected, "seed \(seed) \(method): cash crossed accounts")
      }
      let drift = (plan.after.totalValue - (plan.before.totalValue - plan.totalCosts)).magnitude
      #expect(drift <= FixedDecimal(exactly: "0.005")! * Money(max(plan.trades.count, 1)), "seed \(seed) \(method): value not conserved")
      for t in plan.trades {
        #expect(t.amount >= h.settings.minTrade, "seed \(seed) \(method): trade below minTrade")
      }
    }
  }

  /// Without menus (and without recent purchases that block loss sales) every account can buy
  /// everything, so every target is reachable: with
  /// fractional shares and no minimum trade, toTarget and toBandEdge end every class inside
  /// its band.
  @Test(arguments: 0..<100)
  func reachableTargetsAreReached(seed: Int) throws {
    var h = Self.household(seed: UInt64(seed) &+ 10_000, menus: false)
    h.settings.wholeShares = false
    h.settings.minTrade = .zero
    h.settings.costs.commission = .zero
    h.cashFlows.removeAll { $0.amount.isNegative }
    for method in [RebalanceMethod.toTarget, .toBandEdge] {
      let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: method))
      for c in plan.after.classes {
        #expect(!c.isBreached, "seed \(seed) \(method): \(c.name) at \(c.actual) outside \(c.lower)...\(c.upper)")
      }
    }
  }

  /// Shuffling accounts, securities, holdings, lots and menus changes nothing in the plan,
  /// tax-aware or not.
  @Test(arguments: 0..<60)
  func planIsIndependentOfInputOrder(seed: Int) throws {
    let h = Self.household(seed: UInt64(seed) &+ 20_000)
    var g = SeededGenerator(seed: UInt64(seed))
    var shuffled = h
    shuffled.accounts.shuffle(using: &g)
    shuffled.securities.shuffle(using: &g)
    for a in shuffled.accounts.indices {
      shuffled.accounts[a].holdings.shuffle(using: &g)
      for k in shuffled.accounts[a].holdings.indices { shuffled.accounts[a].holdings[k].lots.shuffle(using: &g) }
      shuffled.accounts[a].allowed?.shuffle(using: &g)
    }
    for method in Self.methods {
      for ignoreTaxes in [false, true] {
        let request = PlanRequest(method: method, ignoreTaxes: ignoreTaxes)
        let a = try? HouseholdPlanner().plan(h, request: request)
        let b = try? HouseholdPlanner().plan(shuffled, request: request)
        #expect(a == b, "seed \(seed) \(method) ignoreTaxes \(ignoreTaxes)")
      }
    }
  }
}
