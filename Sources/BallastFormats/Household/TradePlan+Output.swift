public import BallastCore

/// Formats of a plan: a report for people, JSON (SPEC §3) and a CSV trade list that a
/// broker's bulk-order upload can take.
public enum TradePlanOutput {
  public static func json(_ p: TradePlan) -> JSONValue {
    .object([
      ("asOf", .string(p.asOf.description)),
      ("method", .string(p.method?.rawValue ?? "harvest")),
      ("totalValue", .money(p.totalValue)),
      ("before", DriftReportOutput.json(p.before)),
      ("after", DriftReportOutput.json(p.after)),
      ("trades", .array(p.trades.map(tradeJSON))),
      ("tax", taxJSON(p.tax)),
      ("costs", .object([("total", .money(p.totalCosts))])),
      ("accounts", .array(p.accounts.map(accountJSON))),
      ("warnings", .array(p.warnings.map(JSONValue.string))),
    ])
  }

  static func tradeJSON(_ t: Trade) -> JSONValue {
    .object([
      ("account", .string(t.account.rawValue)), ("symbol", .string(t.symbol.rawValue)),
      ("assetClass", .string(t.assetClass.rawValue)), ("side", .string(t.side.rawValue)),
      ("quantity", .exact(t.quantity)), ("price", .exact(t.price)), ("amount", .money(t.amount)), ("cost", .money(t.cost)),
      ("lots", .array(t.lots.map { l in
        var m: [(String, JSONValue)] = [
          ("acquired", .string(l.acquired.description)), ("quantity", .exact(l.quantity)), ("cost", .money(l.cost)),
          ("proceeds", .money(l.proceeds)), ("gain", .money(l.gain)), ("term", .string(l.term.rawValue)),
        ]
        if let id = l.lotID { m.append(("id", .string(id))) }
        return .object(m)
      })),
    ])
  }

  static func taxJSON(_ tax: TaxSummary?) -> JSONValue {
    let t = tax ?? TaxSummary()
    return .object([
      ("shortTermGains", .money(t.shortTermGains)), ("longTermGains", .money(t.longTermGains)),
      ("shortTermLosses", .money(t.shortTermLosses)), ("longTermLosses", .money(t.longTermLosses)),
      ("harvestedLosses", .money(t.harvestedLosses)), ("estimatedTax", .money(t.estimatedTax)),
      ("netShortTerm", .money(t.netShortTerm)), ("netLongTerm", .money(t.netLongTerm)),
      ("zeroRateGains", .money(t.zeroRateGains)), ("ordinaryIncomeOffset", .money(t.ordinaryIncomeOffset)),
      ("carryforward", .money(t.carryforward)),
      ("naiveEstimatedTax", t.naiveEstimatedTax.map(JSONValue.money) ?? .null),
      ("taxSaved", t.taxSaved.map(JSONValue.money) ?? .null),
      ("naiveSameAllocation", t.naiveReachesSameAllocation.map(JSONValue.bool) ?? .null),
      ("ignored", .bool(tax == nil)),
    ])
  }

  static func accountJSON(_ a: AccountOutcome) -> JSONValue {
    .object([
      ("id", .string(a.id.rawValue)), ("type", .string(a.type.rawValue)), ("cashBefore", .money(a.cashBefore)),
      ("cashFlow", .money(a.cashFlow)), ("cashAfter", .money(a.cashAfter)), ("bought", .money(a.bought)),
      ("sold", .money(a.sold)), ("costs", .money(a.costs)),
    ])
  }

  /// One row per order: account, symbol, side, quantity, price, amount, cost, asset class.
  public static func csv(_ p: TradePlan) -> String {
    var w = CSVWriter(header: ["account", "symbol", "side", "quantity", "price", "amount", "cost", "assetClass"])
    for t in p.trades {
      w.append([
        t.account.rawValue, t.symbol.rawValue, t.side.rawValue, t.quantity.description, t.price.description,
        t.amount.formatted(minimumFractionDigits: 2), t.cost.formatted(minimumFractionDigits: 2), t.assetClass.rawValue,
      ])
    }
    return w.text
  }

  public static func table(_ p: TradePlan, title: String?, currency: String) -> String {
    var out = "\(title.map { "\($0): " } ?? "")"
    out += p.method.map { "plan as of \(p.asOf), method \($0.rawValue)\n" } ?? "tax-loss harvest as of \(p.asOf)\n"
    let flows = p.accounts.reduce(Money.zero) { $0 + $1.cashFlow }
    out += "Household value \(p.totalValue.grouped(places: 2)) \(currency)"
    out += flows.isZero ? "\n\n" : " including cash flows of \(flows.isNegative ? "" : "+")\(flows.grouped(places: 2))\n\n"
    out += p.trades.isEmpty ? "No trades.\n\n" : "Trades\n" + tradeTable(p) + "\n"
    out += "Drift before and after\n" + DriftReportOutput.classTable(p.before, after: p.after) + "\n"
    out += "Cash by account\n" + cashTable(p) + "\n"
    if let tax = p.tax { out += "Tax\n" + taxTable(tax) + "\n" }
    out += "Costs: \(p.totalCosts.grouped(places: 2))\n"
    if !p.warnings.isEmpty {
      out += "\nWarnings\n" + p.warnings.map { "  - \($0)\n" }.joined()
    }
    return out
  }

  static func tradeTable(_ p: TradePlan) -> String {
    var t = TextTable(columns: [
      .init("account", .left), .init("side", .left), .init("symbol", .left), .init("quantity"), .init("price"),
      .init("amount"), .init("cost"), .init("lots sold (acquired: shares, gain)", .left),
    ])
    var last: AccountID?
    for trade in p.trades {
      let type = p.accounts.first { $0.id == trade.account }?.type.rawValue ?? ""
      let lots = trade.lots.map { "\($0.acquired): \($0.quantity), \($0.gain.grouped(places: 2)) \($0.term.rawValue)" }
      t.append([
        last == trade.account ? "" : "\(trade.account) (\(type))", trade.side.rawValue.uppercased(), trade.symbol.rawValue,
        trade.quantity.description, trade.price.formatted(minimumFractionDigits: 2), trade.amount.grouped(places: 2),
        trade.cost.grouped(places: 2), lots.joined(separator: "; "),
      ])
      last = trade.account
    }
    return t.rendered(indent: "  ")
  }

  static func taxTable(_ t: TaxSummary) -> String {
    var table = TextTable(columns: [.init("", .left), .init("this plan"), .init("naive plan")])
    table.append(["short-term gains", t.shortTermGains.grouped(places: 2), ""])
    table.append(["short-term losses", t.shortTermLosses.grouped(places: 2), ""])
    table.append(["long-term gains", t.longTermGains.grouped(places: 2), ""])
    table.append(["long-term losses", t.longTermLosses.grouped(places: 2), ""])
    if !t.zeroRateGains.isZero { table.append(["taxed at 0%", t.zeroRateGains.grouped(places: 2), ""]) }
    if !t.ordinaryIncomeOffset.isZero { table.append(["deducted from income", t.ordinaryIncomeOffset.grouped(places: 2), ""]) }
    if !t.carryforward.isZero { table.append(["carried forward", t.carryforward.grouped(places: 2), ""]) }
    table.append(["estimated tax", t.estimatedTax.grouped(places: 2), t.naiveEstimatedTax?.grouped(places: 2) ?? ""])
    if let saved = t.taxSaved { table.append(["tax saved", saved.grouped(places: 2), ""]) }
    var text = table.rendered(indent: "  ")
    if t.naiveReachesSameAllocation == false {
      text += "  (the naive plan ends at another allocation: it ignores the wash-sale rule and the tax limit)\n"
    }
    return text
  }

  static func cashTable(_ p: TradePlan) -> String {
    var t = TextTable(columns: [
      .init("account", .left), .init("type", .left), .init("cash before"), .init("flows"), .init("sold"), .init("bought"),
      .init("costs"), .init("cash after"),
    ])
    for a in p.accounts {
      t.append([
        a.id.rawValue, a.type.rawValue, a.cashBefore.grouped(places: 2), a.cashFlow.grouped(places: 2), a.sold.grouped(places: 2),
        a.bought.grouped(places: 2), a.costs.grouped(places: 2), a.cashAfter.grouped(places: 2),
      ])
    }
    return t.rendered(indent: "  ")
  }
}
