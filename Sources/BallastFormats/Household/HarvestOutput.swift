public import BallastCore

/// Formats of `ballast harvest`'s candidate list.
public enum HarvestOutput {
  public static func json(_ candidates: [HarvestCandidate], asOf: CivilDate) -> JSONValue {
    .object([
      ("asOf", .string(asOf.description)),
      ("totalLoss", .money(candidates.reduce(.zero) { $0 + $1.loss })),
      ("totalTaxValue", .money(candidates.reduce(.zero) { $0 + $1.taxValue })),
      ("candidates", .array(candidates.map { c in
        .object([
          ("account", .string(c.account.rawValue)), ("symbol", .string(c.symbol.rawValue)),
          ("lotId", c.lot.id.map(JSONValue.string) ?? .null), ("acquired", .string(c.lot.acquired.description)),
          ("quantity", .exact(c.lot.quantity)), ("cost", .money(c.lot.cost)), ("value", .money(c.value)),
          ("loss", .money(c.loss)), ("lossPercent", .weight(c.lossFraction * 100)), ("term", .string(c.term.rawValue)),
          ("taxValue", .money(c.taxValue)), ("substitute", c.substitute.map { .string($0.rawValue) } ?? .null),
          ("washSaleBlockedUntil", c.blockedUntil.map { .string($0.description) } ?? .null),
        ])
      })),
    ])
  }

  public static func csv(_ candidates: [HarvestCandidate]) -> String {
    var w = CSVWriter(header: [
      "account", "symbol", "lotId", "acquired", "quantity", "cost", "value", "loss", "term", "taxValue", "substitute", "blockedUntil",
    ])
    for c in candidates {
      w.append([
        c.account.rawValue, c.symbol.rawValue, c.lot.id ?? "", c.lot.acquired.description, c.lot.quantity.description,
        c.lot.cost.formatted(minimumFractionDigits: 2), c.value.formatted(minimumFractionDigits: 2),
        c.loss.formatted(minimumFractionDigits: 2), c.term.rawValue, c.taxValue.formatted(minimumFractionDigits: 2),
        c.substitute?.rawValue ?? "", c.blockedUntil?.description ?? "",
      ])
    }
    return w.text
  }

  public static func table(_ candidates: [HarvestCandidate], asOf: CivilDate, title: String?) -> String {
    var out = "\(title.map { "\($0): " } ?? "")tax-loss harvesting candidates as of \(asOf)\n\n"
    guard !candidates.isEmpty else { return out + "No lot stands at a loss above the thresholds.\n" }
    var t = TextTable(columns: [
      .init("account", .left), .init("symbol", .left), .init("acquired", .left), .init("shares"), .init("cost"), .init("value"),
      .init("loss"), .init("loss %"), .init("term", .left), .init("tax value"), .init("substitute", .left), .init("wash sale", .left),
    ])
    for c in candidates {
      t.append([
        c.account.rawValue, c.symbol.rawValue, c.lot.acquired.description, c.lot.quantity.description, c.lot.cost.grouped(places: 2),
        c.value.grouped(places: 2), c.loss.grouped(places: 2), DriftReportOutput.fixed(c.lossFraction * 100, 1) + "%",
        c.term.rawValue, c.taxValue.grouped(places: 2), c.substitute?.rawValue ?? "none listed",
        c.blockedUntil.map { "blocked until \($0)" } ?? "clear",
      ])
    }
    out += t.rendered(indent: "  ")
    let loss = candidates.reduce(Money.zero) { $0 + $1.loss }
    let value = candidates.reduce(Money.zero) { $0 + $1.taxValue }
    out += "\n  \(candidates.count) lot(s), losses \(loss.grouped(places: 2)), worth \(value.grouped(places: 2)) in tax at the file's rates\n"
    return out
  }
}
