internal import LinearProgramming

extension HouseholdPlanner {
  /// Share of the band's room by which a band-edge aim sits inside the edge, so that rounding
  /// to shares does not leave the class just outside.
  static let edgeMargin = 0.02

  /// The aim of every class and group under `method`.
  func aims(_ h: Household, before: DriftReport, method: RebalanceMethod) -> [Aim] {
    zip(h.targets.classes, before.classes).map { node, drift in
      let perClass: RebalanceMethod = method == .auto ? node.resolvedMethod : method
      guard perClass == .toBandEdge else { return Aim(weight: node.weight, cost: RebalanceModel.Weights.aim) }
      guard drift.isBreached else { return Aim(weight: node.weight, cost: RebalanceModel.Weights.weakAim) }
      let edge = drift.actual > drift.upper
        ? drift.upper - Self.edgeMargin * (drift.upper - node.weight)
        : drift.lower + Self.edgeMargin * (node.weight - drift.lower)
      return Aim(weight: edge, cost: RebalanceModel.Weights.aim)
    }
  }

  /// Solves the program and sizes its solution into orders, per account.
  func solve(_ problem: PlanProblem, sizing: LotSizing, scratch: PlanScratch) throws -> [[LotSizing.Order]] {
    let spare = scratch.spareProgram ?? LinearProgram()
    scratch.spareProgram = nil
    let model = RebalanceModel(problem, reusing: spare)
    let solution = model.lp.solve(workspace: scratch.simplex)
    defer { scratch.spareProgram = model.lp }
    switch solution.status {
    case .optimal: break
    case .infeasible:
      throw PlanError("no set of trades keeps every account's cash at or above its reserve; check the withdrawals and the cash reserve")
    case .unbounded, .iterationLimit:
      throw PlanError("the planner's solver did not converge (\(solution.status)); please report this household")
    }
    let h = problem.household
    // Amounts per (account, security) bought and per (account, holding) sold, flat.
    let securityCount = h.securities.count
    // In the scratch's arrays (taken out while in use, so that each stays uniquely held).
    var bought: [Double] = []
    var sold: [Double] = []
    var holdingStart: [Int] = []
    swap(&bought, &scratch.bought)
    swap(&sold, &scratch.sold)
    swap(&holdingStart, &scratch.holdingStart)
    defer {
      swap(&bought, &scratch.bought)
      swap(&sold, &scratch.sold)
      swap(&holdingStart, &scratch.holdingStart)
    }
    bought.removeAll(keepingCapacity: true)
    bought.append(contentsOf: repeatElement(0, count: h.accounts.count * securityCount))
    holdingStart.removeAll(keepingCapacity: true)
    holdingStart.append(0)
    for a in h.accounts.indices { holdingStart.append(holdingStart[a] + h.accounts[a].holdings.count) }
    sold.removeAll(keepingCapacity: true)
    sold.append(contentsOf: repeatElement(0, count: holdingStart[h.accounts.count]))
    for c in model.buys { bought[c.account * securityCount + c.security] += solution.values[c.variable] * model.scale }
    for c in model.sells { sold[holdingStart[c.account] + c.holding] += solution.values[c.variable] * model.scale }
    let halfCent = 0.005
    var all: [[LotSizing.Order]] = []
    all.reserveCapacity(h.accounts.count)
    for a in h.accounts.indices {
      let account = h.accounts[a]
      var orders: [LotSizing.Order] = []
      // At most a sale per holding and a purchase per class (one candidate security each).
      orders.reserveCapacity(account.holdings.count + h.targets.classes.count)
      for k in account.holdings.indices where sold[holdingStart[a] + k] > halfCent {
        let s = problem.holdingSecurity[a][k]
        guard s >= 0 else { continue }
        let price = h.securities[s].price
        // A taxable holding may sell only the lots its plan allows (the wash-sale rule).
        let sellable = problem.lotPlans[a][k]?.sellable ?? account.holdings[k].quantity
        orders.append(.init(symbol: account.holdings[k].symbol, side: .sell,
          quantity: sizing.sellQuantity(amount: sold[holdingStart[a] + k], price: price, held: sellable), price: price, held: sellable))
      }
      for s in h.securities.indices where bought[a * securityCount + s] > halfCent {
        let price = h.securities[s].price
        orders.append(.init(symbol: h.securities[s].symbol, side: .buy,
          quantity: sizing.buyQuantity(amount: bought[a * securityCount + s], price: price), price: price, held: .zero))
      }
      guard sizing.repair(&orders, startingCash: account.cash, reserve: h.settings.cashReserve) else {
        throw PlanError("account '\(account.id)' cannot keep its cash reserve after rounding to shares")
      }
      orders.removeAll { !($0.quantity > .zero) }
      all.append(orders)
    }
    return all
  }
}
