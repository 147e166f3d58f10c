extension HouseholdPlanner {
  /// Turns sized orders into the plan: trades with lots and costs, the household after them,
  /// account outcomes, the tax estimate against a naive plan's, and warnings.
  func assemble(
    _ h: Household, orders: [[LotSizing.Order]], sizing: LotSizing, request: PlanRequest, method: RebalanceMethod,
    before: DriftReport, cashBefore: [Money], flows: [Money], round: PlanRound, lotPlans plans: [[LotPlan?]],
    harvests: [HarvestSwap] = [], menuAllows: [[Bool]]
  ) -> TradePlan {
    var trades: [Trade] = []
    trades.reserveCapacity(orders.reduce(0) { $0 + $1.count })
    // The plan's gains and losses by term, summed as lots are relieved (no list of all sales).
    var totals = TermTotals()
    var warnings: [String] = []
    for (a, account) in h.accounts.enumerated() {
      // Sales first, then purchases, each by symbol: the order solve() makes them in, so
      // sorting (a copy) is needed only after the harvest step added some.
      let inOrder: (LotSizing.Order, LotSizing.Order) -> Bool = { x, y in x.side != y.side ? x.side == .sell : x.symbol < y.symbol }
      for o in orders[a].isSorted(by: inOrder) ? orders[a] : orders[a].sorted(by: inOrder) {
        let amount = sizing.amount(o.quantity, o.price)
        var lots: [LotSale] = []
        if o.side == .sell, !request.ignoreTaxes, account.type == .taxable,
          let k = account.holdings.firstIndex(where: { $0.symbol == o.symbol })
        {
          let holding = account.holdings[k]
          if let plan = plans[a][k] {
            lots = holding.relieve(o.quantity, for: amount, price: o.price, lotsInOrder: plan.order, reserving: plan.segments.count, on: h.asOf)
            for i in lots.indices { totals.add(lots[i].gain, term: lots[i].term) }
            warnings += nearLongTermWarnings(lots, holding: holding, plan: plan, account: account.id, asOf: h.asOf)
          } else {
            warnings.append("\(o.symbol) in '\(account.id)' has no lots: the gain of this sale is not estimated")
          }
        }
        trades.append(Trade(
          account: account.id, symbol: o.symbol, assetClass: h.securityIndex(of: o.symbol, sorted: true).map { h.securities[$0].assetClass } ?? AssetClassName(""),
          side: o.side, quantity: o.quantity, price: o.price, amount: amount, cost: sizing.cost(of: amount), lots: lots))
      }
    }
    let afterHousehold = h.applyingQuantities(trades)
    let after = afterHousehold.driftReport()
    let outcomes = AccountOutcome.all(before: h, after: afterHousehold, trades: trades, cashBefore: cashBefore, flows: flows)
    if !round.droppedOrders.isEmpty {
      warnings.append("dropped \(round.droppedOrders.count) trade(s) below minTrade \(h.settings.minTrade.formatted(minimumFractionDigits: 2)): \(round.droppedOrders.joined(separator: "; "))")
    }
    for swap in harvests {
      let loss = trades.first { $0.account == swap.account && $0.symbol == swap.sold }?.lots.filter { $0.gain.isNegative }
        .reduce(Money.zero) { $0 - $1.gain } ?? .zero
      warnings.append("harvests a loss of \(loss.grouped(places: 2)) on \(swap.sold) in '\(swap.account)' and buys \(swap.bought) to keep the exposure")
    }
    var tax: TaxSummary?
    if !request.ignoreTaxes {
      var summary = TaxSummary(totals, rates: h.tax)
      if request.compareWithNaivePlan {
        let naive = NaivePlan(
          household: h, before: before, after: after, washSale: round.washSale,
          holdingSecurity: round.holdingSecurity, menuAllows: menuAllows).run()
        summary.naiveEstimatedTax = naive.tax.estimatedTax
        summary.naiveReachesSameAllocation = naive.reachesSameAllocation
      }
      tax = summary
      warnings += washSaleWarnings(round, trades: trades)
      if let limit = request.maxTax { warnings += taxLimitWarnings(limit, tax: summary, after: after) }
    }
    warnings += PlanDiagnostics(household: afterHousehold, method: method, sizing: sizing).explain(after: after, outcomes: outcomes)
    return TradePlan(
      asOf: h.asOf, method: method, totalValue: before.totalValue, before: before, after: after, trades: trades,
      tax: tax, totalCosts: trades.reduce(.zero) { $0 + $1.cost }, accounts: outcomes, warnings: warnings)
  }

  func nearLongTermWarnings(_ sales: [LotSale], holding: Holding, plan: LotPlan, account: AccountID, asOf: CivilDate) -> [String] {
    sales.compactMap { sale in
      guard sale.gain > .zero, let i = holding.lots.firstIndex(where: { $0.acquired == sale.acquired && $0.id == sale.lotID }),
        plan.nearLongTerm.contains(i)
      else { return nil }
      let longOn = holding.lots[i].firstAnniversary.adding(days: 1)
      return "sells \(sale.quantity) \(holding.symbol) in '\(account)' from the lot of \(sale.acquired) for a short-term gain of \(sale.gain.grouped(places: 2)), although it turns long-term on \(longOn): nothing else reaches the band"
    }
  }

  func washSaleWarnings(_ round: PlanRound, trades: [Trade]) -> [String] {
    var out: [String] = []
    guard !round.washSaleBans.isEmpty || !round.washSaleKeeps.isEmpty || !round.washSale.recentPurchase.isEmpty else { return out }
    // Trades, accounts, holdings and lots are read by index, in place (not copied).
    for symbol in round.washSaleBans where trades.indices.contains(where: { trades[$0].symbol == symbol && trades[$0].lots.contains { $0.gain.isNegative } }) {
      let group = round.washSale.group(of: symbol).map(\.rawValue).joined(separator: " or ")
      out.append("\(symbol) is sold at a loss, so no account buys \(group) (wash-sale rule); its class is bought through another security")
    }
    for keep in round.washSaleKeeps {
      let names = keep.buyers.map(\.rawValue).joined(separator: ", ")
      out.append("\(keep.symbol)'s loss lots are not sold: \(names) must buy it and can buy nothing else in its class (wash-sale rule)")
    }
    let h = round.household
    let taxableAccounts = h.accounts.indices.filter { h.accounts[$0].type == .taxable }.map { h.accounts[$0].id }
    for (g, bought) in round.washSale.recentPurchase.sorted(by: { $0.key < $1.key }) {
      let soldInTaxable = trades.indices.contains { t in
        trades[t].side == .sell && round.washSale.groupIndex(of: trades[t].symbol) == g && taxableAccounts.contains(trades[t].account)
      }
      guard soldInTaxable, let s = h.securities.indices.first(where: { round.washSale.groupIndex(of: h.securities[$0].symbol) == g }),
        let until = round.washSale.lossSaleBlocked(h.securities[s].symbol),
        h.accounts.indices.contains(where: { a in
          h.accounts[a].type == .taxable && h.accounts[a].holdings.indices.contains { k in
            let holding = h.accounts[a].holdings[k]
            guard round.washSale.groupIndex(of: holding.symbol) == g else { return false }
            let price = h.security(holding.symbol)?.price ?? .zero
            return holding.lots.indices.contains { holding.lots[$0].cost > holding.lots[$0].quantity * price }
          }
        })
      else { continue }
      let symbol = h.securities[s].symbol
      out.append("loss lots of \(round.washSale.group(of: symbol).map(\.rawValue).joined(separator: "/")) are not sold: bought on \(bought), a loss sale before \(until) would be a wash sale")
    }
    return out
  }

  func taxLimitWarnings(_ limit: Money, tax: TaxSummary, after: DriftReport) -> [String] {
    let worst = after.classes.filter { !$0.isGroup }.max { abs($0.drift) < abs($1.drift) }
    guard let worst, abs(worst.drift) >= 5e-4 else { return [] }  // the limit did not bind
    return ["the tax limit of \(limit.grouped(places: 2)) holds (estimated tax \(tax.estimatedTax.grouped(places: 2))); the plan ends up to \(DriftFormat.points(worst.drift)) from target (\(worst.name))"]
  }
}

/// Small number formats used in warnings.
enum DriftFormat {
  static func points(_ drift: Double) -> String {
    let v = (abs(drift) * 1000).rounded() / 10
    return "\(v) pp"
  }
}
