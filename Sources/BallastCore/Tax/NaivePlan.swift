/// The plan a person without tax awareness would make to reach the same allocation: every
/// class that shrinks is sold pro rata across all the accounts that hold it (by value), and
/// each taxable sale relieves its lots first in, first out. Only its tax is computed, to show
/// what the tax-aware plan saves.
struct NaivePlan {
  var household: Household
  var before: DriftReport
  var after: DriftReport

  /// The lot sales of the naive plan.
  func sales() -> [LotSale] {
    let h = household
    var out: [LotSale] = []
    for (k, node) in h.targets.classes.enumerated() where node.isLeaf && node.name != .cash {
      let reduction = before.classes[k].value - after.classes[k].value
      guard reduction > .zero, before.classes[k].value > .zero else { continue }
      for account in h.accounts where account.type == .taxable {
        for holding in account.holdings where !holding.lots.isEmpty {
          guard let s = h.security(holding.symbol), s.assetClass == node.name else { continue }
          let value = holding.quantity * s.price
          let sold = (reduction * value).divided(by: before.classes[k].value).rounded(places: 2)
          let quantity = min(holding.quantity, sold.divided(by: s.price))
          guard quantity > .zero else { continue }
          let order = holding.lotOrder(.fifo, price: s.price, on: h.asOf, rates: h.tax)
          out += holding.relieve(quantity, for: (quantity * s.price).rounded(places: 2), price: s.price, order: order, on: h.asOf)
        }
      }
    }
    return out
  }

  func estimatedTax() -> Money { TaxSummary(sales: sales(), rates: household.tax).estimatedTax }
}
