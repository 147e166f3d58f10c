/// What one round of planning learnt, and what the next round must change.
///
/// After each solve the planner reviews the orders: an order under `minTrade` is forbidden;
/// commissions are reserved in each account's cash; a security sold at a loss whose group is
/// also bought anywhere breaks the wash-sale rule, so either its group may no longer be bought
/// (when every buyer has another security of the class) or its loss lots may no longer be
/// sold; a plan whose estimated tax exceeds the limit is solved again with the limit lowered
/// by the excess.
struct PlanRound {
  let household: Household
  let request: PlanRequest
  let washSale: WashSaleRule
  /// The security of every holding, [account][holding] (−1 for none).
  let holdingSecurity: [[Int]]
  /// Security groups whose loss lots may not be sold (bought recently, or kept buyable).
  var lossSalesForbidden: Set<Int> = []
  var droppedOrders: [String] = []
  /// Symbols sold at a loss whose group no account may buy, and symbols whose loss lots are
  /// kept because some account can buy nothing else in the class.
  var washSaleBans: [Symbol] = []
  var washSaleKeeps: [(symbol: Symbol, buyers: [AccountID])] = []
  /// The symbols the last reviewed orders sell at a loss, when the lot plans have not changed
  /// since (so that the step after the rounds need not relieve the lots again).
  var lastLossSymbols: [Symbol]?

  init(household: Household, request: PlanRequest, holdingSecurity: [[Int]]) {
    self.household = household
    self.request = request
    self.holdingSecurity = holdingSecurity
    // Without taxes no rule applies (and none is consulted).
    self.washSale = request.ignoreTaxes ? WashSaleRule(noRuleAt: household.asOf) : WashSaleRule(household)
    for (g, _) in washSale.recentPurchase.sorted(by: { $0.key < $1.key }) { lossSalesForbidden.insert(g) }
  }

  var taxAware: Bool { !request.ignoreTaxes }

  /// Lot plans of every taxable holding with lots, or none when taxes are ignored.
  func lotPlans() -> [[LotPlan?]] {
    let h = household
    guard taxAware else { return h.accounts.map { $0.holdings.map { _ in nil } } }
    let zeroRated = h.zeroRatedLotValues()
    let soon = h.asOf.adding(days: LotPlan.nearLongTermDays)
    // By index: accounts and holdings are read in place, not copied.
    return h.accounts.indices.map { a in
      let taxable = h.accounts[a].type == .taxable
      return h.accounts[a].holdings.indices.map { k -> LotPlan? in
        guard taxable, !h.accounts[a].holdings[k].lots.isEmpty, holdingSecurity[a][k] >= 0 else { return nil }
        let price = h.securities[holdingSecurity[a][k]].price
        let blocked = !lossSalesForbidden.isEmpty && lossSalesForbidden.contains(washSale.group(ofSecurity: holdingSecurity[a][k]))
        return LotPlan(
          holding: h.accounts[a].holdings[k], price: price, asOf: h.asOf, rates: h.tax, method: h.tax.lotMethod,
          zeroRated: zeroRated.isEmpty ? [] : zeroRated[a][k], lossesBlocked: blocked, taxableSale: RebalanceModel.Weights.taxableSale,
          soon: soon)
      }
    }
  }

  /// Reviews a round's orders; returns whether the problem changed and must be solved again.
  mutating func review(_ orders: [[LotSizing.Order]], sizing: LotSizing, problem: inout PlanProblem) -> Bool {
    var changed = reviewSizes(orders, sizing: sizing, problem: &problem)
    guard taxAware else { return changed }
    // The sales themselves serve only the tax limit; without one, only the loss symbols.
    let sales = lossAndGainSales(orders, sizing: sizing, plans: problem.lotPlans, listingSales: request.maxTax != nil)
    let forbidden = lossSalesForbidden
    changed = reviewWashSales(orders, lossSales: sales.lossSymbols, problem: &problem) || changed
    if !changed, let limit = request.maxTax, let current = problem.maxTax {
      let tax = TaxSummary(sales: sales.all, rates: household.tax).estimatedTax
      if tax > limit {
        problem.maxTax = current - (tax - limit) - Money(1)
        changed = true
      }
    }
    lastLossSymbols = sales.lossSymbols
    if forbidden != lossSalesForbidden {
      problem.lotPlans = lotPlans()
      lastLossSymbols = nil
    }
    return changed
  }

  /// minTrade and commissions.
  mutating func reviewSizes(_ orders: [[LotSizing.Order]], sizing: LotSizing, problem: inout PlanProblem) -> Bool {
    let h = household
    var changed = false
    for (a, list) in orders.enumerated() {
      for o in list where o.quantity > .zero && sizing.amount(o.quantity, o.price) < h.settings.minTrade {
        problem.forbidden.insert(.init(account: a, symbol: o.symbol, side: o.side))
        droppedOrders.append("\(o.side.rawValue) \(o.symbol) in \(h.accounts[a].id) (\(sizing.amount(o.quantity, o.price).formatted(minimumFractionDigits: 2)))")
        changed = true
      }
      var trades = 0
      for o in list where o.quantity > .zero { trades += 1 }
      let commission = h.settings.costs.commission * Money(trades)
      if commission != problem.commissions[a] {
        problem.commissions[a] = commission
        changed = true
      }
    }
    return changed
  }

  /// The lot sales the orders would make (when `listingSales`; else none) and the symbols
  /// sold at a loss.
  func lossAndGainSales(
    _ orders: [[LotSizing.Order]], sizing: LotSizing, plans: [[LotPlan?]], listingSales: Bool
  ) -> (all: [LotSale], lossSymbols: [Symbol]) {
    var all: [LotSale] = []
    var lossSymbols: [Symbol] = []
    for a in household.accounts.indices {
      for o in orders[a] where o.side == .sell {
        let holdings = household.accounts[a].holdings
        guard let k = holdings.firstIndex(where: { $0.symbol == o.symbol }), let plan = plans[a][k] else { continue }
        let amount = sizing.amount(o.quantity, o.price)
        if listingSales {
          let sales = holdings[k].relieve(o.quantity, for: amount, price: o.price, lotsInOrder: plan.order, reserving: plan.segments.count, on: household.asOf)
          all += sales
          if sales.contains(where: { $0.gain.isNegative }) { lossSymbols.append(o.symbol) }
        } else if holdings[k].relievesAtLoss(o.quantity, for: amount, price: o.price, order: plan.order) {
          lossSymbols.append(o.symbol)
        }
      }
    }
    return (all, lossSymbols)
  }

  /// Enforces "no purchase anywhere of a security sold at a loss, or identical to one".
  mutating func reviewWashSales(_ orders: [[LotSizing.Order]], lossSales: [Symbol], problem: inout PlanProblem) -> Bool {
    let h = household
    var changed = false
    for symbol in lossSales {
      guard let g = washSale.groupIndex(of: symbol) else { continue }
      // A symbol is in the group when its group number is g (the household lists every
      // symbol it buys).
      let buyers = h.accounts.indices.filter { a in orders[a].contains { $0.side == .buy && washSale.groupIndex(of: $0.symbol) == g } }
      guard !buyers.isEmpty else { continue }
      let cls = h.security(symbol)?.assetClass
      let everyBuyerHasAnother = buyers.allSatisfy { a in
        h.securities.indices.contains { s in
          h.securities[s].assetClass == cls && washSale.group(ofSecurity: s) != g && h.accounts[a].mayBuy(h.securities[s].symbol)
            && !problem.bannedBuys.contains(h.securities[s].symbol)
        }
      }
      let group = washSale.group(of: symbol)
      if everyBuyerHasAnother {
        problem.bannedBuys.formUnion(group)
        for s in group { problem.preferredSubstitutes.formUnion(h.security(s)?.substitutes ?? []) }
        washSaleBans.append(symbol)
      } else {
        lossSalesForbidden.insert(g)
        washSaleKeeps.append((symbol, buyers.map { h.accounts[$0].id }))
      }
      changed = true
    }
    return changed
  }
}
