import BallastCore
import Testing

/// Hand-computed cases of the tax-aware planner (issue 4).
@Suite struct TaxPlanningTests {
  static let asOf = CivilDate(iso: "2026-11-20")!

  func lot(_ q: Int, _ cost: Int, _ date: String, id: String? = nil) -> TaxLot {
    TaxLot(id: id, quantity: Quantity(q), cost: Money(cost), acquired: CivilDate(iso: date)!)
  }

  /// Two classes 50/50, S (stocks, price 100) in a taxable account only.
  func household(stockLots: [TaxLot], bonds: Int, history: [PastTrade] = [], securities: [Security]? = nil) -> Household {
    let secs = securities ?? [
      Security(symbol: Symbol("S"), assetClass: AssetClassName("stocks"), price: 100, substitutes: [Symbol("T")]),
      Security(symbol: Symbol("T"), assetClass: AssetClassName("stocks"), price: 50),
      Security(symbol: Symbol("B"), assetClass: AssetClassName("bonds"), price: 100),
    ]
    let quantity = stockLots.reduce(Quantity.zero) { $0 + $1.quantity }
    var h = Household(
      asOf: Self.asOf, securities: secs,
      targets: TargetAllocation(classes: [
        AssetClassTarget(name: AssetClassName("stocks"), weight: 0.5, band: .absolute(0.05)),
        AssetClassTarget(name: AssetClassName("bonds"), weight: 0.5, band: .absolute(0.05)),
      ]),
      accounts: [
        Account(id: AccountID("brokerage"), type: .taxable, cash: 0, holdings: [
          Holding(symbol: Symbol("S"), quantity: quantity, lots: stockLots),
          Holding(symbol: Symbol("B"), quantity: Quantity(bonds), lots: [lot(bonds, bonds * 100, "2020-01-02")]),
        ])
      ],
      history: history)
    h.settings.wholeShares = true
    return h
  }

  /// 1,400 S (140,000) against 60,000 of B: to 50/50 sell 400 S (40,000). Lots: A 400 @ 50
  /// (long, gain 50%), C 400 @ 90 (long, gain 10%), D 600 @ 95 (short, acquired 2026-06-01,
  /// gain 5% × 37% = 1.85% per dollar vs C's 10% × 15% = 1.5%). Tax-optimal sells C first:
  /// 400 shares, gain 4,000 long → tax 600.
  @Test func sellsTheLotWithTheLeastTaxPerDollar() throws {
    let h = household(stockLots: [lot(400, 20_000, "2015-01-02"), lot(400, 36_000, "2020-01-02"), lot(600, 57_000, "2026-06-01")], bonds: 600)
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    let sell = try #require(plan.trades.first { $0.side == .sell })
    #expect(sell.quantity == 400)
    #expect(sell.lots.map(\.acquired.description) == ["2020-01-02"])
    #expect(plan.tax?.longTermGains == Money(4_000) && plan.tax?.estimatedTax == Money(600))
    // FIFO would have sold lot A: gain 20,000, tax 3,000.
    let fifo = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget, lotMethod: .fifo))
    #expect(fifo.tax?.estimatedTax == Money(3_000))
  }

  /// The same household with zeroRateGainRoom 20,000: the room goes to the long-term lots that
  /// raise the most per dollar of gain, C first (4,000 of gain) then 16,000 of A's 20,000. C is
  /// now free and still the cheapest: selling it costs 0 instead of 600.
  @Test func zeroRateRoomMakesLongTermGainsFree() throws {
    var h = household(stockLots: [lot(400, 20_000, "2015-01-02"), lot(400, 36_000, "2020-01-02"), lot(600, 57_000, "2026-06-01")], bonds: 600)
    h.tax.zeroRateGainRoom = 20_000
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades.first { $0.side == .sell }?.lots.map(\.acquired.description) == ["2020-01-02"])
    #expect(plan.tax?.zeroRateGains == Money(4_000) && plan.tax?.estimatedTax == .zero)
  }

  /// A short-term lot at a gain that turns long-term on 2026-12-06 (acquired 2025-12-05) is
  /// kept while another lot can do: sell 400 S from the long-term lot instead, even though its
  /// tax per dollar (0.6 × 15% = 9%) is above the short-term lot's (0.05 × 37% = 1.85%).
  @Test func lotTurningLongTermSoonIsKept() throws {
    let h = household(stockLots: [lot(500, 20_000, "2015-01-02"), lot(900, 85_500, "2025-12-05")], bonds: 600)
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades.first { $0.side == .sell }?.lots.map(\.acquired.description) == ["2015-01-02"])
    #expect(!plan.warnings.contains { $0.contains("turns long-term") })
  }

  /// S has a loss lot (400 @ 120); S was bought in the brokerage 10 days ago, so selling that
  /// lot now is a wash sale: the plan sells the gain lot instead and says why.
  @Test func recentPurchaseBlocksLossSales() throws {
    let history = [PastTrade(date: CivilDate(iso: "2026-11-10")!, account: AccountID("brokerage"), symbol: Symbol("S"), side: .buy, quantity: 1, price: 100)]
    let h = household(stockLots: [lot(1000, 50_000, "2015-01-02"), lot(400, 48_000, "2024-01-02")], bonds: 600, history: history)
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    let sell = try #require(plan.trades.first { $0.side == .sell })
    #expect(sell.lots.allSatisfy { !$0.gain.isNegative })
    #expect(plan.warnings.contains { $0.contains("a loss sale before 2026-12-11 would be a wash sale") })
  }

  /// The brokerage holds 1,400 S bought at 120 (a loss) and 600 B; an IRA holds only 40,000 of
  /// cash. Stocks are 140,000 of 240,000 (58%) against 50%. Selling S at a loss is worth its
  /// tax value, so the brokerage sells S and buys bonds, while the IRA invests its cash: it
  /// must not buy S (a wash sale) and buys the substitute T for its stocks.
  @Test func substituteIsBoughtInsteadOfTheLossSoldSecurity() throws {
    var h = household(stockLots: [lot(1400, 168_000, "2025-01-02")], bonds: 600)
    h.accounts.append(Account(id: AccountID("ira"), type: .taxDeferred, cash: 40_000, holdings: []))
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    let lossSold = plan.trades.filter { $0.lots.contains { $0.gain.isNegative } }.map(\.symbol)
    #expect(lossSold == [Symbol("S")])
    #expect(!plan.trades.contains { $0.side == .buy && $0.symbol == Symbol("S") })
  }

  /// Step 3 of the seed after the tax-free trades: the brokerage holds 400 S bought at 102.50
  /// (a 1,000 long-term loss) and may buy only S and T; the IRA holds 1,000 S and 400 B. Stocks
  /// are 140,000 of 180,000 against 50%: the IRA sells 500 S and buys 500 B (no tax). The
  /// brokerage cannot rebalance (no bonds on its menu), but its position is overweight and at a
  /// loss: the plan sells the lot and buys 800 T, the listed substitute, with the 40,000.
  @Test func harvestsOverweightLossesAfterTheTaxFreeTrades() throws {
    var h = household(stockLots: [lot(400, 41_000, "2024-01-02")], bonds: 0)
    h.accounts[0].holdings.removeAll { $0.symbol == Symbol("B") }
    h.accounts[0].allowed = [Symbol("S"), Symbol("T")]
    h.accounts.append(Account(id: AccountID("ira"), type: .taxDeferred, cash: 0, holdings: [
      Holding(symbol: Symbol("S"), quantity: 1000), Holding(symbol: Symbol("B"), quantity: 400),
    ]))
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget))
    #expect(plan.trades(in: "ira") == ["sell 500 S", "buy 500 B"])
    #expect(plan.trades(in: "brokerage") == ["sell 400 S", "buy 800 T"])
    #expect(plan.tax?.longTermLosses == Money(-1_000))
    #expect(plan.warnings.contains { $0.hasPrefix("harvests a loss of 1,000.00 on S in 'brokerage' and buys T") })
    #expect(plan.weight("stocks") == 0.5)
  }

  /// Netting cases computed by hand (rates 37% / 15%):
  /// 1. ST +10,000, LT −4,000: net ST +6,000 → 2,220.
  /// 2. ST −10,000, LT +4,000: net ST −6,000 → deduct 3,000 (−1,110), carry 3,000.
  /// 3. ST +1,000 −3,000, LT +5,000: net ST −2,000 offsets LT → LT +3,000 → 450.
  @Test(arguments: [
    (10_000, 0, 0, -4_000, "2220", "0"),
    (0, -10_000, 4_000, 0, "-1110", "3000"),
    (1_000, -3_000, 5_000, 0, "450", "0"),
  ])
  func netting(stGain: Int, stLoss: Int, ltGain: Int, ltLoss: Int, tax: String, carry: String) {
    func sale(_ gain: Int, _ term: LotSale.Term) -> LotSale {
      LotSale(lotID: nil, acquired: Self.asOf, quantity: 1, cost: Money(100_000), proceeds: Money(100_000 + gain), term: term)
    }
    let sales = [sale(stGain, .short), sale(stLoss, .short), sale(ltGain, .long), sale(ltLoss, .long)].filter { !$0.gain.isZero }
    let s = TaxSummary(sales: sales, rates: TaxSettings())
    #expect(s.estimatedTax == FixedDecimal(exactly: tax)!)
    #expect(s.carryforward == FixedDecimal(exactly: carry)!)
  }

  /// --max-tax 0: sells of gain lots are not allowed at all, so the plan stops where only tax-
  /// free trades take it and says how far from target it ends.
  @Test func maxTaxHolds() throws {
    let h = household(stockLots: [lot(1400, 70_000, "2015-01-02")], bonds: 600)
    let plan = try HouseholdPlanner().plan(h, request: PlanRequest(method: .toTarget, maxTax: .zero))
    #expect(plan.tax?.estimatedTax == .zero)
    #expect(plan.warnings.contains { $0.hasPrefix("the tax limit of 0.00 holds") })
  }

  /// Harvest candidates: S's lot at 120 stands at a 20 per share loss (8,000 on 400 shares,
  /// long-term: worth 1,200 at 15%); T is its substitute; a purchase of S on 2026-11-10 blocks
  /// the sale until 2026-12-11 (30 days after, plus one).
  @Test func harvestCandidates() throws {
    let history = [PastTrade(date: CivilDate(iso: "2026-11-10")!, account: AccountID("brokerage"), symbol: Symbol("S"), side: .buy, quantity: 1, price: 100)]
    let h = household(stockLots: [lot(1000, 50_000, "2015-01-02"), lot(400, 48_000, "2024-01-02")], bonds: 600, history: history)
    let list = HarvestScanner().candidates(in: h)
    #expect(list.count == 1)
    let c = try #require(list.first)
    #expect(c.symbol == Symbol("S") && c.loss == Money(8_000) && c.taxValue == Money(1_200) && c.term == .long)
    #expect(c.substitute == Symbol("T"))
    #expect(c.blockedUntil?.description == "2026-12-11")
    #expect(HarvestScanner(minLoss: 10_000).candidates(in: h).isEmpty)
    #expect(HarvestScanner(minLossFraction: 0.2).candidates(in: h).isEmpty)  // 8,000 / 48,000 = 16.7%
  }

  /// Harvesting without a block: sell the loss lot (400 S = 40,000), buy 800 T with it.
  @Test func harvestPlanKeepsTheExposure() throws {
    let h = household(stockLots: [lot(1000, 50_000, "2015-01-02"), lot(400, 48_000, "2024-01-02")], bonds: 600)
    let plan = HarvestScanner().plan(h)
    #expect(plan.trades.map { "\($0.side.rawValue) \($0.quantity) \($0.symbol)" } == ["sell 400 S", "buy 800 T"])
    #expect(plan.tax?.longTermLosses == Money(-8_000))
    #expect(plan.before.classes.map(\.value) == plan.after.classes.map(\.value))
  }
}
