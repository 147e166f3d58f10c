import BallastCore

extension PlanReportPage {
  /// One table of trades per account, with the account's cash before and after.
  static func tradeSections(_ p: TradePlan, currency: String, into doc: inout HTMLDocument) {
    doc.heading("Trades by account")
    if p.trades.isEmpty { doc.paragraph("No trades: every class is where the method wants it.") }
    for a in p.accounts {
      let trades = p.trades.filter { $0.account == a.id }
      doc.subheading("\(a.id.rawValue) (\(a.type.rawValue))")
      doc.paragraph(
        "Cash \(money(a.cashBefore)) before, flows \(money(a.cashFlow)), sold \(money(a.sold)), bought \(money(a.bought)), costs \(money(a.costs)); cash after \(money(a.cashAfter)) \(currency).",
        class: "note")
      guard !trades.isEmpty else { continue }
      doc.table(
        ["side", "symbol", "asset class", "quantity", "price", "amount", "cost", "lots relieved"],
        trades.map { t in
          [t.side.rawValue.uppercased(), t.symbol.rawValue, t.assetClass.rawValue, t.quantity.description,
           t.price.formatted(minimumFractionDigits: 2), money(t.amount), money(t.cost), t.lots.isEmpty ? "" : String(t.lots.count)]
        }, numeric: [3, 4, 5, 6, 7])
    }
  }

  /// Every lot a sale relieves, with its gain and term, and the totals.
  static func lotSection(_ p: TradePlan, into doc: inout HTMLDocument) {
    doc.heading("Lots relieved")
    let sales = p.trades.flatMap { t in t.lots.map { (t, $0) } }
    guard !sales.isEmpty else {
      doc.paragraph(p.tax == nil ? "Taxes and lots were ignored (--no-tax)." : "No lot is sold in a taxable account.")
      return
    }
    var rows = sales.map { t, l in
      [t.account.rawValue, t.symbol.rawValue, l.lotID ?? "", l.acquired.description, l.quantity.description, money(l.cost),
       money(l.proceeds), money(l.gain), l.term.rawValue]
    }
    let cost = sales.reduce(Money.zero) { $0 + $1.1.cost }, proceeds = sales.reduce(Money.zero) { $0 + $1.1.proceeds }
    rows.append(["total", "", "", "", "", money(cost), money(proceeds), money(proceeds - cost), ""])
    doc.table(
      ["account", "symbol", "lot", "acquired", "quantity", "cost basis", "proceeds", "gain", "term"], rows,
      numeric: [4, 5, 6, 7], strong: [rows.count - 1])
    doc.paragraph("A lot is long-term when held more than one year at the plan's date; proceeds are before costs.", class: "note")
  }

  /// Gains and losses by term and the estimated tax.
  static func taxSection(_ p: TradePlan, into doc: inout HTMLDocument) {
    doc.heading("Tax summary")
    guard let t = p.tax else {
      doc.paragraph("Taxes were ignored for this plan (--no-tax).")
      return
    }
    var rows = [
      ["short-term gains", money(t.shortTermGains), ""], ["short-term losses", money(t.shortTermLosses), ""],
      ["long-term gains", money(t.longTermGains), ""], ["long-term losses", money(t.longTermLosses), ""],
    ]
    if !t.zeroRateGains.isZero { rows.append(["taxed at 0%", money(t.zeroRateGains), ""]) }
    if !t.ordinaryIncomeOffset.isZero { rows.append(["deducted from income", money(t.ordinaryIncomeOffset), ""]) }
    if !t.carryforward.isZero { rows.append(["carried forward", money(t.carryforward), ""]) }
    rows.append(["estimated tax", money(t.estimatedTax), t.naiveEstimatedTax.map(money) ?? "n/a"])
    doc.table(["", "this plan", "naive plan"], rows, numeric: [1, 2], strong: [rows.count - 1])
    doc.facts([
      ("losses harvested", money(t.harvestedLosses)), ("estimated tax", money(t.estimatedTax)),
      ("naive plan's tax", t.naiveEstimatedTax.map(money) ?? "n/a"), ("tax saved", t.taxSaved.map(money) ?? "n/a"),
    ])
    if t.naiveReachesSameAllocation == false {
      doc.paragraph("The naive plan ends at another allocation: it ignores the wash-sale rule and the tax limit.", class: "note")
    }
    doc.paragraph("The naive plan reaches the same targets without tax awareness: pro-rata sales across accounts, FIFO lots, no account preference.", class: "note")
    doc.paragraph("Losses offset gains of the same term first, then the other term; the tax is the netted gains times the household file's rates.", class: "note")
  }
}
