extension HouseholdPlanner {
  /// One harvest the plan adds: the loss lots of an overweight holding, sold and replaced by a
  /// listed substitute in the same account.
  struct HarvestSwap {
    var account: AccountID
    var sold: Symbol
    var bought: Symbol
  }

  /// Step 3 of the seed: after the trades that rebalance, harvest the losses of overweight
  /// positions in taxable accounts, buying a listed substitute so the class keeps its exposure.
  ///
  /// A holding is harvested when its class stood above target before the plan, it has loss
  /// lots the plan does not already sell, a substitute (not substantially identical) is
  /// allowed in the account, and neither the wash-sale rule nor `minTrade` stands in the way:
  /// its group is not bought anywhere in the plan, was not bought in the window before `asOf`,
  /// and the substitute's group is not sold at a loss by the plan.
  func harvestOverweightLosses(
    _ orders: inout [[LotSizing.Order]], problem: PlanProblem, sizing: LotSizing, before: DriftReport, round: PlanRound
  ) -> [HarvestSwap] {
    let h = problem.household
    let rule = round.washSale
    var overweight = [Bool](filledWith: false, count: h.targets.classes.count)
    for k in overweight.indices { overweight[k] = h.targets.classes[k].isLeaf && before.classes[k].drift > 0 }
    // The groups the plan buys and sells at a loss, found when a holding first needs them
    // (short lists: a plan trades a few securities).
    var known: (bought: [Int], lost: [Int])?
    func groups() -> (bought: [Int], lost: [Int]) {
      if let known { return known }
      var bought: [Int] = []
      for list in orders {
        for o in list where o.side == .buy {
          if let g = rule.groupIndex(of: o.symbol) { bought.append(g) }
        }
      }
      let lossSymbols = round.lastLossSymbols
        ?? round.lossAndGainSales(orders, sizing: sizing, plans: problem.lotPlans, listingSales: false).lossSymbols
      known = (bought, lossSymbols.compactMap { rule.groupIndex(of: $0) })
      return known!
    }
    var swaps: [HarvestSwap] = []
    // The band excess of the orders as they stand, kept until a swap changes them.
    var standing: [Double]?
    for a in h.accounts.indices where h.accounts[a].type == .taxable {
      for k in h.accounts[a].holdings.indices {
        let s = problem.holdingSecurity[a][k]
        // The cheap tests first (on indices, copying nothing): a taxable holding of an
        // overweight class with loss lots that the plan does not already sell.
        guard s >= 0, let leaf = problem.nodesOfSecurity[s].first, overweight[leaf], let plan = problem.lotPlans[a][k] else { continue }
        let price = h.securities[s].price
        var lossQuantity = Quantity.zero
        for i in plan.order {
          let lot = h.accounts[a].holdings[k].lots[i]
          guard lot.cost > lot.quantity * price else { break }
          lossQuantity += lot.quantity
        }
        guard lossQuantity > .zero else { continue }
        let account = h.accounts[a]
        let holding = account.holdings[k]
        let security = h.securities[s]
        let sellIndex = orders[a].firstIndex { $0.side == .sell && $0.symbol == holding.symbol }
        let already = sellIndex.map { orders[a][$0].quantity } ?? .zero
        let group = rule.group(ofSecurity: s)
        guard lossQuantity > already, !round.lossSalesForbidden.contains(group),
          !groups().bought.contains(group)
        else { continue }
        let lossGroups = groups().lost
        let extra = lossQuantity - already
        guard sizing.amount(extra, security.price) >= max(h.settings.minTrade, Money(1)),
          let substitute = security.substitutes.compactMap({ h.security($0) }).first(where: { s in
            account.mayBuy(s.symbol) && !rule.isIdentical(s.symbol, holding.symbol) && !problem.bannedBuys.contains(s.symbol)
              && !(rule.groupIndex(of: s.symbol).map(lossGroups.contains) ?? false)
          })
        else { continue }
        var trial = orders[a]
        if let i = sellIndex {
          trial[i].quantity = lossQuantity
        } else {
          trial.append(.init(symbol: holding.symbol, side: .sell, quantity: lossQuantity, price: security.price, held: holding.quantity))
        }
        let proceeds = sizing.amount(extra, security.price) - sizing.cost(of: sizing.amount(extra, security.price))
        let budget = max(.zero, proceeds - h.settings.costs.commission)
        let buy = (FixedDecimal(budget.doubleValue / (1 + sizing.spread.doubleValue) / substitute.price.doubleValue, places: sizing.places, .down) ?? .zero)
        guard buy > .zero else { continue }

        if let j = trial.firstIndex(where: { $0.side == .buy && $0.symbol == substitute.symbol }) {
          trial[j].quantity += buy
        } else {
          trial.append(.init(symbol: substitute.symbol, side: .buy, quantity: buy, price: substitute.price, held: .zero))
        }
        guard sizing.repair(&trial, startingCash: account.cash, reserve: h.settings.cashReserve) else { continue }
        // The swap costs something and leaves a remainder in cash: it must not push any class
        // (or group) further outside its band than the plan already leaves it.
        var after = orders
        after[a] = trial
        let was = standing ?? bandExcess(orders, problem: problem, sizing: sizing)
        standing = was
        let now = bandExcess(after, problem: problem, sizing: sizing)
        guard zip(was, now).allSatisfy({ $1 <= $0 + 1e-12 }) else { continue }
        orders[a] = trial.filter { $0.quantity > .zero }
        standing = nil
        known?.bought.append(rule.groupIndex(of: substitute.symbol) ?? -1)
        known?.lost.append(group)
        swaps.append(HarvestSwap(account: account.id, sold: holding.symbol, bought: substitute.symbol))
      }
    }
    return swaps
  }

  /// How far each class and group would end outside its band (0 inside), valued from the
  /// orders' amounts with the base reduced by their costs.
  func bandExcess(_ orders: [[LotSizing.Order]], problem: PlanProblem, sizing: LotSizing) -> [Double] {
    let h = problem.household
    var change = [Double](filledWith: 0, count: h.targets.classes.count)
    var costs = 0.0
    for list in orders {
      for o in list where o.quantity > .zero {
        guard let s = problem.household.securityIndex(of: o.symbol, sorted: true) else { continue }
        let amount = sizing.amount(o.quantity, o.price)
        costs += sizing.cost(of: amount).doubleValue
        for k in problem.nodesOfSecurity[s] { change[k] += (o.side == .buy ? amount : -amount).doubleValue }
      }
    }
    if let cash = h.targets.classes.firstIndex(where: { $0.name == .cash }) {
      // Cash as a class moves opposite to the securities bought and sold, less the costs.
      change[cash] = -h.targets.classes.indices.filter { h.targets.classes[$0].isLeaf && $0 != cash }.reduce(0.0) { $0 + change[$1] } - costs
    }
    let base = problem.base.doubleValue - costs
    return h.targets.classes.indices.map { k in
      guard base > 0 else { return .infinity }
      let w = (problem.nodeValues[k].doubleValue + change[k]) / base
      let (lower, upper) = h.targets.classes[k].edges
      return max(0, lower - w) + max(0, w - upper)
    }
  }
}
