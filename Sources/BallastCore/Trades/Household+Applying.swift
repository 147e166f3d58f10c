extension Household {
  /// The household after `trades`: holdings and cash change; a sale relieves the lots named in
  /// the trade (or, without them, the oldest first); a purchase adds a lot dated `asOf` whose
  /// basis is its amount plus its cost (only where the holding keeps lots, or is new).
  public func applying(_ trades: [Trade]) -> Household {
    applyingEach(trades) { holding, i in holding.apply(trades[i], on: asOf) }
  }

  /// The household after `trades` with only quantities and cash changed: the lots are left
  /// as they were (stale), so the result serves to value the accounts and to explain the
  /// plan, never to read lots. The cheapest form of ``applying(_:)``.
  func applyingQuantities(_ trades: [Trade]) -> Household {
    applyingEach(trades) { holding, i in holding.quantity += trades[i].side == .buy ? trades[i].quantity : -trades[i].quantity }
  }

  /// Moves each trade's cash effect into its account and hands its holding to `update` with
  /// the trade's index (a new, empty holding for a first purchase, kept in symbol order).
  private func applyingEach(_ trades: [Trade], _ update: (inout Holding, Int) -> Void) -> Household {
    var h = self
    // By index: each trade is read in place, not copied.
    for i in trades.indices {
      guard let a = h.accounts.firstIndex(where: { $0.id == trades[i].account }) else { continue }
      h.accounts[a].cash += trades[i].cashEffect
      if let k = h.accounts[a].holdings.firstIndex(where: { $0.symbol == trades[i].symbol }) {
        update(&h.accounts[a].holdings[k], i)
      } else if trades[i].side == .buy {
        var holding = Holding(symbol: trades[i].symbol, quantity: .zero)
        update(&holding, i)
        // Into its place in symbol order (the holdings are in symbol order, or sorted here).
        if h.accounts[a].holdings.isSorted(by: { $0.symbol < $1.symbol }) {
          let k = h.accounts[a].holdings.lowerBound { $0.symbol < holding.symbol }
          h.accounts[a].holdings.insert(holding, at: k)
        } else {
          h.accounts[a].holdings.append(holding)
          h.accounts[a].holdings.sort { $0.symbol < $1.symbol }
        }
      }
    }
    return h
  }
}

extension Holding {
  mutating func apply(_ t: Trade, on date: CivilDate) {
    switch t.side {
    case .buy:
      if !lots.isEmpty || (quantity.isZero && t.lots.isEmpty) {
        lots.append(TaxLot(quantity: t.quantity, cost: t.amount + t.cost, acquired: date))
      }
      quantity += t.quantity
    case .sell:
      quantity -= t.quantity
      guard !lots.isEmpty else { return }
      if t.lots.isEmpty {
        relieveOldestFirst(t.quantity)
      } else {
        relieve(t.lots)
      }
      lots.removeAll { $0.quantity <= .zero }
    }
  }

  /// Takes each sale's shares out of the lots with its date and id, in one pass.
  private mutating func relieve(_ sales: [LotSale]) {
    struct Key: Hashable {
      var day: Int
      var id: String?
    }
    var pending: [Key: Quantity] = [:]
    for sale in sales { pending[Key(day: sale.acquired.dayNumber, id: sale.lotID), default: .zero] += sale.quantity }
    for i in lots.indices {
      let key = Key(day: lots[i].acquired.dayNumber, id: lots[i].id)
      guard let remaining = pending[key], remaining > .zero else { continue }
      let taken = take(remaining, from: i)
      pending[key] = remaining - taken
    }
  }

  private mutating func relieveOldestFirst(_ quantity: Quantity) {
    var remaining = quantity
    for i in lots.indices where remaining > .zero { remaining -= take(remaining, from: i) }
  }

  /// Removes up to `quantity` shares from lot `i` with their pro-rata basis; returns the shares taken.
  private mutating func take(_ quantity: Quantity, from i: Int) -> Quantity {
    let taken = min(quantity, lots[i].quantity)
    guard taken > .zero else { return .zero }
    let cost = taken == lots[i].quantity
      ? lots[i].cost : (lots[i].cost * taken).divided(by: lots[i].quantity).rounded(places: 2)
    lots[i].quantity -= taken
    lots[i].cost -= cost
    return taken
  }
}
