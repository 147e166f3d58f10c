/// How an account's gains are taxed.
public enum AccountType: String, Sendable, Hashable, CaseIterable {
  /// Gains are taxed when realised (a brokerage account).
  case taxable
  /// Taxed on withdrawal, not on trades (traditional IRA, 401(k)).
  case taxDeferred
  /// Never taxed (Roth IRA).
  case taxExempt
}

/// A purchase still held: how many shares, their total cost basis, and when they were bought.
public struct TaxLot: Sendable, Hashable {
  /// The id used by `specific` lot selection, if the file gives one.
  public var id: String?
  public var quantity: Quantity
  /// Total cost basis of the lot (not per share).
  public var cost: Money
  public var acquired: CivilDate

  public init(id: String? = nil, quantity: Quantity, cost: Money, acquired: CivilDate) {
    self.id = id
    self.quantity = quantity
    self.cost = cost
    self.acquired = acquired
  }
}

/// A position in one security in one account.
public struct Holding: Sendable, Hashable {
  public var symbol: Symbol
  /// Total shares; equal to the sum of the lots' quantities when lots are given.
  public var quantity: Quantity
  /// Purchase lots, oldest first; may be empty where gains are not taxed.
  public var lots: [TaxLot]

  public init(symbol: Symbol, quantity: Quantity, lots: [TaxLot] = []) {
    self.symbol = symbol
    self.quantity = quantity
    self.lots = lots
  }
}

/// One account of the household. Accounts are self-financing: cash never moves between them.
public struct Account: Sendable, Hashable {
  public var id: AccountID
  public var type: AccountType
  public var cash: Money
  public var holdings: [Holding]
  /// The only symbols this account may buy (a 401(k) menu); `nil` means any known security.
  public var allowed: [Symbol]?

  public init(id: AccountID, type: AccountType, cash: Money, holdings: [Holding] = [], allowed: [Symbol]? = nil) {
    self.id = id
    self.type = type
    self.cash = cash
    self.holdings = holdings
    self.allowed = allowed
  }

  /// Whether the account may buy `symbol`.
  public func mayBuy(_ symbol: Symbol) -> Bool { allowed?.contains(symbol) ?? true }

  public func quantity(of symbol: Symbol) -> Quantity {
    holdings.first { $0.symbol == symbol }?.quantity ?? .zero
  }
}
