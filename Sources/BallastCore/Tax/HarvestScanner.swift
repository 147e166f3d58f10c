/// A lot that stands at a loss and could be sold to realise it.
public struct HarvestCandidate: Sendable, Hashable {
  public var account: AccountID
  public var symbol: Symbol
  public var lot: TaxLot
  /// Market value of the lot at `asOf`.
  public var value: Money
  /// The loss (a positive amount).
  public var loss: Money
  /// loss / cost.
  public var lossFraction: Double
  public var term: LotSale.Term
  /// What the loss is worth: loss × the rate of its term.
  public var taxValue: Money
  /// A listed substitute, not substantially identical, that the account may buy.
  public var substitute: Symbol?
  /// Set when a purchase in the last `washSaleDays` days makes a loss sale a wash sale now:
  /// the first day the sale is clean.
  public var blockedUntil: CivilDate?
}

/// Finds tax-loss harvesting candidates in the taxable accounts.
public struct HarvestScanner: Sendable {
  /// Lots whose loss is below this amount are skipped.
  public var minLoss: Money
  /// Lots whose loss is below this fraction of their cost are skipped.
  public var minLossFraction: Double

  public init(minLoss: Money = .zero, minLossFraction: Double = 0) {
    self.minLoss = minLoss
    self.minLossFraction = minLossFraction
  }

  /// Every qualifying lot, by account, symbol and date.
  public func candidates(in input: Household) -> [HarvestCandidate] {
    let h = input.canonicalized()
    let washSale = WashSaleRule(h)
    var out: [HarvestCandidate] = []
    for account in h.accounts where account.type == .taxable {
      for holding in account.holdings {
        guard let security = h.security(holding.symbol) else { continue }
        for lot in holding.lots {
          let value = lot.quantity * security.price
          let loss = lot.cost - value
          guard loss > .zero, loss >= minLoss, !lot.cost.isZero else { continue }
          let fraction = loss.doubleValue / lot.cost.doubleValue
          guard fraction >= minLossFraction else { continue }
          let term = lot.term(at: h.asOf)
          let rate = FixedDecimal(term == .long ? h.tax.longTermRate : h.tax.shortTermRate, places: 9) ?? .zero
          let substitute = security.substitutes.first { s in
            !washSale.isIdentical(s, holding.symbol) && h.security(s) != nil && account.mayBuy(s)
          }
          out.append(HarvestCandidate(
            account: account.id, symbol: holding.symbol, lot: lot, value: value, loss: loss, lossFraction: fraction,
            term: term, taxValue: (loss * rate).rounded(places: 2), substitute: substitute,
            blockedUntil: washSale.lossSaleBlocked(holding.symbol)))
        }
      }
    }
    return out
  }

  /// Trades that harvest the unblocked candidates with a substitute: each holding sells its
  /// loss lots (named), and the account buys its substitute with the proceeds (whole shares
  /// when the household says so), so the asset class keeps its exposure. No account buys
  /// anything substantially identical to what is sold.
  public func plan(_ input: Household) -> TradePlan {
    let h = input.canonicalized()
    let before = h.driftReport()
    let sizing = LotSizing(
      wholeShares: h.settings.wholeShares, spread: FixedDecimal(h.settings.costs.spreadBps / 10_000, places: 9) ?? .zero,
      commission: h.settings.costs.commission)
    var trades: [Trade] = []
    let usable = candidates(in: h).filter { $0.blockedUntil == nil && $0.substitute != nil }
    for account in h.accounts {
      let mine = usable.filter { $0.account == account.id }
      var buys: [Symbol: Money] = [:]
      for symbol in Set(mine.map(\.symbol)).sorted() {
        guard let security = h.security(symbol) else { continue }
        let lots = mine.filter { $0.symbol == symbol }
        let quantity = lots.reduce(Quantity.zero) { $0 + $1.lot.quantity }
        let amount = sizing.amount(quantity, security.price)
        let sales = lots.map { c in
          LotSale(lotID: c.lot.id, acquired: c.lot.acquired, quantity: c.lot.quantity, cost: c.lot.cost,
            proceeds: sizing.amount(c.lot.quantity, security.price), term: c.term)
        }
        let trade = Trade(account: account.id, symbol: symbol, assetClass: security.assetClass, side: .sell, quantity: quantity,
          price: security.price, amount: amount, cost: sizing.cost(of: amount), lots: sales)
        trades.append(trade)
        if let sub = lots[0].substitute { buys[sub, default: .zero] += trade.cashEffect }
      }
      for (symbol, cash) in buys.sorted(by: { $0.key < $1.key }) {
        guard let security = h.security(symbol) else { continue }
        var quantity = sizing.buyQuantity(amount: cash.doubleValue, price: security.price)
        while quantity > .zero && sizing.amount(quantity, security.price) + sizing.cost(of: sizing.amount(quantity, security.price)) > cash {
          quantity -= sizing.step
        }
        guard quantity > .zero else { continue }
        let amount = sizing.amount(quantity, security.price)
        trades.append(Trade(account: account.id, symbol: symbol, assetClass: security.assetClass, side: .buy, quantity: quantity,
          price: security.price, amount: amount, cost: sizing.cost(of: amount), lots: []))
      }
    }
    let afterHousehold = h.applying(trades)
    let outcomes = h.accounts.enumerated().map { a, account in
      let mine = trades.filter { $0.account == account.id }
      return AccountOutcome(
        id: account.id, type: account.type, cashBefore: account.cash, cashFlow: .zero, cashAfter: afterHousehold.accounts[a].cash,
        bought: mine.filter { $0.side == .buy }.reduce(.zero) { $0 + $1.amount },
        sold: mine.filter { $0.side == .sell }.reduce(.zero) { $0 + $1.amount },
        costs: mine.reduce(.zero) { $0 + $1.cost })
    }
    var warnings: [String] = []
    for c in candidates(in: h) where c.blockedUntil != nil || c.substitute == nil {
      let why = c.blockedUntil.map { "a purchase within \(h.tax.washSaleDays) days makes it a wash sale until \($0)" }
        ?? "no substitute that '\(c.account)' may buy is listed for \(c.symbol)"
      warnings.append("not harvested: \(c.symbol) lot of \(c.lot.acquired) in '\(c.account)' (loss \(c.loss.grouped(places: 2))): \(why)")
    }
    return TradePlan(
      asOf: h.asOf, method: nil, totalValue: before.totalValue, before: before, after: afterHousehold.driftReport(),
      trades: trades, tax: TaxSummary(sales: trades.flatMap(\.lots), rates: h.tax),
      totalCosts: trades.reduce(.zero) { $0 + $1.cost }, accounts: outcomes, warnings: warnings)
  }
}
