extension HouseholdPlanner {
  /// Turns sized orders into the plan: trades with lots and costs, the household after them,
  /// account outcomes, the tax estimate and warnings.
  func assemble(
    _ h: Household, orders: [[LotSizing.Order]], sizing: LotSizing, request: PlanRequest, method: RebalanceMethod,
    before: DriftReport, cashBefore: [Money], flows: [Money], dropped: [String]
  ) -> TradePlan {
    var trades: [Trade] = []
    var allSales: [LotSale] = []
    var warnings: [String] = []
    for (a, account) in h.accounts.enumerated() {
      for o in orders[a].sorted(by: { ($0.side == .sell ? 0 : 1, $0.symbol) < ($1.side == .sell ? 0 : 1, $1.symbol) }) {
        let amount = sizing.amount(o.quantity, o.price)
        var lots: [LotSale] = []
        if o.side == .sell, !request.ignoreTaxes, account.type == .taxable,
          let holding = account.holdings.first(where: { $0.symbol == o.symbol })
        {
          if holding.lots.isEmpty {
            warnings.append("\(o.symbol) in '\(account.id)' has no lots: the gain of this sale is not estimated")
          } else {
            let order = holding.lotOrder(.taxOptimal, price: o.price, on: h.asOf, rates: h.tax)
            lots = holding.relieve(o.quantity, for: amount, price: o.price, order: order, on: h.asOf)
            allSales += lots
          }
        }
        trades.append(Trade(
          account: account.id, symbol: o.symbol, assetClass: h.security(o.symbol)?.assetClass ?? AssetClassName(""),
          side: o.side, quantity: o.quantity, price: o.price, amount: amount, cost: sizing.cost(of: amount), lots: lots))
      }
    }
    let afterHousehold = h.applying(trades)
    let after = afterHousehold.driftReport()
    let outcomes = h.accounts.enumerated().map { a, account in
      let mine = trades.filter { $0.account == account.id }
      return AccountOutcome(
        id: account.id, type: account.type, cashBefore: cashBefore[a], cashFlow: flows[a],
        cashAfter: afterHousehold.accounts[a].cash,
        bought: mine.filter { $0.side == .buy }.reduce(.zero) { $0 + $1.amount },
        sold: mine.filter { $0.side == .sell }.reduce(.zero) { $0 + $1.amount },
        costs: mine.reduce(.zero) { $0 + $1.cost })
    }
    if !dropped.isEmpty {
      warnings.append("dropped \(dropped.count) trade(s) below minTrade \(h.settings.minTrade.formatted(minimumFractionDigits: 2)): \(dropped.joined(separator: "; "))")
    }
    warnings += PlanDiagnostics(household: afterHousehold, method: method, sizing: sizing).explain(after: after, outcomes: outcomes)
    return TradePlan(
      asOf: h.asOf, method: method, totalValue: before.totalValue, before: before, after: after, trades: trades,
      tax: request.ignoreTaxes ? nil : TaxSummary(sales: allSales, rates: h.tax),
      totalCosts: trades.reduce(.zero) { $0 + $1.cost }, accounts: outcomes, warnings: warnings)
  }
}
