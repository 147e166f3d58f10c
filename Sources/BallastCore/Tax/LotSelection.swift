/// The order in which the lots of a holding are sold.
public enum LotSelection: String, Sendable, Hashable, CaseIterable {
  /// Oldest first.
  case fifo
  /// Highest cost per share first.
  case hifo
  /// Losses first (short-term before long-term, largest loss per dollar first), then gains in
  /// order of the tax they cost per dollar raised, a short-term gain at the short-term rate.
  case taxOptimal
  /// The lots named in `tax.specificLots`, in that order, then tax-optimal.
  case specific
}

extension TaxLot {
  /// Long-term when held more than one year at `date`: sold after the first anniversary.
  public func term(at date: CivilDate) -> LotSale.Term {
    date > firstAnniversary ? .long : .short
  }

  /// One year after `acquired` (Feb 28 for a lot bought on Feb 29): sold after this day, the
  /// lot is long-term.
  var firstAnniversary: CivilDate { acquired.adding(years: 1) }

  /// Tax per dollar raised by selling this lot at `price`: (1 − cost per share / price) × rate.
  /// Negative for a loss (its tax value). The boundary from exact money to a `Double` ranking.
  public func taxPerDollar(at price: Price, on date: CivilDate, rates: TaxSettings) -> Double {
    let value = (quantity * price).doubleValue
    guard value > 0 else { return 0 }
    let gainFraction = 1 - cost.doubleValue / value
    return gainFraction * (term(at: date) == .long ? rates.longTermRate : rates.shortTermRate)
  }
}

extension Holding {
  /// Indices of `lots` in the order `selection` sells them (ties broken by date, then index).
  public func lotOrder(_ selection: LotSelection, price: Price, on date: CivilDate, rates: TaxSettings) -> [Int] {
    if selection == .fifo && lots.isSortedByDate {
      return Array(lots.indices)  // already oldest first (the canonical order)
    }
    func key(_ i: Int) -> (Int, Double) {
      let lot = lots[i]
      switch selection {
      case .fifo: return (0, 0)
      case .hifo: return (0, -lot.cost.divided(by: lot.quantity).doubleValue)
      case .specific:
        if let id = lot.id, let rank = rates.specificLots.firstIndex(of: id) { return (-1, Double(rank)) }
        fallthrough
      case .taxOptimal:
        let t = lot.taxPerDollar(at: price, on: date, rates: rates)
        if t < 0 { return (lot.term(at: date) == .short ? 0 : 1, t) }
        return (2, t)
      }
    }
    let keys = lots.indices.map(key)
    return lots.indices.sorted { a, b in
      if keys[a].0 != keys[b].0 { return keys[a].0 < keys[b].0 }
      if keys[a].1 != keys[b].1 { return keys[a].1 < keys[b].1 }
      if lots[a].acquired != lots[b].acquired { return lots[a].acquired < lots[b].acquired }
      return a < b
    }
  }

  /// The lot sales that relieve `quantity` shares sold for `amount`, in `order`.
  ///
  /// Each part's basis is the lot's cost × shares sold / lot shares, rounded half-even to
  /// cents (the whole cost when the lot is sold out); proceeds are price × shares rounded
  /// the same way, the last part taking the remainder so that proceeds add up to `amount`.
  public func relieve(
    _ quantity: Quantity, for amount: Money, price: Price, order: [Int], on date: CivilDate
  ) -> [LotSale] {
    relieve(quantity, for: amount, price: price, lotsInOrder: order, reserving: order.count, on: date)
  }

  /// ``relieve(_:for:price:order:on:)`` with the order as any sequence of lot indices (such
  /// as ``LotPlan/order``, a view that is not an array), and room for `capacity` sales.
  func relieve<Order: Sequence<Int>>(
    _ quantity: Quantity, for amount: Money, price: Price, lotsInOrder order: Order, reserving capacity: Int, on date: CivilDate
  ) -> [LotSale] {
    var sales: [LotSale] = []
    sales.reserveCapacity(capacity)
    forEachReliefPart(quantity, for: amount, price: price, order: order) { i, taken, cost, proceeds in
      sales.append(LotSale(lotID: lots[i].id, acquired: lots[i].acquired, quantity: taken, cost: cost, proceeds: proceeds, term: lots[i].term(at: date)))
      return true
    }
    return sales
  }

  /// Whether ``relieve(_:for:price:order:on:)`` would sell some part at a loss (with no list
  /// of sales).
  func relievesAtLoss<Order: Sequence<Int>>(_ quantity: Quantity, for amount: Money, price: Price, order: Order) -> Bool {
    var loss = false
    forEachReliefPart(quantity, for: amount, price: price, order: order) { _, _, cost, proceeds in
      loss = (proceeds - cost).isNegative
      return !loss
    }
    return loss
  }

  /// The arithmetic of ``relieve(_:for:price:order:on:)``, part by part: `body` gets the
  /// lot's index, the shares taken, their basis and their proceeds, and returns false to stop.
  @inline(__always)
  func forEachReliefPart<Order: Sequence<Int>>(
    _ quantity: Quantity, for amount: Money, price: Price, order: Order,
    _ body: (_ lot: Int, _ taken: Quantity, _ cost: Money, _ proceeds: Money) -> Bool
  ) {
    var remaining = quantity
    var proceedsSoFar = Money.zero
    for i in order where remaining > .zero {
      let taken = min(remaining, lots[i].quantity)
      remaining -= taken
      let cost = taken == lots[i].quantity ? lots[i].cost : (lots[i].cost * taken).divided(by: lots[i].quantity).rounded(places: 2)
      let proceeds = remaining > .zero ? (taken * price).rounded(places: 2) : amount - proceedsSoFar
      proceedsSoFar += proceeds
      if !body(i, taken, cost, proceeds) { return }
    }
  }
}

extension Array where Element == TaxLot {
  /// Whether the lots stand oldest first (as the canonical order puts them).
  var isSortedByDate: Bool {
    var i = 1
    while i < count {
      if self[i].acquired < self[i - 1].acquired { return false }
      i += 1
    }
    return true
  }
}
