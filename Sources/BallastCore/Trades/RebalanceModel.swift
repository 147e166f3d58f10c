internal import LinearProgramming

/// What a class (or group) is steered to, and how hard.
struct Aim {
  /// The weight the class is steered to: its target, or the nearest band edge.
  var weight: Double
  /// Objective cost per unit of distance from `weight` (see ``RebalanceModel/Weights``).
  var cost: Double
}

/// The household rebalancing problem as one linear program (DESIGN-NOTES "The household
/// planner is a small linear program").
///
/// All amounts are in units of the allocation base B (so the numbers are of order 1).
///
/// Variables, for accounts a, securities s, lots l:
/// - b_as ≥ 0, market value bought (only where the account may buy s);
/// - x_as ≥ 0, ≤ value held, market value sold; in tax-aware taxable accounts its cost is
///   piecewise linear, one segment per lot, cheapest tax per dollar first;
/// - e_a ≥ 0, cash left above the reserve; without a cash target e_a ≤ the idle cash the
///   account starts with, so that nothing is sold just to hold cash;
/// - T = Σ(b + x), total traded (only when there is a spread σ);
/// - p¹_k, n¹_k ∈ [0, band room] and p²_k, n²_k ≥ 0 per class or group k: the distance above
///   and below its aim, inside and outside its band.
///
/// Rows:
/// - cash of account a:  Σ x(1 − σ) − Σ b(1 + σ) − e_a = reserve − cash_a − commissions_a;
/// - class k:  Σ_{s∈k} (b − x) + α_k σ T − (p¹ − n¹ + p² − n²) = α_k (B − K) − V⁰_k,
///   i.e. value after trading − α_k × base after costs, split into its parts (α_k the aim);
/// - cash-flow-only accounts that must raise cash: Σ x(1 − σ) ≤ what they must raise.
///
/// Objective (lexicographic through its weights): band excess ≫ distance from aims ≫ idle
/// cash ≥ turnover (+ tax per dollar of each lot and a tie-break against selling in taxable
/// accounts, when tax-aware) > weak pull toward target of classes that need not move.
struct RebalanceModel {
  /// Objective weights per unit of base. Their ratios make the program lexicographic: no
  /// amount of turnover (at most ≈ 2 per unit of distance closed) outweighs a unit of aim
  /// distance, and no aim outweighs a unit of band excess.
  enum Weights {
    static let bandExcess = 10_000.0
    static let aim = 100.0
    static let idleCash = 3.0
    static let turnover = 1.0
    /// Added per unit sold in a taxable account when the plan is tax-aware.
    static let taxableSale = 0.05
    /// Pull toward target of a class that is inside its band under `toBandEdge`.
    static let weakAim = 0.3
  }

  struct BuyColumn {
    var account: Int
    var security: Int
    var variable: Int
  }

  struct SellColumn {
    var account: Int
    var holding: Int
    var variable: Int
  }

  /// Weight kept between a band edge and the most the program may use of the band (10⁻⁶,
  /// a dollar on a million), so that rounding quantities to shares never crosses the edge.
  static let bandSafety = 1e-6

  var lp: LinearProgram
  var buys: [BuyColumn] = []
  var sells: [SellColumn] = []
  /// Money per model unit (the allocation base).
  let scale: Double
}

/// Everything the model needs, in canonical order.
struct PlanProblem {
  var household: Household
  /// The security of every holding, [account][holding] (−1 for none).
  var holdingSecurity: [[Int]]
  /// For each security, the target nodes (leaf and groups above it) whose value it adds to.
  var nodesOfSecurity: NodeChains
  var aims: [Aim]
  var base: Money
  var spread: Double
  var taxAware: Bool
  /// Cash-flow-only: the classes (nodes) that may be bought, and per account the cash it must raise.
  var cashFlowOnly: (buyable: [Bool], mustRaise: [Money])?
  /// (account, security, side) that may not trade (dropped under minTrade).
  var forbidden: Set<ForbiddenTrade>
  var commissions: [Money]
  /// Lot plans of the taxable holdings with lots in a tax-aware plan, [account][holding].
  var lotPlans: [[LotPlan?]]
  /// Symbols no account may buy (the wash-sale rule: the plan sells their group at a loss).
  var bannedBuys: Set<Symbol> = []
  /// Listed substitutes of the banned symbols, preferred when a class needs another security.
  var preferredSubstitutes: Set<Symbol> = []
  /// The most estimated tax the plan may cost; the program then gets a tax row.
  var maxTax: Money?
  /// Value of every target node before trading (the drift report's values).
  var nodeValues: [Money]
  /// The place of each account type in the asset-location order of every target node
  /// (`HouseholdPlanner.locationRanks`), [node × 3 + ``AccountType/locationSlot``]; empty when taxes are ignored.
  var locationRanks: [Int]
  /// Value of each security held across the household, for choosing what to buy.
  var householdHoldings: [Money]
  /// Whether account a's menu allows security s, [account][security].
  var menuAllows: [[Bool]]

  struct ForbiddenTrade: Hashable {
    var account: Int
    var symbol: Symbol
    var side: TradeSide
  }
}

extension RebalanceModel {
  /// The program of `p`, built in the storage of `spare` (a program no longer needed).
  init(_ p: PlanProblem, reusing spare: LinearProgram = LinearProgram()) {
    scale = max(p.base.doubleValue, 1e-9)
    let h = p.household
    let sigma = p.spread
    let classCount = h.targets.classes.count
    let accountCount = h.accounts.count
    let holdingCount = h.accounts.reduce(0) { $0 + $1.holdings.count }
    let depth = p.nodesOfSecurity.maxDepth
    let columnsGuess = holdingCount + accountCount * (classCount + 1) + 4 * classCount + 1
    lp = spare
    lp.removeAll(keepingCapacity: true)
    lp.reserveCapacity(variables: columnsGuess, rows: 2 * accountCount + classCount + 2, coefficients: columnsGuess * (depth + 4))
    buys.reserveCapacity(accountCount * classCount)
    sells.reserveCapacity(holdingCount)

    // The rows first, in a fixed order (tax, then each account's cash and raise rows, then
    // the traded row, then each class), so that each column's coefficients go in as it is made.
    let taxRow = p.maxTax != nil && Self.hasTaxedSegment(p) ? lp.addRow(.lessOrEqual, max(0, p.maxTax!.doubleValue) / scale, hint: .slack) : -1
    var cashRow = [Int](filledWith: -1, count: accountCount)
    var raiseRow = [Int](filledWith: -1, count: accountCount)
    for a in 0..<accountCount {
      cashRow[a] = lp.addRow(.equal)
      if let cf = p.cashFlowOnly, cf.mustRaise[a] > .zero {
        raiseRow[a] = lp.addRow(.lessOrEqual, (cf.mustRaise[a] + p.commissions[a]).doubleValue / scale, hint: .slack)
      }
    }
    let tradedRow = sigma > 0 ? lp.addRow(.equal, 0) : -1
    let firstClassRow = lp.constraintCount
    for _ in 0..<classCount { lp.addRow(.equal) }

    let (candidates, candidateStart) = Self.purchaseCandidates(p)
    // Indices, not copies of the accounts and holdings: this loop runs once per solve.
    for a in h.accounts.indices {
      let type = h.accounts[a].type
      let mustRaise = p.cashFlowOnly.map { $0.mustRaise[a] > .zero }
      for c in candidateStart[a]..<candidateStart[a + 1] {
        let s = candidates[c]
        if let cf = p.cashFlowOnly {
          if mustRaise == true || !(p.nodesOfSecurity[s].first.map { cf.buyable[$0] } ?? false) { continue }
        }
        let v = lp.addVariable(cost: Weights.turnover + (p.taxAware ? Self.locationCost(p, type: type, security: s) : 0))
        buys.append(BuyColumn(account: a, security: s, variable: v))
        lp.addCoefficient(-(1 + sigma), row: cashRow[a], variable: v)
        for k in p.nodesOfSecurity[s] { lp.addCoefficient(1, row: firstClassRow + k, variable: v) }
        if sigma > 0 { lp.addCoefficient(-1, row: tradedRow, variable: v) }
      }
      for hIndex in h.accounts[a].holdings.indices {
        let s = p.holdingSecurity[a][hIndex]
        let quantity = h.accounts[a].holdings[hIndex].quantity
        guard s >= 0, quantity > .zero else { continue }
        if !p.forbidden.isEmpty && p.forbidden.contains(.init(account: a, symbol: h.accounts[a].holdings[hIndex].symbol, side: .sell)) { continue }
        if mustRaise == false { continue }
        let price = h.securities[s].price
        func addSale(_ v: Int, tax: Double) {
          sells.append(SellColumn(account: a, holding: hIndex, variable: v))
          if tax > 0 { lp.addCoefficient(tax, row: taxRow, variable: v) }
          lp.addCoefficient(1 - sigma, row: cashRow[a], variable: v)
          if raiseRow[a] >= 0 { lp.addCoefficient(1 - sigma, row: raiseRow[a], variable: v) }
          if sigma > 0 { lp.addCoefficient(-1, row: tradedRow, variable: v) }
          for k in p.nodesOfSecurity[s] { lp.addCoefficient(-1, row: firstClassRow + k, variable: v) }
        }
        if let plan = p.lotPlans[a][hIndex] {
          // One column per holding, its lots as segments (cheapest tax per dollar first); with
          // a tax limit, one column per lot so that the tax row can weigh each.
          guard !plan.segments.isEmpty else { continue }
          if p.maxTax != nil {
            for seg in plan.segments {
              addSale(lp.addVariable(cost: Weights.turnover + seg.cost, upper: seg.value.doubleValue / scale), tax: seg.taxPerDollar)
            }
          } else {
            for seg in plan.segments { lp.appendSegment(length: seg.value.doubleValue / scale, cost: Weights.turnover + seg.cost) }
            addSale(lp.endVariable(), tax: 0)
          }
        } else {
          let extra = p.taxAware && type == .taxable ? Weights.taxableSale : 0
          addSale(lp.addVariable(cost: Weights.turnover + extra, upper: (quantity * price).doubleValue / scale), tax: 0)
        }
      }
    }
    addCashVariables(p, cashRow: cashRow, firstClassRow: firstClassRow)
    let totalCommission = p.commissions.reduce(Money.zero, +).doubleValue / scale
    if sigma > 0 {
      let t = lp.addVariable(cost: 0)
      lp.addCoefficient(1, row: tradedRow, variable: t)
      lp.setRow(tradedRow, rhs: 0, hint: .variable(t))
      for k in 0..<classCount { lp.addCoefficient(p.aims[k].weight * sigma, row: firstClassRow + k, variable: t) }
    }
    addClassVariables(p, firstClassRow: firstClassRow, totalCommission: totalCommission)
  }

  /// Whether some sale column would weigh in the tax row (a lot sold at a gain): the column
  /// loop of `init` with the same skips, run first so that the tax row can come first.
  static func hasTaxedSegment(_ p: PlanProblem) -> Bool {
    let h = p.household
    for (a, account) in h.accounts.enumerated() {
      if let cf = p.cashFlowOnly, !(cf.mustRaise[a] > .zero) { continue }
      for (k, holding) in account.holdings.enumerated() {
        guard p.holdingSecurity[a][k] >= 0, holding.quantity > .zero, let plan = p.lotPlans[a][k] else { continue }
        if p.forbidden.contains(.init(account: a, symbol: holding.symbol, side: .sell)) { continue }
        if plan.segments.contains(where: { $0.taxPerDollar > 0 }) { return true }
      }
    }
    return false
  }

  /// For every account, the one security per asset class it would buy: securities of a class are
  /// interchangeable in the program, so one column per (account, class) is enough. The pick:
  /// allowed, not forbidden and not banned by the wash-sale rule; among those, the one the
  /// account holds most of (by value), then a listed substitute of a banned security, then the
  /// one the household holds most of, then the first by symbol — adding to positions rather
  /// than opening new ones. Account a's picks are `candidates[start[a]..<start[a+1]]`, in
  /// security order.
  static func purchaseCandidates(_ p: PlanProblem) -> (candidates: [Int], start: [Int]) {
    let h = p.household
    let securityCount = h.securities.count
    // Per leaf class, the best security so far (−1 for none); per security, its value here.
    var best = [Int](filledWith: -1, count: h.targets.classes.count)
    var heldHere = [Money](filledWith: .zero, count: securityCount)
    // Preferred substitutes and banned symbols, by security (empty when there are none).
    let marks = !p.preferredSubstitutes.isEmpty || !p.bannedBuys.isEmpty
    var substitute = [Bool](filledWith: false, count: marks ? securityCount : 0)
    var blocked = [Bool](filledWith: false, count: marks ? securityCount : 0)
    if marks {
      for s in 0..<securityCount {
        substitute[s] = p.preferredSubstitutes.contains(h.securities[s].symbol)
        blocked[s] = p.bannedBuys.contains(h.securities[s].symbol)
      }
    }
    // The leaf of each security (−1 for none), read once rather than per account.
    var leafOf = [Int](filledWith: -1, count: securityCount)
    for s in 0..<securityCount { leafOf[s] = p.nodesOfSecurity[s].first ?? -1 }
    var result: [Int] = []
    result.reserveCapacity(h.accounts.count * best.count)
    var start: [Int] = [0]
    start.reserveCapacity(h.accounts.count + 1)
    for a in h.accounts.indices {
      for k in best.indices { best[k] = -1 }
      for s in 0..<securityCount { heldHere[s] = .zero }
      for k in p.holdingSecurity[a].indices where p.holdingSecurity[a][k] >= 0 {
        let s = p.holdingSecurity[a][k]
        heldHere[s] = h.accounts[a].holdings[k].quantity * h.securities[s].price
      }
      for s in 0..<securityCount where p.menuAllows[a][s] && !(marks && blocked[s]) {
        let leaf = leafOf[s]
        guard leaf >= 0 else { continue }
        if !p.forbidden.isEmpty && p.forbidden.contains(.init(account: a, symbol: h.securities[s].symbol, side: .buy)) { continue }
        let current = best[leaf]
        if current >= 0 {
          // Better: held here more, then a preferred substitute, then held more by the household.
          let better: Bool
          if heldHere[s] != heldHere[current] {
            better = heldHere[s] > heldHere[current]
          } else if marks && substitute[s] != substitute[current] {
            better = substitute[s]
          } else {
            better = p.householdHoldings[s] > p.householdHoldings[current]
          }
          if !better { continue }
        }
        best[leaf] = s
      }
      // The picks (one per class) in security order.
      let first = result.count
      for s in best where s >= 0 { result.appendInOrder(s, from: first, by: <) }
      start.append(result.count)
    }
    return (result, start)
  }

  /// Asset location: 0.01 per place the account's type stands below the first in the class's
  /// preferred order — enough to choose among equal purchases, never enough to cause a trade.
  static func locationCost(_ p: PlanProblem, type: AccountType, security s: Int) -> Double {
    guard let leaf = p.nodesOfSecurity[s].first else { return 0 }
    return 0.01 * Double(p.locationRanks[3 * leaf + type.locationSlot])
  }

  /// The idle-cash variable of every account, and its cash row's right-hand side.
  private mutating func addCashVariables(_ p: PlanProblem, cashRow: [Int], firstClassRow: Int) {
    let h = p.household
    let cashNode = h.targets.classes.firstIndex { $0.name == .cash }
    for (a, account) in h.accounts.enumerated() {
      // Without a cash target, sales never add to idle cash: e_a ≤ max(0, cash_a − reserve − commissions_a).
      let idleNow = max(0, (account.cash - h.settings.cashReserve - p.commissions[a]).doubleValue / scale)
      let e = lp.addVariable(cost: cashNode == nil ? Weights.idleCash : 0, upper: cashNode == nil ? idleNow : .infinity)
      lp.addCoefficient(-1, row: cashRow[a], variable: e)
      if let cashNode { lp.addCoefficient(1, row: firstClassRow + cashNode, variable: e) }
      let rhs = (h.settings.cashReserve - account.cash + p.commissions[a]).doubleValue / scale
      lp.setRow(cashRow[a], rhs: rhs, hint: .variable(e))
    }
  }

  /// The deviation variables of every class and group, and its row's right-hand side.
  private mutating func addClassVariables(_ p: PlanProblem, firstClassRow: Int, totalCommission: Double) {
    let h = p.household
    let values = p.nodeValues
    let reserves = h.targets.hasCashClass ? Double(h.accounts.count) * h.settings.cashReserve.doubleValue / scale : 0
    let baseAfterCommission = p.base.doubleValue / scale - totalCommission
    for (k, node) in h.targets.classes.enumerated() {
      let aim = p.aims[k]
      let (lower, upper) = node.edges
      let row = firstClassRow + k
      let v0 = node.name == .cash ? reserves : values[k].doubleValue / scale
      // The rooms are measured on the base before spread costs, which can shrink it by up to
      // 2σ (turnover is at most 2); shrinking them by that much, and by ``bandSafety`` for the
      // rounding of quantities, keeps a class that ends inside its band in the program inside
      // it after costs and rounding too.
      let shrink = 1 - 2 * p.spread
      let roomAbove = max(0, (upper - aim.weight) * shrink - Self.bandSafety)
      let roomBelow = max(0, (aim.weight - lower) * shrink - Self.bandSafety)
      if roomAbove > 0 { lp.addCoefficient(-1, row: row, variable: lp.addVariable(cost: aim.cost, upper: roomAbove)) }
      if roomBelow > 0 { lp.addCoefficient(1, row: row, variable: lp.addVariable(cost: aim.cost, upper: roomBelow)) }
      let above = lp.addVariable(cost: aim.cost + Weights.bandExcess)
      let below = lp.addVariable(cost: aim.cost + Weights.bandExcess)
      lp.addCoefficient(-1, row: row, variable: above)
      lp.addCoefficient(1, row: row, variable: below)
      let rhs = aim.weight * baseAfterCommission - v0
      // Start with the whole distance from the aim outside the band: always feasible.
      lp.setRow(row, rhs: rhs, hint: .variable(rhs < 0 ? above : below))
    }
  }
}

extension AccountType {
  /// 0, 1, 2 for taxable, taxDeferred, taxExempt: where a type's entry stands in a table of three.
  var locationSlot: Int {
    switch self {
    case .taxable: 0
    case .taxDeferred: 1
    case .taxExempt: 2
    }
  }
}
