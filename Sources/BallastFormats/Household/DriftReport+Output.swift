public import BallastCore

extension JSONValue {
  /// Money as an exact literal with at least two decimals (`28510.00`).
  public static func money(_ m: Money) -> JSONValue { .number(m.formatted(minimumFractionDigits: 2)) }
  /// An exact quantity or price with no trailing zeros (`100`, `285.1`).
  public static func exact(_ d: FixedDecimal) -> JSONValue { .number(d.description) }
  /// A weight or ratio rounded to 10 decimals (well below any displayed precision).
  public static func weight(_ w: Double) -> JSONValue { .double((w * 1e10).rounded() / 1e10) }
}

/// Formats of the drift report (`ballast check`, and `before`/`after` of a plan).
public enum DriftReportOutput {
  public static func json(_ r: DriftReport) -> JSONValue {
    .object([
      ("asOf", .string(r.asOf.description)),
      ("totalValue", .money(r.totalValue)),
      ("cash", .money(r.cash)),
      ("allocationBase", .money(r.allocationBase)),
      ("breached", .bool(r.isBreached)),
      ("assetClasses", .array(r.classes.map(classJSON))),
    ])
  }

  static func classJSON(_ c: ClassDrift) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(c.name.rawValue)), ("target", .weight(c.target)), ("actual", .weight(c.actual)),
      ("drift", .weight(c.drift)), ("relativeDrift", c.relativeDrift.map(JSONValue.weight) ?? .null),
      ("lower", .weight(c.lower)), ("upper", .weight(c.upper)), ("breached", .bool(c.isBreached)),
      ("value", .money(c.value)),
    ]
    if let p = c.parent { members.append(("parent", .string(p.rawValue))) }
    if c.isGroup { members.append(("group", .bool(true))) }
    return .object(members)
  }

  public static func csv(_ r: DriftReport) -> String {
    var w = CSVWriter(header: ["assetClass", "parent", "value", "target", "actual", "drift", "relativeDrift", "lower", "upper", "breached"])
    for c in r.classes {
      w.append([
        c.name.rawValue, c.parent?.rawValue ?? "", c.value.rounded(places: 2).formatted(minimumFractionDigits: 2),
        plain(c.target), plain(c.actual), plain(c.drift), c.relativeDrift.map(plain) ?? "", plain(c.lower), plain(c.upper),
        c.isBreached ? "true" : "false",
      ])
    }
    return w.text
  }

  static func plain(_ w: Double) -> String {
    guard case .number(let s) = JSONValue.weight(w) else { return "" }
    return s
  }

  /// The table people read: one row per class, groups first with their members indented.
  public static func table(_ r: DriftReport, title: String?, currency: String) -> String {
    var out = ""
    if let title { out += title + "\n" }
    out += "As of \(r.asOf): total value \(r.totalValue.grouped(places: 2)) \(currency)"
    out += r.cash.isZero ? "\n\n" : ", of which cash \(r.cash.grouped(places: 2))\n\n"
    out += classTable(r)
    let breached = r.classes.filter(\.isBreached)
    out += "\n" + (breached.isEmpty
      ? "Every class is inside its band.\n"
      : "Outside the band: \(breached.map(\.name.rawValue).joined(separator: ", ")).\n")
    return out
  }

  static func classTable(_ r: DriftReport, after: DriftReport? = nil) -> String {
    var columns: [TextTable.Column] = [.init("asset class", .left), .init("value"), .init("target"), .init("actual"), .init("drift"), .init("band")]
    if after != nil { columns += [.init("after"), .init("drift after")] }
    columns.append(.init("", .left))
    var t = TextTable(columns: columns)
    for (i, c) in r.classes.enumerated() {
      let indent = String(repeating: "  ", count: depth(of: c, in: r))
      var row = [
        indent + c.name.rawValue, c.value.grouped(places: 2), percent(c.target), percent(c.actual), signedPoints(c.drift),
        "\(percent(c.lower))–\(percent(c.upper))",
      ]
      var flag = c.isBreached ? (c.actual > c.upper ? "above band" : "below band") : "ok"
      if let a = after?.classes[i] {
        row += [percent(a.actual), signedPoints(a.drift)]
        flag = a.isBreached ? (a.actual > a.upper ? "still above band" : "still below band") : (c.isBreached ? "back in band" : "ok")
      }
      row.append(flag)
      t.append(row)
    }
    return t.rendered(indent: "  ")
  }

  static func depth(of c: ClassDrift, in r: DriftReport) -> Int {
    var d = 0
    var p = c.parent
    while let name = p, d < 16 {
      d += 1
      p = r.classes.first { $0.name == name }?.parent
    }
    return d
  }

  static func percent(_ w: Double) -> String { fixed(w * 100, 1) + "%" }

  static func signedPoints(_ w: Double) -> String {
    let s = fixed(w * 100, 1)
    return (w * 100 >= 0.05 ? "+" : "") + s + " pp"
  }

  /// `v` with `places` decimals, rounded half away from zero, without Foundation formatting.
  static func fixed(_ v: Double, _ places: Int) -> String {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let r = (v * p).rounded()
    guard let d = FixedDecimal(r / p, places: places) else { return "\(v)" }
    let s = d.formatted(minimumFractionDigits: places)
    return s == "-" + FixedDecimal.zero.formatted(minimumFractionDigits: places) ? String(s.dropFirst()) : s
  }
}
