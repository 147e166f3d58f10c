extension Household {
  /// The household after `trades`: holdings and cash change; a sale relieves the lots named in
  /// the trade (or, without them, the oldest first); a purchase adds a lot dated `asOf` whose
  /// basis is its amount plus its cost (only where the holding keeps lots, or is new).
  public func applying(_ trades: [Trade]) -> Household {
    var h = self
    for t in trades {
      guard let a = h.accounts.firstIndex(where: { $0.id == t.account }) else { continue }
      h.accounts[a].cash += t.cashEffect
      if let k = h.accounts[a].holdings.firstIndex(where: { $0.symbol == t.symbol }) {
        h.accounts[a].holdings[k].apply(t, on: asOf)
      } else if t.side == .buy {
        var holding = Holding(symbol: t.symbol, quantity: .zero)
        holding.apply(t, on: asOf)
        h.accounts[a].holdings.append(holding)
        h.accounts[a].holdings.sort { $0.symbol < $1.symbol }
      }
    }
    return h
  }
}

extension Holding {
  mutating func apply(_ t: Trade, on date: CivilDate) {
    switch t.side {
    case .buy:
      if !lots.isEmpty || quantity.isZero {
        lots.append(TaxLot(quantity: t.quantity, cost: t.amount + t.cost, acquired: date))
      }
      quantity += t.quantity
    case .sell:
      quantity -= t.quantity
      guard !lots.isEmpty else { return }
      let named = t.lots.map { (match: Optional($0), quantity: $0.quantity) }
      for part in named.isEmpty ? [(match: nil, quantity: t.quantity)] : named {
        relieve(part.quantity, matching: part.match)
      }
      lots.removeAll { $0.quantity <= .zero }
    }
  }

  /// Takes `quantity` shares out of the lots that match `sale` (by date and id), or oldest first.
  private mutating func relieve(_ quantity: Quantity, matching sale: LotSale?) {
    var remaining = quantity
    for i in lots.indices where remaining > .zero && lots[i].quantity > .zero {
      if let sale, lots[i].acquired != sale.acquired || lots[i].id != sale.lotID { continue }
      let taken = min(remaining, lots[i].quantity)
      let cost = taken == lots[i].quantity
        ? lots[i].cost : (lots[i].cost * taken).divided(by: lots[i].quantity).rounded(places: 2)
      lots[i].quantity -= taken
      lots[i].cost -= cost
      remaining -= taken
    }
  }
}
