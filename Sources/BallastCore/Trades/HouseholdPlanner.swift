internal import LinearProgramming

/// Plans the trades that bring a household back to its targets.
///
/// The steps: put the cash flows into the accounts' cash; choose each class's aim from the
/// method; solve the household linear program (``RebalanceModel``); size the solution into
/// orders (``LotSizing``); review them (`PlanRound`) — drop orders under `minTrade`, charge
/// commissions, resolve wash sales, count realised losses against gains, hold the tax limit —
/// and solve again with what the review changed (a few rounds at most); relieve lots; value
/// the result and explain any class still outside its band.
///
/// Among plans that reach the aims, the one with the least turnover wins: turnover is the
/// last priority of the objective, after band excess, distance from the aims and idle cash.
/// Ties are broken by the canonical order (accounts by id, securities by symbol), so the
/// order of the input file never changes the plan.
public struct HouseholdPlanner: Sendable {
  /// Rounds of re-solving (minTrade, commissions, the wash-sale rule, losses against gains,
  /// the tax limit).
  static let maxRounds = 10

  public init() {}

  public func plan(_ input: Household, request: PlanRequest = PlanRequest()) throws -> TradePlan {
    try plan(input, request: request, scratch: PlanScratch())
  }

  /// ``plan(_:request:)`` with storage reused from earlier plans of the same thread.
  func plan(_ input: Household, request: PlanRequest, scratch: PlanScratch) throws -> TradePlan {
    // A plan that ignores taxes never reads the lots, so it need not put them in order.
    var h = input.canonicalized(sortingLots: !request.ignoreTaxes)
    if let whole = request.wholeShares { h.settings.wholeShares = whole }
    if let lots = request.lotMethod { h.tax.lotMethod = lots }
    let flows = cashFlows(of: h, request: request)
    let cashBefore = h.accounts.map(\.cash)
    for a in h.accounts.indices { h.accounts[a].cash += flows[a] }
    let holdingSecurity = h.holdingSecurityIndices()
    let before = h.driftReport(holdingSecurity: holdingSecurity)
    guard before.allocationBase > .zero else {
      throw PlanError("the household has nothing to allocate: its value less the cash reserves is \(before.allocationBase)")
    }
    let requested = request.method ?? h.settings.method
    var method = requested
    if requested == .auto && !before.isBreached { method = .cashFlowOnly }
    let spread = FixedDecimal(h.settings.costs.spreadBps / 10_000, places: 9) ?? .zero
    try checkWithdrawals(h, spread: spread, holdingSecurity: holdingSecurity)

    var round = PlanRound(household: h, request: request, holdingSecurity: holdingSecurity)
    var problem = PlanProblem(
      household: h, holdingSecurity: holdingSecurity,
      nodesOfSecurity: NodeChains(h), aims: aims(h, before: before, method: method),
      base: before.allocationBase, spread: spread.doubleValue, taxAware: !request.ignoreTaxes,
      cashFlowOnly: method == .cashFlowOnly ? cashFlowLimits(h, before: before) : nil,
      forbidden: [], commissions: Array(filledWith: .zero, count: h.accounts.count),
      lotPlans: round.lotPlans(), maxTax: request.maxTax,
      nodeValues: before.classes.map(\.value), locationRanks: request.ignoreTaxes ? [] : locationRanks(h),
      householdHoldings: householdHoldings(h, holdingSecurity: holdingSecurity), menuAllows: h.menuMasks())
    let sizing = LotSizing(wholeShares: h.settings.wholeShares, spread: spread, commission: h.settings.costs.commission)
    var orders: [[LotSizing.Order]] = []
    for _ in 0..<Self.maxRounds {
      orders = try solve(problem, sizing: sizing, scratch: scratch)
      if !round.review(orders, sizing: sizing, problem: &problem) { break }
    }
    var harvests: [HarvestSwap] = []
    if !request.ignoreTaxes && request.maxTax == nil && method != .cashFlowOnly {
      harvests = harvestOverweightLosses(&orders, problem: problem, sizing: sizing, before: before, round: round)
    }
    return assemble(
      h, orders: orders, sizing: sizing, request: request, method: method, before: before, cashBefore: cashBefore,
      flows: flows, round: round, lotPlans: problem.lotPlans, harvests: harvests, menuAllows: problem.menuAllows)
  }

  /// The net flow of each account: the file's `cashFlows` plus the request's.
  func cashFlows(of h: Household, request: PlanRequest) -> [Money] {
    h.accounts.map { account in
      var total = Money.zero
      for flow in h.cashFlows where flow.account == account.id { total += flow.amount }
      for flow in request.cashFlows where flow.account == account.id { total += flow.amount }
      return total
    }
  }

  /// Refuses withdrawals that an account cannot meet even by selling everything.
  func checkWithdrawals(_ h: Household, spread: FixedDecimal, holdingSecurity: [[Int]]) throws {
    let commission = h.settings.costs.commission
    let costsAreSane = spread >= .zero && spread <= Money(1) && commission >= .zero
    for (a, account) in h.accounts.enumerated() {
      // With a spread of at most 100% each sale adds its value less spread (never negative)
      // less the commission, so cash less a commission per holding is a floor of what the
      // account can raise: when that floor meets the reserve, no sum is needed.
      if costsAreSane && account.holdings.indices.allSatisfy({ !account.holdings[$0].quantity.isNegative })
        && account.cash - commission * Money(account.holdings.count) >= h.settings.cashReserve
      {
        continue
      }
      var available = account.cash
      for (k, holding) in account.holdings.enumerated() {
        let s = holdingSecurity[a][k]
        guard s >= 0 else { continue }
        let value = (holding.quantity * h.securities[s].price).rounded(places: 2)
        available += value - (value * spread).rounded(places: 2) - h.settings.costs.commission
      }
      if available < h.settings.cashReserve {
        throw PlanError(
          "account '\(account.id)' cannot end with its cash reserve of \(h.settings.cashReserve.formatted(minimumFractionDigits: 2)): "
            + "its cash after flows is \(account.cash.formatted(minimumFractionDigits: 2)) and selling everything it holds "
            + "raises less than the shortfall; reduce the withdrawal")
      }
    }
  }

  /// Market value of each security held, summed over the accounts, in `h.securities` order.
  func householdHoldings(_ h: Household, holdingSecurity: [[Int]]) -> [Money] {
    var values = [Money](filledWith: .zero, count: h.securities.count)
    for a in h.accounts.indices {
      for (k, s) in holdingSecurity[a].enumerated() where s >= 0 {
        values[s] += h.accounts[a].holdings[k].quantity * h.securities[s].price
      }
    }
    return values
  }

  /// ``PlanProblem/locationRanks`` of `h`: the place of each account type in a class's order
  /// (its `location`, else the default of its kind); the order's length when it leaves the
  /// type out.
  func locationRanks(_ h: Household) -> [Int] {
    var ranks: [Int] = []
    ranks.reserveCapacity(3 * h.targets.classes.count)
    let types: [AccountType] = [.taxable, .taxDeferred, .taxExempt]
    for node in h.targets.classes {
      if let order = node.location {
        for type in types { ranks.append(order.firstIndex(of: type) ?? order.count) }
      } else {
        let kind = AssetLocation.kind(of: node.name)
        for type in types { ranks.append(AssetLocation.rank(of: type, in: kind)) }
      }
    }
    return ranks
  }

  /// Cash-flow-only: buy only underweight classes; sell only in accounts that must raise cash.
  func cashFlowLimits(_ h: Household, before: DriftReport) -> (buyable: [Bool], mustRaise: [Money]) {
    let buyable = before.classes.map { $0.actual < $0.target }
    let mustRaise = h.accounts.map { a in max(.zero, h.settings.cashReserve - a.cash) }
    return (buyable, mustRaise)
  }
}
