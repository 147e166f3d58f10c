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

  /// The naive plan's lot sales and whether it reaches `after`'s allocation.
  func run() -> (sales: [LotSale], reachesSameAllocation: Bool) {
    let h = household
    let leaves = h.targets.classes.enumerated().filter { $0.element.isLeaf && $0.element.name != .cash }
    var sales: [LotSale] = []
    var cash = h.accounts.map { max(.zero, $0.cash - h.settings.cashReserve) }
    var need: [AssetClassName: Money] = [:]
    var bought: [Symbol] = []
    var unsold = Money.zero
    for (k, node) in leaves {
      let change = after.classes[k].value - before.classes[k].value
      if change > .zero { need[node.name] = change }
      guard change.isNegative, before.classes[k].value > .zero else { continue }
      for (a, account) in h.accounts.enumerated() {
        for holding in account.holdings {
          guard let s = h.security(holding.symbol), s.assetClass == node.name else { continue }
          let amount = ((-change) * (holding.quantity * s.price)).divided(by: before.classes[k].value).rounded(places: 2)
          let wanted = min(holding.quantity, amount.divided(by: s.price))
          // Like every plan, the naive one sells no loss lot of a group bought in the window.
          var order = holding.lotOrder(.fifo, price: s.price, on: h.asOf, rates: h.tax)
          if account.type == .taxable, !holding.lots.isEmpty, washSale.lossSaleBlocked(holding.symbol) != nil {
            order.removeAll { holding.lots[$0].cost > holding.lots[$0].quantity * s.price }
          }
          let sellable = holding.lots.isEmpty ? holding.quantity : order.reduce(Quantity.zero) { $0 + holding.lots[$1].quantity }
          let q = min(wanted, sellable)
          if q < wanted { unsold += ((wanted - q) * s.price).rounded(places: 2) }
          guard q > .zero else { continue }
          cash[a] += (q * s.price).rounded(places: 2)
          guard account.type == .taxable, !holding.lots.isEmpty else { continue }
          let parts = holding.relieve(q, for: (q * s.price).rounded(places: 2), price: s.price, order: order, on: h.asOf)
          sales += parts.map { var p = $0; p.lotID = holding.symbol.rawValue; return p }
        }
      }
    }
    // Purchases, account by account, pro rata to what each growing class still needs.
    for (a, account) in h.accounts.enumerated() {
      let buyable = need.keys.sorted().filter { cls in h.securities.contains { $0.assetClass == cls && account.mayBuy($0.symbol) } }
      let total = buyable.reduce(Money.zero) { $0 + (need[$1] ?? .zero) }
      guard total > .zero, cash[a] > .zero else { continue }
      let spend = min(cash[a], total)
      for cls in buyable {
        let amount = (spend * (need[cls] ?? .zero)).divided(by: total).rounded(places: 2)
        need[cls, default: .zero] -= amount
        if let s = h.securities.first(where: { $0.assetClass == cls && account.mayBuy($0.symbol) }) { bought.append(s.symbol) }
      }
    }
    // Losses on groups the naive plan buys back are wash sales too.
    let washed = Set(bought.compactMap { washSale.groupOf[$0] })
    for i in sales.indices where sales[i].gain.isNegative {
      if let symbol = sales[i].lotID.map(Symbol.init), let g = washSale.groupOf[symbol], washed.contains(g) {
        sales[i].cost = sales[i].proceeds
      }
    }
    let shortfall = need.values.reduce(Money.zero) { $0 + max($1, .zero) } + unsold
    let base = max(after.allocationBase.doubleValue, 1)
    return (sales, shortfall.doubleValue / base < 1e-4)
  }
}
