public enum TradeSide: String, Sendable, Hashable { case buy, sell }

/// Part of a lot relieved by a sale, with the gain it realises.
public struct LotSale: Sendable, Hashable {
  public enum Term: String, Sendable, Hashable { case short, long }
  public var lotID: String?
  public var acquired: CivilDate
  public var quantity: Quantity
  /// Cost basis of the shares sold (the lot's cost pro rata, rounded half-even to cents).
  public var cost: Money
  /// Proceeds of the shares sold at the trade price, before costs.
  public var proceeds: Money
  public var gain: Money { proceeds - cost }
  /// Long when held more than one year at the plan's date.
  public var term: Term

  public init(lotID: String?, acquired: CivilDate, quantity: Quantity, cost: Money, proceeds: Money, term: Term) {
    self.lotID = lotID
    self.acquired = acquired
    self.quantity = quantity
    self.cost = cost
    self.proceeds = proceeds
    self.term = term
  }
}

/// One order: buy or sell a quantity of a security in an account at its price.
public struct Trade: Sendable, Hashable {
  public var account: AccountID
  public var symbol: Symbol
  public var assetClass: AssetClassName
  public var side: TradeSide
  public var quantity: Quantity
  public var price: Price
  /// quantity × price, rounded half-even to cents.
  public var amount: Money
  /// Commission plus spread charged on this trade.
  public var cost: Money
  /// Lots relieved (taxable sells with lots, tax-aware plans only).
  public var lots: [LotSale]

  /// The change in the account's cash: +amount − cost for a sale, −amount − cost for a purchase.
  public var cashEffect: Money { side == .sell ? amount - cost : -amount - cost }
}

/// Realised gains of a plan and the tax they are estimated to cost.
public struct TaxSummary: Sendable, Hashable {
  public var shortTermGains: Money = .zero
  /// Short-term losses (zero or negative).
  public var shortTermLosses: Money = .zero
  public var longTermGains: Money = .zero
  /// Long-term losses (zero or negative).
  public var longTermLosses: Money = .zero
  /// Net short-term result after netting (see ``init(sales:rates:)``).
  public var netShortTerm: Money = .zero
  /// Net long-term result after netting.
  public var netLongTerm: Money = .zero
  /// Net long-term gain taxed at 0% (within `zeroRateGainRoom`).
  public var zeroRateGains: Money = .zero
  /// Net loss deducted from ordinary income this year (at most the yearly limit).
  public var ordinaryIncomeOffset: Money = .zero
  /// Net loss beyond the yearly limit, carried forward to later years.
  public var carryforward: Money = .zero
  /// Estimated tax; negative when the deduction against ordinary income saves tax.
  public var estimatedTax: Money = .zero
  /// The tax of a naive plan (no tax awareness: no account preference, pro-rata sales, FIFO
  /// lots, wash-sale losses disallowed).
  public var naiveEstimatedTax: Money?
  /// Whether the naive plan ends at this plan's allocation (every class within 0.01 pp); when
  /// it does not, the two taxes buy different allocations.
  public var naiveReachesSameAllocation: Bool?
  /// Losses realised (a positive amount).
  public var harvestedLosses: Money { -(shortTermLosses + longTermLosses) }
  /// naive − this plan's tax.
  public var taxSaved: Money? { naiveEstimatedTax.map { $0 - estimatedTax } }
  public init() {}
}

/// How one account ends.
public struct AccountOutcome: Sendable, Hashable {
  public var id: AccountID
  public var type: AccountType
  public var cashBefore: Money
  /// Deposits (+) and withdrawals (−) applied by the plan.
  public var cashFlow: Money
  public var cashAfter: Money
  public var bought: Money
  public var sold: Money
  public var costs: Money
}

extension AccountOutcome {
  /// How each account of `before` ends after `trades` (`after` is the household after them).
  static func all(before h: Household, after: Household, trades: [Trade], cashBefore: [Money], flows: [Money]) -> [AccountOutcome] {
    h.accounts.enumerated().map { a, account in
      var bought = Money.zero
      var sold = Money.zero
      var costs = Money.zero
      for t in trades where t.account == account.id {
        if t.side == .buy { bought += t.amount } else { sold += t.amount }
        costs += t.cost
      }
      return AccountOutcome(
        id: account.id, type: account.type, cashBefore: cashBefore[a], cashFlow: flows[a], cashAfter: after.accounts[a].cash,
        bought: bought, sold: sold, costs: costs)
    }
  }
}

/// The trades that bring a household back to its targets, with the drift before and after.
public struct TradePlan: Sendable, Hashable {
  public var asOf: CivilDate
  /// The method that made the plan (after `auto` is resolved); `nil` for a harvest plan.
  public var method: RebalanceMethod?
  /// Household value after the cash flows, before trading.
  public var totalValue: Money
  /// Drift with the cash flows already in the accounts' cash.
  public var before: DriftReport
  public var after: DriftReport
  /// By account, sales before purchases, then by symbol.
  public var trades: [Trade]
  /// `nil` when the plan ignores taxes.
  public var tax: TaxSummary?
  public var totalCosts: Money
  public var accounts: [AccountOutcome]
  public var warnings: [String]
}
