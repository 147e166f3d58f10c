/// Turns the solver's market values into orders: whole or fractional share quantities, exact
/// amounts and costs, with every account's cash kept at or above its reserve.
///
/// This is the one crossing from solver `Double`s back to exact money. The rule:
/// - quantity = amount / price rounded half-even to whole shares, or to
///   ``fractionalPlaces`` decimals; a sale within half a step of the whole holding sells it all,
///   and no sale exceeds the holding;
/// - amount = quantity × price rounded half-even to cents; cost = commission +
///   amount × spread rounded half-even to cents;
/// - if rounding leaves an account below its reserve, its largest purchase shrinks a step at a
///   time (then, with no purchase left, its largest sale grows) until the cash is enough.
struct LotSizing {
  /// Decimals of a fractional share.
  static let fractionalPlaces = 6

  var wholeShares: Bool
  var spread: FixedDecimal
  var commission: Money

  var places: Int { wholeShares ? 0 : Self.fractionalPlaces }
  var step: Quantity { wholeShares ? 1 : Quantity(raw: FixedDecimal.scale / 1_000_000) }

  func sellQuantity(amount: Double, price: Price, held: Quantity) -> Quantity {
    let shares = amount / price.doubleValue
    if shares >= held.doubleValue - step.doubleValue / 2 { return held }
    return min(held, FixedDecimal(shares, places: places) ?? .zero)
  }

  func buyQuantity(amount: Double, price: Price) -> Quantity {
    FixedDecimal(amount / price.doubleValue, places: places) ?? .zero
  }

  func amount(_ quantity: Quantity, _ price: Price) -> Money { (quantity * price).rounded(places: 2) }

  func cost(of amount: Money) -> Money { spread.isZero ? commission : commission + (amount * spread).rounded(places: 2) }

  /// An order being sized.
  struct Order {
    var symbol: Symbol
    var side: TradeSide
    var quantity: Quantity
    var price: Price
    var held: Quantity
  }

  func cashAfter(_ orders: [Order], startingCash: Money) -> Money {
    var cash = startingCash
    for o in orders where o.quantity > .zero {
      let a = amount(o.quantity, o.price)
      cash += o.side == .sell ? a - cost(of: a) : -a - cost(of: a)
    }
    return cash
  }

  /// Shrinks purchases (then grows sales) until the account ends with at least `reserve`.
  /// Returns false when even that cannot reach the reserve.
  func repair(_ orders: inout [Order], startingCash: Money, reserve: Money) -> Bool {
    var guardSteps = 0
    while true {
      let cash = cashAfter(orders, startingCash: startingCash)
      guard cash < reserve else { break }
      guardSteps += 1
      let deficit = reserve - cash
      if let i = orders.indices.filter({ orders[$0].side == .buy && orders[$0].quantity > .zero })
        .max(by: { amount(orders[$0].quantity, orders[$0].price) < amount(orders[$1].quantity, orders[$1].price) })
      {
        let needed = wholeShares ? step : max(step, deficit.divided(by: orders[i].price, rounding: .up).rounded(places: places, .up))
        orders[i].quantity = max(.zero, orders[i].quantity - needed)
      } else if let i = orders.indices.first(where: { orders[$0].side == .sell && orders[$0].quantity < orders[$0].held }) {
        orders[i].quantity = min(orders[i].held, orders[i].quantity + step)
      } else {
        return false
      }
      if guardSteps > 100_000 { return false }
    }
    return true
  }
}
