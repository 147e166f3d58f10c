/// The plan a person without tax awareness would make to reach the same allocation, used to
/// show what the tax-aware plan saves.
///
/// It is the same planner with taxes ignored — the same aims and the same feasible trades
/// (every account pays for itself), but no preference for tax-advantaged accounts and no
/// lot choice — whose sales of each class in each account are spread pro rata over the
/// account's holdings of that class (by value) and relieve lots first in, first out.
struct NaivePlan {
  var household: Household
  var request: PlanRequest

  /// The naive plan's lot sales — a loss that the wash-sale rule disallows (its group bought
  /// within the window before `asOf`, or bought by the plan itself) counts as zero — and
  /// where it leaves the household; `nil` when it cannot be made.
  func sales() -> (sales: [LotSale], after: DriftReport)? {
    var naive = request
    naive.ignoreTaxes = true
    naive.maxTax = nil
    naive.compareWithNaivePlan = false
    guard let plan = try? HouseholdPlanner().plan(household, request: naive) else { return nil }
    let h = household.canonicalized()
    let washSale = WashSaleRule(h)
    let bought = plan.trades.filter { $0.side == .buy }.map(\.symbol)
    var out: [LotSale] = []
    for account in h.accounts where account.type == .taxable {
      var soldByClass: [AssetClassName: Money] = [:]
      for t in plan.trades where t.account == account.id && t.side == .sell { soldByClass[t.assetClass, default: .zero] += t.amount }
      for (cls, sold) in soldByClass.sorted(by: { $0.key < $1.key }) {
        let holdings = account.holdings.compactMap { holding -> (Holding, Security)? in
          guard let s = h.security(holding.symbol), s.assetClass == cls else { return nil }
          return (holding, s)
        }
        let classValue = holdings.reduce(Money.zero) { $0 + $1.0.quantity * $1.1.price }
        guard classValue > .zero else { continue }
        for (holding, security) in holdings where !holding.lots.isEmpty {
          let share = (sold * (holding.quantity * security.price)).divided(by: classValue)
          let quantity = min(holding.quantity, share.divided(by: security.price))
          guard quantity > .zero else { continue }
          let order = holding.lotOrder(.fifo, price: security.price, on: h.asOf, rates: h.tax)
          var parts = holding.relieve(quantity, for: (quantity * security.price).rounded(places: 2), price: security.price, order: order, on: h.asOf)
          let washed = washSale.lossSaleBlocked(holding.symbol) != nil || bought.contains { washSale.isIdentical($0, holding.symbol) }
          if washed {
            for i in parts.indices where parts[i].gain.isNegative { parts[i].cost = parts[i].proceeds }
          }
          out += parts
        }
      }
    }
    return (out, plan.after)
  }
}
