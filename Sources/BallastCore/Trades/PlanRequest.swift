/// What the user asks of a plan on top of the household file.
public struct PlanRequest: Sendable, Hashable {
  /// Overrides the file's `settings.method`.
  public var method: RebalanceMethod?
  /// Added to the file's `cashFlows` (deposits positive, withdrawals negative).
  public var cashFlows: [CashFlow] = []
  /// Overrides the file's `settings.wholeShares`.
  public var wholeShares: Bool?
  /// Taxes and lots are ignored: no lot relief, no tax estimate, no preference among accounts.
  public var ignoreTaxes = false
  /// The estimated tax of the plan never exceeds this amount.
  public var maxTax: Money?
  /// Overrides the file's `tax.lotMethod`.
  public var lotMethod: LotSelection?
  /// Also plan the naive way (no tax awareness) to report the tax this plan saves.
  public var compareWithNaivePlan = true

  public init(
    method: RebalanceMethod? = nil, cashFlows: [CashFlow] = [], wholeShares: Bool? = nil, ignoreTaxes: Bool = false,
    maxTax: Money? = nil, lotMethod: LotSelection? = nil, compareWithNaivePlan: Bool = true
  ) {
    self.compareWithNaivePlan = compareWithNaivePlan
    self.method = method
    self.cashFlows = cashFlows
    self.wholeShares = wholeShares
    self.ignoreTaxes = ignoreTaxes
    self.maxTax = maxTax
    self.lotMethod = lotMethod
  }
}

/// A plan that cannot be made at all (as opposed to one that falls short and warns).
public struct PlanError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
