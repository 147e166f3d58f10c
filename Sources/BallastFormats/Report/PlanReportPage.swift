public import BallastCore

/// The HTML report of a plan (`ballast report plan`): allocation before and after against
/// targets and bands, trades by account, lots relieved, the tax summary and the warnings.
public enum PlanReportPage {
  /// The page for `plan` of the household `name` (money in `currency`); `command` is shown
  /// under the title.
  public static func html(_ plan: TradePlan, name: String?, currency: String, command: String?) -> String {
    var doc = HTMLDocument(
      title: "Rebalancing plan\(name.map { ": \($0)" } ?? ""), as of \(plan.asOf)", command: command)
    doc.facts(keyFigures(plan, currency: currency))
    doc.heading("Allocation before and after")
    doc.figure(allocationChart(plan), caption: "Each asset class's share of the household before the plan (light bar) and after it (dark bar). The whisker spans the class's tolerance band and the diamond marks its target; a light bar outside its whisker is what the plan corrects.")
    doc.table(
      ["asset class", "target", "band", "before", "drift before", "after", "drift after", "status"],
      plan.before.classes.map { c in classRow(c, after: plan.after.classes.first { $0.name == c.name }) },
      numeric: [1, 3, 4, 5, 6])
    tradeSections(plan, currency: currency, into: &doc)
    lotSection(plan, into: &doc)
    taxSection(plan, into: &doc)
    doc.heading("Warnings")
    if plan.warnings.isEmpty { doc.paragraph("None.") } else { doc.list(plan.warnings, class: "warnings") }
    return doc.rendered()
  }

  static func money(_ m: Money) -> String { m.grouped(places: 2) }

  static func keyFigures(_ p: TradePlan, currency: String) -> [(String, String)] {
    let bought = p.trades.filter { $0.side == .buy }.reduce(Money.zero) { $0 + $1.amount }
    let sold = p.trades.filter { $0.side == .sell }.reduce(Money.zero) { $0 + $1.amount }
    let breachedBefore = p.before.classes.filter(\.isBreached).count
    let breachedAfter = p.after.classes.filter(\.isBreached).count
    return [
      ("household value (\(currency))", money(p.totalValue)), ("method", p.method?.rawValue ?? "harvest"),
      ("trades", String(p.trades.count)), ("sold", money(sold)), ("bought", money(bought)),
      ("estimated tax", p.tax.map { money($0.estimatedTax) } ?? "ignored (--no-tax)"),
      ("tax saved vs naive plan", p.tax?.taxSaved.map(money) ?? "n/a"), ("costs", money(p.totalCosts)),
      ("classes out of band", "\(breachedBefore) before, \(breachedAfter) after"),
    ]
  }

  static func displayName(_ c: ClassDrift) -> String { c.parent == nil ? c.name.rawValue : "· " + c.name.rawValue }

  static func allocationChart(_ p: TradePlan) -> String {
    let categories = p.before.classes.map { c in
      let after = p.after.classes.first { $0.name == c.name }?.actual ?? .nan
      return BarChart.Category(name: displayName(c), values: [c.actual, after], target: c.target, band: c.lower...max(c.lower, c.upper))
    }
    return BarChart(
      title: "Allocation by asset class: before and after the plan, against target and band",
      valueAxis: AxisSpec("share of the household (% of the allocation base)", style: .percent),
      bars: [BarChart.Bars(name: "before", fill: "#bcd3ea", stroke: "#5b7fa6"), BarChart.Bars(name: "after", fill: "#0b5394", stroke: "#06305a")],
      categories: categories
    ).svg()
  }

  static func classRow(_ c: ClassDrift, after: ClassDrift?) -> [String] {
    let status: String
    switch (c.isBreached, after?.isBreached ?? c.isBreached) {
    case (true, false): status = "back in band"
    case (_, true): status = "OUT OF BAND"
    default: status = "ok"
    }
    return [
      displayName(c), ReportNumber.percent(c.target), "\(ReportNumber.percent(c.lower))–\(ReportNumber.percent(c.upper))",
      ReportNumber.percent(c.actual), ReportNumber.points(c.drift), after.map { ReportNumber.percent($0.actual) } ?? "",
      after.map { ReportNumber.points($0.drift) } ?? "", status,
    ]
  }
}
