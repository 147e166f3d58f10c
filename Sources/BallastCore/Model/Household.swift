/// Tax rates and allowances of the household (SPEC §1 `tax`).
public struct TaxSettings: Sendable, Hashable {
  public var shortTermRate: Double = 0.37
  public var longTermRate: Double = 0.15
  /// Long-term gain that can still be realised at a 0% rate this year.
  public var zeroRateGainRoom: Money = .zero
  public var washSaleDays: Int = 30
  /// The order in which a taxable holding's lots are sold (`taxOptimal` by default).
  public var lotMethod: LotSelection = .taxOptimal
  /// With `lotMethod: specific`: lot ids to sell first, in this order (then tax-optimal).
  public var specificLots: [String] = []
  /// Net capital loss deductible against ordinary income each year (IRS: 3,000).
  public var ordinaryLossLimit: Money = 3_000
  public init() {}
}

/// Trading costs charged in the plan's cash arithmetic.
public struct CostModel: Sendable, Hashable {
  /// Fixed commission per trade.
  public var commission: Money = .zero
  /// Half-spread paid on each trade, in basis points of the traded amount.
  public var spreadBps: Double = 0
  public init(commission: Money = .zero, spreadBps: Double = 0) {
    self.commission = commission
    self.spreadBps = spreadBps
  }
}

/// Planner settings (SPEC §1 `settings`).
public struct PlanSettings: Sendable, Hashable {
  public var method: RebalanceMethod = .auto
  public var wholeShares = false
  /// Trades below this amount are dropped.
  public var minTrade: Money = .zero
  /// Amount kept uninvested in each account.
  public var cashReserve: Money = .zero
  public var costs = CostModel()
  public init() {}
}

/// A pending deposit (positive) or withdrawal (negative) of one account.
public struct CashFlow: Sendable, Hashable {
  public var account: AccountID
  public var amount: Money
  public init(account: AccountID, amount: Money) {
    self.account = account
    self.amount = amount
  }
}

/// A recent trade, for the wash-sale rule.
public struct PastTrade: Sendable, Hashable {
  public enum Side: String, Sendable, Hashable, CaseIterable { case buy, sell }
  public var date: CivilDate
  public var account: AccountID
  public var symbol: Symbol
  public var side: Side
  public var quantity: Quantity
  public var price: Price
  public init(date: CivilDate, account: AccountID, symbol: Symbol, side: Side, quantity: Quantity, price: Price) {
    self.date = date
    self.account = account
    self.symbol = symbol
    self.side = side
    self.quantity = quantity
    self.price = price
  }
}

/// Everything the household file says: securities, targets, accounts and settings at `asOf`.
///
/// A `Household` is validated by the reader that builds it; the planner relies on the
/// invariants listed in ``validationProblems()``.
public struct Household: Sendable, Hashable {
  public var name: String?
  public var asOf: CivilDate
  public var currency: String
  public var tax: TaxSettings
  public var securities: [Security]
  public var targets: TargetAllocation
  public var accounts: [Account]
  public var history: [PastTrade]
  public var cashFlows: [CashFlow]
  public var settings: PlanSettings

  public init(
    name: String? = nil, asOf: CivilDate, currency: String = "USD", tax: TaxSettings = TaxSettings(),
    securities: [Security], targets: TargetAllocation, accounts: [Account], history: [PastTrade] = [],
    cashFlows: [CashFlow] = [], settings: PlanSettings = PlanSettings()
  ) {
    self.name = name
    self.asOf = asOf
    self.currency = currency
    self.tax = tax
    self.securities = securities
    self.targets = targets
    self.accounts = accounts
    self.history = history
    self.cashFlows = cashFlows
    self.settings = settings
  }

  public func security(_ symbol: Symbol) -> Security? { securities.first { $0.symbol == symbol } }

  /// The same household with accounts, securities, holdings and lots in a canonical order
  /// (by id, by symbol, by acquisition date): every computation starts from this, so the
  /// order of the file never changes a result.
  public func canonicalized() -> Household { canonicalized(sortingLots: true) }

  /// ``canonicalized()``, leaving the lots in file order when `sortingLots` is false (for
  /// computations that never read them, such as a plan that ignores taxes).
  func canonicalized(sortingLots: Bool) -> Household {
    var h = self
    if !h.securities.isSorted(by: { $0.symbol < $1.symbol }) { h.securities.sort { $0.symbol < $1.symbol } }
    if !h.accounts.isSorted(by: { $0.id < $1.id }) { h.accounts.sort { $0.id < $1.id } }
    for i in h.accounts.indices {
      if !h.accounts[i].holdings.isSorted(by: { $0.symbol < $1.symbol }) { h.accounts[i].holdings.sort { $0.symbol < $1.symbol } }
      for k in h.accounts[i].holdings.indices where sortingLots {
        if !h.accounts[i].holdings[k].lots.isSorted(by: TaxLot.canonicalOrder) {
          TaxLot.sortCanonically(&h.accounts[i].holdings[k].lots)
        }
      }
      if let menu = h.accounts[i].allowed, !menu.isSorted(by: <) { h.accounts[i].allowed = menu.sorted() }
    }
    let flowOrder: (CashFlow, CashFlow) -> Bool = { $0.account != $1.account ? $0.account < $1.account : $0.amount < $1.amount }
    if !h.cashFlows.isSorted(by: flowOrder) { h.cashFlows.sort(by: flowOrder) }
    let tradeOrder: (PastTrade, PastTrade) -> Bool = { a, b in
      if a.date != b.date { return a.date < b.date }
      return a.account != b.account ? a.account < b.account : a.symbol < b.symbol
    }
    if !h.history.isSorted(by: tradeOrder) { h.history.sort(by: tradeOrder) }
    return h
  }
}

extension TaxLot {
  /// Sorts `lots` into ``canonicalOrder(_:_:)``, stably: by swapping neighbours when there
  /// are few (``LotPlan/smallCount``; no lot is copied), else by sorting positions and
  /// moving each lot once.
  static func sortCanonically(_ lots: inout [TaxLot]) {
    if lots.count <= LotPlan.smallCount {
      // In the array's memory: one uniqueness check, and the dates decide without touching
      // the ids (which would cost a retain and a release per comparison) unless they tie.
      lots.withUnsafeMutableBufferPointer { p in
        for i in p.indices.dropFirst() {
          var j = i
          while j > 0 && (p[j].acquired != p[j - 1].acquired ? p[j].acquired < p[j - 1].acquired : canonicalOrder(p[j], p[j - 1])) {
            p.swapAt(j, j - 1)
            j -= 1
          }
        }
      }
      return
    }
    let day = lots.map(\.acquired.dayNumber)
    let order = lots.indices.sorted { a, b in
      if day[a] != day[b] { return day[a] < day[b] }
      return canonicalOrder(lots[a], lots[b]) || (!canonicalOrder(lots[b], lots[a]) && a < b)
    }
    lots = order.map { lots[$0] }
  }

  /// By acquisition date, then id, quantity and cost: a total order on distinct lots.
  static func canonicalOrder(_ a: TaxLot, _ b: TaxLot) -> Bool {
    if a.acquired != b.acquired { return a.acquired < b.acquired }
    if a.id != b.id { return (a.id ?? "") < (b.id ?? "") }
    if a.quantity != b.quantity { return a.quantity < b.quantity }
    return a.cost < b.cost
  }
}

extension Array {
  /// Whether every element is ordered before or equal to the next by `areInIncreasingOrder`.
  func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
    indices.dropFirst().allSatisfy { !areInIncreasingOrder(self[$0], self[$0 - 1]) }
  }
}
