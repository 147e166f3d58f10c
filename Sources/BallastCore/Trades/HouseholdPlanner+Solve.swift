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
    var bought = [[Double]](repeating: [Double](repeating: 0, count: h.securities.count), count: h.accounts.count)
    var sold = h.accounts.map { [Double](repeating: 0, count: $0.holdings.count) }
    for c in model.buys { bought[c.account][c.security] += solution.values[c.variable] * model.scale }
    for c in model.sells { sold[c.account][c.holding] += solution.values[c.variable] * model.scale }
    let halfCent = 0.005
    return try h.accounts.enumerated().map { a, account in
      var orders: [LotSizing.Order] = []
      for k in account.holdings.indices where sold[a][k] > halfCent {
        let s = problem.holdingSecurity[a][k]
        guard s >= 0 else { continue }
        let price = h.securities[s].price
        // A taxable holding may sell only the lots its plan allows (the wash-sale rule).
        let sellable = problem.lotPlans[a][k]?.sellable ?? account.holdings[k].quantity
        orders.append(.init(symbol: account.holdings[k].symbol, side: .sell,
          quantity: sizing.sellQuantity(amount: sold[a][k], price: price, held: sellable), price: price, held: sellable))
      }
      for s in h.securities.indices where bought[a][s] > halfCent {
        let price = h.securities[s].price
        orders.append(.init(symbol: h.securities[s].symbol, side: .buy,
          quantity: sizing.buyQuantity(amount: bought[a][s], price: price), price: price, held: .zero))
      }
      guard sizing.repair(&orders, startingCash: account.cash, reserve: h.settings.cashReserve) else {
        throw PlanError("account '\(account.id)' cannot keep its cash reserve after rounding to shares")
      }
      return orders.filter { $0.quantity > .zero }
    }
  }
}
