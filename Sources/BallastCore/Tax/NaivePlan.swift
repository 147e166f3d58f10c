/// The plan a person without tax awareness would make to reach the same allocation, used to
/// show what the tax-aware plan saves.
///
/// Every class that shrinks is sold pro rata across all the holdings of it, in every account
/// (by value); each taxable sale relieves its lots first in, first out, skipping loss lots that
/// the wash-sale rule keeps (its group bought in the window before `asOf`); a loss on a group
/// the naive plan buys back counts as zero (a wash sale). Each account then spends its own cash and proceeds on the classes that grow, pro
/// rata to what they still need, among the securities its menu allows — so the naive plan is
/// self-financing too, and may fall short of the allocation where menus stand in its way
/// (``TaxSummary/naiveReachesSameAllocation`` says whether it got there).
struct NaivePlan {
  var household: Household
  var before: DriftReport
  var after: DriftReport
  var washSale: WashSaleRule
  /// The security of every holding, [account][holding] (−1 for none).
  var holdingSecurity: [[Int]]
  /// Whether account a's menu allows security s, [account][security].
  var menuAllows: [[Bool]]

  /// The naive plan's tax summary and whether it reaches `after`'s allocation.
  ///
  /// The tax reads only the gains and losses by term, so the lot sales are summed as they
  /// are made, losses kept apart by wash-sale group until the purchases say which groups
  /// are bought back.
  func run() -> (tax: TaxSummary, reachesSameAllocation: Bool) {
    let h = household
    let nodes = h.targets.classes
    let securityCount = h.securities.count
    // The leaf node of each security (−1 when its class has no target).
    var leafOfSecurity = [Int](filledWith: -1, count: securityCount)
    for s in 0..<securityCount {
      leafOfSecurity[s] = nodes.indices.first { nodes[$0].isLeaf && nodes[$0].name == h.securities[s].assetClass } ?? -1
    }
    // The wash-sale group of each security, if the rule knows it.
    let knowsGroups = washSale.groupOfSecurity.count == securityCount
    var totals = TermTotals()
    // Losses by the group of the security sold ([group][0 short, 1 long]); a group bought
    // back by the naive plan loses them (a wash sale).
    var groupLosses = [Money](filledWith: .zero, count: knowsGroups ? 2 * securityCount : 0)
    var boughtGroup = [Bool](filledWith: false, count: knowsGroups ? securityCount : 0)
    var cash = h.accounts.map { max(.zero, $0.cash - h.settings.cashReserve) }
    // What each growing leaf still needs (nil for the classes that do not grow).
    var need = [Money?](filledWith: nil, count: nodes.count)
    var unsold = Money.zero
    // Classes, accounts and holdings are read by index, in place (not copied).
    for k in nodes.indices where nodes[k].isLeaf && nodes[k].name != .cash {
      let change = after.classes[k].value - before.classes[k].value
      if change > .zero { need[k] = change }
      guard change.isNegative, before.classes[k].value > .zero else { continue }
      for a in h.accounts.indices {
        let type = h.accounts[a].type
        for hIndex in h.accounts[a].holdings.indices {
          let si = holdingSecurity[a][hIndex]
          guard si >= 0, leafOfSecurity[si] == k else { continue }
          let holding = h.accounts[a].holdings[hIndex]
          let price = h.securities[si].price
          let amount = ((-change) * (holding.quantity * price)).divided(by: before.classes[k].value).rounded(places: 2)
          let wanted = min(holding.quantity, amount.divided(by: price))
          // Like every plan, the naive one sells no loss lot of a group bought in the window.
          let skipsLossLots = type == .taxable && !holding.lots.isEmpty && !washSale.recentPurchase.isEmpty
            && washSale.lossSaleBlocked(holding.symbol) != nil
          // First in, first out: the canonical lot order is oldest first, unless the lots
          // are out of date order (then the order of `lotOrder`).
          let order: [Int]? = holding.lots.isSortedByDate ? nil : holding.lotOrder(.fifo, price: price, on: h.asOf, rates: h.tax)
          let lotCount = holding.lots.count
          func lot(_ p: Int) -> Int { order?[p] ?? p }
          func skipped(_ i: Int) -> Bool { skipsLossLots && holding.lots[i].cost > holding.lots[i].quantity * price }
          // The lots it may sell, in the order it sells them.
          let sold = (0..<lotCount).lazy.map(lot).filter { !skipped($0) }
          var sellable = Quantity.zero
          if holding.lots.isEmpty {
            sellable = holding.quantity
          } else {
            for i in sold { sellable += holding.lots[i].quantity }
          }
          let q = min(wanted, sellable)
          if q < wanted { unsold += ((wanted - q) * price).rounded(places: 2) }
          guard q > .zero else { continue }
          let proceedsTotal = (q * price).rounded(places: 2)
          cash[a] += proceedsTotal
          guard type == .taxable, !holding.lots.isEmpty else { continue }
          // The lot sales, summed instead of listed.
          let group = knowsGroups ? washSale.group(ofSecurity: si) : -1
          holding.forEachReliefPart(q, for: proceedsTotal, price: price, order: sold) { i, _, cost, proceeds in
            let gain = proceeds - cost
            let term = holding.lots[i].term(at: h.asOf)
            if gain.isNegative && group >= 0 {
              groupLosses[2 * group + (term == .short ? 0 : 1)] += gain
            } else {
              totals.add(gain, term: term)
            }
            return true
          }
        }
      }
    }
    // Purchases, account by account, pro rata to what each growing class still needs, the
    // classes taken in name order.
    var growing: [Int] = []
    for k in need.indices where need[k] != nil { growing.appendInOrder(k) { nodes[$0].name < nodes[$1].name } }
    if !growing.isEmpty {
      // The first security of each class the account may buy.
      var firstBuyable = [Int](filledWith: -1, count: nodes.count)
      for a in h.accounts.indices {
        for k in firstBuyable.indices { firstBuyable[k] = -1 }
        for s in h.securities.indices.reversed() where menuAllows[a][s] && leafOfSecurity[s] >= 0 { firstBuyable[leafOfSecurity[s]] = s }
        var total = Money.zero
        for k in growing where firstBuyable[k] >= 0 { total += need[k] ?? .zero }
        guard total > .zero, cash[a] > .zero else { continue }
        let spend = min(cash[a], total)
        for k in growing where firstBuyable[k] >= 0 {
          let amount = (spend * (need[k] ?? .zero)).divided(by: total).rounded(places: 2)
          need[k] = (need[k] ?? .zero) - amount
          if knowsGroups { boughtGroup[washSale.group(ofSecurity: firstBuyable[k])] = true }
        }
      }
    }
    // Losses on groups the naive plan buys back are wash sales: they count as zero.
    for g in boughtGroup.indices where !boughtGroup[g] {
      totals.add(groupLosses[2 * g], term: .short)
      totals.add(groupLosses[2 * g + 1], term: .long)
    }
    let shortfall = need.reduce(Money.zero) { $0 + max($1 ?? .zero, .zero) } + unsold
    let base = max(after.allocationBase.doubleValue, 1)
    return (TaxSummary(totals, rates: h.tax), shortfall.doubleValue / base < 1e-4)
  }
}
