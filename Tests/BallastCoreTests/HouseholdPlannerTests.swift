import BallastCore
import Testing

/// Plans small enough to compute by hand; each expectation states the arithmetic.
@Suite struct HouseholdPlannerTests {
  let planner = HouseholdPlanner()

  /// 700 S @ 100 = 70,000 and 600 B @ 50 = 30,000: 70/30 against 60/40. To target: sell
  /// 10,000 of S (100 shares), buy 10,000 of B (200 shares); cash ends at 0.
  @Test func singleAccountToTarget() throws {
    let h = Fixture.household([Fixture.account("ira", .taxDeferred, [("S", 700), ("B", 600)])])
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades(in: "ira") == ["sell 100 S", "buy 200 B"])
    #expect(plan.accounts[0].cashAfter == .zero)
    #expect(plan.weight("stocks") == 0.6 && plan.weight("bonds") == 0.4)
  }

  /// Taxable holds 600 S; the IRA holds 200 S and 400 B (100,000 in all, 80/20). Both can
  /// close the gap of 20,000; the tax-aware plan trades only in the IRA: sell its 200 S, buy
  /// 400 B.
  @Test func taxAdvantagedAccountsTradeFirst() throws {
    let h = Fixture.household([
      Fixture.account("brokerage", .taxable, [("S", 600)]),
      Fixture.account("ira", .taxDeferred, [("S", 200), ("B", 400)]),
    ])
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades(in: "brokerage").isEmpty)
    #expect(plan.trades(in: "ira") == ["sell 200 S", "buy 400 B"])
  }

  /// Same household, but the IRA may buy only S: bonds can be bought only in the taxable
  /// account, which must sell 200 S (20,000) to buy 400 B. No cash crosses accounts.
  @Test func menuForcesTheTradeIntoAnotherAccount() throws {
    let h = Fixture.household([
      Fixture.account("brokerage", .taxable, [("S", 600)]),
      Fixture.account("ira", .taxDeferred, [("S", 200), ("B", 400)], allowed: ["S"]),
    ])
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades(in: "brokerage") == ["sell 200 S", "buy 400 B"])
    #expect(plan.trades(in: "ira").isEmpty)
    #expect(plan.warnings == ["S in 'brokerage' has no lots: the gain of this sale is not estimated"])
  }

  /// No account may buy B: the plan cannot reach the bonds band and says why.
  @Test func unreachableTargetsAreExplained() throws {
    let h = Fixture.household([
      Fixture.account("brokerage", .taxable, [("S", 600)], allowed: ["S"]),
      Fixture.account("ira", .taxDeferred, [("S", 200), ("B", 400)], allowed: ["S"]),
    ])
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades.isEmpty)
    #expect(plan.warnings.contains { $0.hasPrefix("bonds ends at 20.0%") && $0.contains("no account may buy any of B") })
    #expect(plan.warnings.contains { $0.hasPrefix("stocks ends at 80.0%") })
  }

  /// 70/30 with ±5 pp bands, to the band edge: stocks go to 65% less 2% of the 5 pp room,
  /// 64.9%, i.e. sell 5,100 of S (51 shares) and buy 102 B.
  @Test func toBandEdgeStopsInsideTheEdge() throws {
    let h = Fixture.household([Fixture.account("ira", .taxDeferred, [("S", 700), ("B", 600)])])
    let plan = try planner.plan(h, request: PlanRequest(method: .toBandEdge))
    #expect(plan.trades(in: "ira") == ["sell 51 S", "buy 102 B"])
    #expect(abs(plan.weight("stocks") - 0.649) < 1e-12)
  }

  /// 65,000 S and 35,000 B plus a deposit of 10,000: the new total is 110,000, targets
  /// 66,000 / 44,000; the deposit buys the gaps, 1,000 of S (10 shares) and 9,000 of B (180
  /// shares). Nothing is sold.
  @Test func depositsBuyUnderweights() throws {
    let h = Fixture.household([Fixture.account("roth", .taxExempt, [("S", 650), ("B", 700)])])
    let plan = try planner.plan(h, request: PlanRequest(method: .cashFlowOnly, cashFlows: [CashFlow(account: AccountID("roth"), amount: 10_000)]))
    #expect(plan.trades(in: "roth") == ["buy 180 B", "buy 10 S"])
    #expect(plan.accounts[0].cashAfter == .zero)
  }

  /// 60,000 S and 40,000 B plus a deposit of 1,000: 59.4% / 39.6%, inside the bands, so auto
  /// only invests the deposit: targets 60,600 / 40,400, buy 6 S and 8 B.
  @Test func autoInsideBandsOnlyInvestsCashFlows() throws {
    let h = Fixture.household([Fixture.account("roth", .taxExempt, [("S", 600), ("B", 800)])])
    let plan = try planner.plan(h, request: PlanRequest(cashFlows: [CashFlow(account: AccountID("roth"), amount: 1_000)]))
    #expect(plan.method == .cashFlowOnly)
    #expect(plan.trades(in: "roth") == ["buy 8 B", "buy 6 S"])
  }

  /// 70,000 S and 30,000 B; withdraw 10,000: only the overweight S is sold, 100 shares.
  @Test func withdrawalsSellOverweights() throws {
    let h = Fixture.household([Fixture.account("roth", .taxExempt, [("S", 700), ("B", 600)])])
    let plan = try planner.plan(h, request: PlanRequest(method: .cashFlowOnly, cashFlows: [CashFlow(account: AccountID("roth"), amount: -10_000)]))
    #expect(plan.trades(in: "roth") == ["sell 100 S"])
    #expect(plan.accounts[0].cashAfter == .zero)
  }

  @Test func impossibleWithdrawalIsAnError() {
    let h = Fixture.household([Fixture.account("roth", .taxExempt, [("S", 7), ("B", 6)])])
    #expect(throws: PlanError.self) {
      try planner.plan(h, request: PlanRequest(cashFlows: [CashFlow(account: AccountID("roth"), amount: -5_000)]))
    }
  }

  /// The plan of the first test, but the trades would be 10,000 each: a minTrade of 20,000
  /// drops them both and says so.
  @Test func minTradeDropsSmallTrades() throws {
    var h = Fixture.household([Fixture.account("ira", .taxDeferred, [("S", 700), ("B", 600)])])
    h.settings.minTrade = 20_000
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades.isEmpty)
    #expect(plan.warnings.contains { $0.contains("below minTrade 20000.00") })
  }

  /// Commission 5 per trade and a spread of 10 bp, fractional shares. Selling x and buying
  /// b must satisfy x(1 − σ) − 5 = b(1 + σ) + 5 (cash) and 70,000 − x = 0.6 (100,000 − 10 −
  /// σ(x + b)) (target after costs): x = 50,080,000/4,999 ≈ 10,018.00 and b = 49,930,000/4,999
  /// ≈ 9,988.00 (solved with sympy). The costs are exactly 5 + round(amount × 0.001) per trade.
  @Test func costsAreInTheCashArithmetic() throws {
    var h = Fixture.household([Fixture.account("ira", .taxDeferred, [("S", 700), ("B", 600)])])
    h.settings.wholeShares = false
    h.settings.costs = CostModel(commission: 5, spreadBps: 10)
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    let sell = try #require(plan.trades.first { $0.side == .sell })
    let buy = try #require(plan.trades.first { $0.side == .buy })
    #expect(abs(sell.amount.doubleValue - 50_080_000.0 / 4_999) < 0.011)
    #expect(abs(buy.amount.doubleValue - 49_930_000.0 / 4_999) < 0.011)
    #expect(sell.cost == Money(5) + (sell.amount * FixedDecimal(exactly: "0.001")!).rounded(places: 2))
    let cash = plan.accounts[0].cashAfter
    #expect(cash >= .zero && cash < Money(1))
    #expect(cash == sell.amount - sell.cost - buy.amount - buy.cost)
  }

  /// Lots A (10 @ 50, 2020), B (10 @ 150, 2026-06: short-term loss), C (10 @ 90, 2023), price
  /// 100. Tax per dollar: B −0.5 × 0.37 (loss), C 0.1 × 0.15 = 0.015, A 0.5 × 0.15 = 0.075.
  /// Selling 15 shares relieves B 10 (gain −500, short) and C 5 (cost 450, gain +50, long).
  /// Netting: the net short loss −500 offsets the net long gain +50, leaving a short-term loss
  /// of −450, deducted from ordinary income at 37%: tax −166.50, nothing carried forward.
  @Test func taxOptimalLotRelief() throws {
    let lots = [
      TaxLot(quantity: 10, cost: 500, acquired: CivilDate(iso: "2020-01-02")!),
      TaxLot(quantity: 10, cost: 1500, acquired: CivilDate(iso: "2026-06-01")!),
      TaxLot(quantity: 10, cost: 900, acquired: CivilDate(iso: "2023-05-05")!),
    ]
    let holding = Holding(symbol: Symbol("S"), quantity: 30, lots: lots)
    let order = holding.lotOrder(.taxOptimal, price: 100, on: Fixture.asOf, rates: TaxSettings())
    #expect(order == [1, 2, 0])
    let sales = holding.relieve(15, for: 1500, price: 100, order: order, on: Fixture.asOf)
    #expect(sales.map(\.gain) == [Money(-500), Money(50)])
    #expect(sales.map(\.term) == [.short, .long])
    let tax = TaxSummary(sales: sales, rates: TaxSettings())
    #expect(tax.netShortTerm == Money(-450) && tax.netLongTerm == .zero)
    #expect(tax.estimatedTax == FixedDecimal(exactly: "-166.50")! && tax.harvestedLosses == Money(500))
    #expect(tax.ordinaryIncomeOffset == Money(450) && tax.carryforward == .zero)
    #expect(holding.lotOrder(.fifo, price: 100, on: Fixture.asOf, rates: TaxSettings()) == [0, 2, 1])
    #expect(holding.lotOrder(.hifo, price: 100, on: Fixture.asOf, rates: TaxSettings()) == [1, 2, 0])
  }

  /// Hierarchical targets: stocks 70% (±5) split 70/30 into us/intl; the group's band is
  /// checked on the sum of its members.
  @Test func groupsAreValuedFromTheirMembers() throws {
    let targets = TargetAllocation(classes: [
      AssetClassTarget(name: AssetClassName("stocks"), weight: 0.7, band: .absolute(0.05), isLeaf: false),
      AssetClassTarget(name: AssetClassName("us"), weight: 0.49, band: .absolute(0.03), parent: AssetClassName("stocks"), depth: 1),
      AssetClassTarget(name: AssetClassName("intl"), weight: 0.21, band: .absolute(0.03), parent: AssetClassName("stocks"), depth: 1),
      AssetClassTarget(name: AssetClassName("bonds"), weight: 0.3, band: .absolute(0.05)),
    ])
    let securities = [Fixture.security("U", "us", 100), Fixture.security("I", "intl", 100), Fixture.security("B", "bonds", 100)]
    let h = Fixture.household([Fixture.account("ira", .taxDeferred, [("U", 500), ("I", 300), ("B", 200)])], targets: targets, securities: securities)
    let report = h.driftReport()
    #expect(report.classes.map(\.actual) == [0.8, 0.5, 0.3, 0.2])
    #expect(report.classes.map(\.isBreached) == [true, false, true, true])
    let plan = try planner.plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.after.classes.map(\.actual) == [0.7, 0.49, 0.21, 0.3])
  }
}
