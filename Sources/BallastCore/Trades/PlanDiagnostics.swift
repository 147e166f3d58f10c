/// Explains why a plan falls short: which classes stay outside their bands and why, and which
/// accounts keep cash they could not invest.
struct PlanDiagnostics {
  var household: Household
  var method: RebalanceMethod
  var sizing: LotSizing

  func explain(after: DriftReport, outcomes: [AccountOutcome]) -> [String] {
    var out: [String] = []
    for c in after.classes where c.isBreached {
      out.append("\(c.name) ends at \(Self.percent(c.actual)), outside its band \(Self.percent(c.lower))–\(Self.percent(c.upper)): \(reason(for: c, base: after.allocationBase))")
    }
    if !household.targets.hasCashClass {
      let threshold = max(household.settings.minTrade, Money(1), (after.allocationBase.doubleValue > 0 ? FixedDecimal(after.allocationBase.doubleValue * 0.001, places: 2) : nil) ?? .zero)
      for o in outcomes {
        let idle = o.cashAfter - household.settings.cashReserve
        if idle > threshold {
          out.append("'\(o.id)' keeps \(idle.grouped(places: 2)) uninvested above its reserve: \(idleReason(o.id))")
        }
      }
    }
    return out
  }

  func reason(for c: ClassDrift, base: Money) -> String {
    // The securities of the class (of its leaves, for a group).
    let leaves = c.isGroup ? household.targets.leaves(under: c.name) : [c.name]
    let securities = household.securities.filter { leaves.contains($0.assetClass) }
    let oneShare = securities.map { $0.price.doubleValue }.max() ?? 0
    let excess = c.actual > c.upper ? c.actual - c.upper : c.lower - c.actual
    if sizing.wholeShares && excess * base.doubleValue <= oneShare {
      return "by less than one share (whole-share rounding)"
    }
    if c.actual < c.lower {
      guard !securities.isEmpty else { return "no security in the file belongs to it" }
      let buyers = household.accounts.filter { a in securities.contains { a.mayBuy($0.symbol) } }.map(\.id.rawValue)
      if buyers.isEmpty { return "no account may buy any of \(securities.map(\.symbol.rawValue).joined(separator: ", "))" }
      if method == .cashFlowOnly { return "cash-flow-only plans buy only with new or idle cash, and there is not enough" }
      return "the accounts that may buy it (\(buyers.joined(separator: ", "))) cannot raise enough cash from what they hold"
    }
    let holders = household.accounts.filter { a in a.holdings.contains { h in securities.contains { $0.symbol == h.symbol } } }
    if method == .cashFlowOnly { return "cash-flow-only plans sell only to fund withdrawals" }
    let names = holders.map { a in a.allowed.map { "\(a.id) (menu: \($0.map(\.rawValue).joined(separator: ", ")))" } ?? a.id.rawValue }
    return "the accounts that hold it (\(names.joined(separator: ", "))) cannot buy what is underweight with the proceeds"
  }

  func idleReason(_ id: AccountID) -> String {
    guard let a = household.accounts.first(where: { $0.id == id }) else { return "" }
    if method == .cashFlowOnly { return "cash-flow-only plans buy only underweight classes, and this account may buy none of them" }
    if let menu = a.allowed { return "its menu (\(menu.map(\.rawValue).joined(separator: ", "))) offers nothing that is not already at or above target" }
    return "whole-share rounding or minTrade left it over"
  }

  static func percent(_ w: Double) -> String {
    let v = (w * 1000).rounded() / 10
    return "\(v)%"
  }
}
