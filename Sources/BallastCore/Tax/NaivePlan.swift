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

  /// The naive plan's lot sales and whether it reaches `after`'s allocation.
  func run() -> (sales: [LotSale], reachesSameAllocation: Bool) {
    let h = household
    let nodes = h.targets.classes
    // The leaf node of each security (−1 when its class has no target).
    let leafOfSecurity = h.securities.map { s in nodes.firstIndex { $0.isLeaf && $0.name == s.assetClass } ?? -1 }
    var sales: [LotSale] = []
    var cash = h.accounts.map { max(.zero, $0.cash - h.settings.cashReserve) }
    // What each growing leaf still needs (nil for the classes that do not grow).
    var need = [Money?](repeating: nil, count: nodes.count)
    var bought: [Symbol] = []
    var unsold = Money.zero
    for (k, node) in nodes.enumerated() where node.isLeaf && node.name != .cash {
      let change = after.classes[k].value - before.classes[k].value
      if change > .zero { need[k] = change }
      guard change.isNegative, before.classes[k].value > .zero else { continue }
      for (a, account) in h.accounts.enumerated() {
        for (hIndex, holding) in account.holdings.enumerated() {
          let si = holdingSecurity[a][hIndex]
          guard si >= 0, leafOfSecurity[si] == k else { continue }
          let price = h.securities[si].price
          let amount = ((-change) * (holding.quantity * price)).divided(by: before.classes[k].value).rounded(places: 2)
          let wanted = min(holding.quantity, amount.divided(by: price))
          // Like every plan, the naive one sells no loss lot of a group bought in the window.
          var order = holding.lotOrder(.fifo, price: price, on: h.asOf, rates: h.tax)
          if account.type == .taxable, !holding.lots.isEmpty, !washSale.recentPurchase.isEmpty,
            washSale.lossSaleBlocked(holding.symbol) != nil
          {
            order.removeAll { holding.lots[$0].cost > holding.lots[$0].quantity * price }
          }
          let sellable = holding.lots.isEmpty ? holding.quantity : order.reduce(Quantity.zero) { $0 + holding.lots[$1].quantity }
          let q = min(wanted, sellable)
          if q < wanted { unsold += ((wanted - q) * price).rounded(places: 2) }
          guard q > .zero else { continue }
          cash[a] += (q * price).rounded(places: 2)
          guard account.type == .taxable, !holding.lots.isEmpty else { continue }
          let parts = holding.relieve(q, for: (q * price).rounded(places: 2), price: price, order: order, on: h.asOf)
          for var part in parts {
            part.lotID = holding.symbol.rawValue
            sales.append(part)
          }
        }
      }
    }
    // Purchases, account by account, pro rata to what each growing class still needs, the
    // classes taken in name order.
    let growing = need.indices.filter { need[$0] != nil }.sorted { nodes[$0].name < nodes[$1].name }
    if !growing.isEmpty {
      // The first security of each class the account may buy.
      var firstBuyable = [Int](repeating: -1, count: nodes.count)
      for a in h.accounts.indices {
        for k in firstBuyable.indices { firstBuyable[k] = -1 }
        for s in h.securities.indices.reversed() where menuAllows[a][s] && leafOfSecurity[s] >= 0 { firstBuyable[leafOfSecurity[s]] = s }
        let buyable = growing.filter { firstBuyable[$0] >= 0 }
        let total = buyable.reduce(Money.zero) { $0 + (need[$1] ?? .zero) }
        guard total > .zero, cash[a] > .zero else { continue }
        let spend = min(cash[a], total)
        for k in buyable {
          let amount = (spend * (need[k] ?? .zero)).divided(by: total).rounded(places: 2)
          need[k] = (need[k] ?? .zero) - amount
          bought.append(h.securities[firstBuyable[k]].symbol)
        }
      }
    }
    // Losses on groups the naive plan buys back are wash sales too.
    let washed = sales.contains { $0.gain.isNegative } ? Set(bought.compactMap { washSale.groupIndex(of: $0) }) : []
    for i in sales.indices where sales[i].gain.isNegative {
      if let symbol = sales[i].lotID.map(Symbol.init), let g = washSale.groupIndex(of: symbol), washed.contains(g) {
        sales[i].cost = sales[i].proceeds
      }
    }
    let shortfall = need.reduce(Money.zero) { $0 + max($1 ?? .zero, .zero) } + unsold
    let base = max(after.allocationBase.doubleValue, 1)
    return (sales, shortfall.doubleValue / base < 1e-4)
  }
}
