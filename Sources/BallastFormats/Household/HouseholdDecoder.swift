internal import BallastCore

/// Turns a parsed document into a validated ``Household``, section by section.
struct HouseholdDecoder {
  let file: String

  func household(_ root: DocumentNode) throws -> Household {
    let m = try root.mapping(allowed: [
      "household", "asOf", "currency", "tax", "securities", "targets", "accounts", "history", "cashFlows", "settings",
    ])
    let asOf = try m.required("asOf", "asOf: the valuation date (YYYY-MM-DD)").date()
    let currency = try m["currency"].map(currency) ?? "USD"
    let securities = try m.required("securities", "securities: the list of every symbol held or bought")
      .sequence().map(security)
    try checkUnique(securities.map(\.symbol.rawValue), in: m.required("securities", ""), what: "symbol")
    let targetsNode = try m.required("targets", "targets: asset class weights that sum to 1")
    let targets = try TargetsDecoder(file: file).targets(targetsNode)
    let known = Dictionary(securities.map { ($0.symbol, $0) }, uniquingKeysWith: { a, _ in a })
    try validateSecurities(securities, known: known, targets: targets, node: m.required("securities", ""))
    let accountsNode = try m.required("accounts", "accounts: at least one account")
    let accounts = try accountsNode.sequence().map { try AccountDecoder(file: file, asOf: asOf, known: known).account($0) }
    guard !accounts.isEmpty else { throw accountsNode.error("expected at least one account, found an empty list") }
    try checkUnique(accounts.map(\.id.rawValue), in: accountsNode, what: "account id")
    let ids = Set(accounts.map(\.id))
    var household = Household(
      name: try m["household"]?.string(), asOf: asOf, currency: currency,
      tax: try m["tax"].map(tax) ?? TaxSettings(), securities: securities, targets: targets, accounts: accounts,
      history: try m["history"]?.sequence().map { try pastTrade($0, asOf: asOf, accounts: ids, known: known) } ?? [],
      cashFlows: try m["cashFlows"]?.sequence().map { try cashFlow($0, accounts: ids) } ?? [],
      settings: try m["settings"].map(settings) ?? PlanSettings())
    household.name = household.name?.trimmingWhitespace()
    return household
  }

  func currency(_ n: DocumentNode) throws -> String {
    let c = try n.string()
    guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
      throw n.error("expected a three-letter currency code such as USD, found \(n.found)")
    }
    return c
  }

  func checkUnique(_ values: [String], in node: DocumentNode, what: String) throws {
    var seen = Set<String>()
    for (i, v) in values.enumerated() where !seen.insert(v).inserted {
      let items = (try? node.sequence()) ?? []
      throw (i < items.count ? items[i] : node).error("duplicate \(what) '\(v)'")
    }
  }

  func security(_ n: DocumentNode) throws -> Security {
    let m = try n.mapping(allowed: ["symbol", "assetClass", "price", "substitutes", "sameAs", "name"])
    let symbol = try m.required("symbol", "symbol").identifier("a symbol")
    return Security(
      symbol: Symbol(symbol),
      assetClass: AssetClassName(try m.required("assetClass", "assetClass of \(symbol)").identifier("an asset class name")),
      price: try m.required("price", "price of \(symbol)").decimal("a price", sign: .positive),
      substitutes: try m["substitutes"]?.identifierList("symbols").map { Symbol(try $0.identifier("a symbol")) } ?? [],
      sameAs: try m["sameAs"]?.identifierList("symbols").map { Symbol(try $0.identifier("a symbol")) } ?? [])
  }

  /// Every security maps to a leaf class with a target; substitutes and sameAs name known symbols.
  func validateSecurities(
    _ securities: [Security], known: [Symbol: Security], targets: TargetAllocation, node: DocumentNode
  ) throws {
    let items = try node.sequence()
    for (i, s) in securities.enumerated() {
      guard let t = targets.target(named: s.assetClass) else {
        throw items[i].child("assetClass", items[i].node).error(
          "asset class '\(s.assetClass)' of \(s.symbol) has no target; add it to targets (weight 0 to hold none of it)")
      }
      guard t.isLeaf, t.name != .cash else {
        throw items[i].error(
          "\(s.symbol) maps to '\(s.assetClass)', which is \(t.name == .cash ? "cash" : "a group"); map securities to a leaf class")
      }
      for other in s.substitutes + s.sameAs where known[other] == nil {
        throw items[i].error("\(s.symbol) names '\(other)' as a substitute or sameAs, but it is not in securities")
      }
    }
  }

  func tax(_ n: DocumentNode) throws -> TaxSettings {
    let m = try n.mapping(allowed: [
      "shortTermRate", "longTermRate", "zeroRateGainRoom", "washSaleDays", "lotMethod", "specificLots", "ordinaryLossLimit",
    ])
    var t = TaxSettings()
    if let v = m["shortTermRate"] { t.shortTermRate = try v.fraction("a tax rate") }
    if let v = m["longTermRate"] { t.longTermRate = try v.fraction("a tax rate") }
    if let v = m["zeroRateGainRoom"] { t.zeroRateGainRoom = try v.decimal("an amount", sign: .nonNegative) }
    if let v = m["washSaleDays"] { t.washSaleDays = try v.integer("a number of days", in: 0...366) }
    if let v = m["lotMethod"] { t.lotMethod = try v.oneOf(LotSelection.self) }
    if let v = m["specificLots"] { t.specificLots = try v.identifierList("lot ids").map { try $0.string() } }
    if let v = m["ordinaryLossLimit"] { t.ordinaryLossLimit = try v.decimal("an amount", sign: .nonNegative) }
    return t
  }

  func settings(_ n: DocumentNode) throws -> PlanSettings {
    let m = try n.mapping(allowed: ["method", "wholeShares", "minTrade", "cashReserve", "costs"])
    var s = PlanSettings()
    if let v = m["method"] { s.method = try v.oneOf(RebalanceMethod.self) }
    if let v = m["wholeShares"] { s.wholeShares = try v.bool() }
    if let v = m["minTrade"] { s.minTrade = try v.decimal("an amount", sign: .nonNegative) }
    if let v = m["cashReserve"] { s.cashReserve = try v.decimal("an amount", sign: .nonNegative) }
    if let c = m["costs"] {
      let cm = try c.mapping(allowed: ["commission", "spreadBps"])
      if let v = cm["commission"] { s.costs.commission = try v.decimal("a commission per trade", sign: .nonNegative) }
      if let v = cm["spreadBps"] { s.costs.spreadBps = try v.fraction("basis points", in: 0...1000) }
    }
    return s
  }

  func pastTrade(_ n: DocumentNode, asOf: CivilDate, accounts: Set<AccountID>, known: [Symbol: Security]) throws -> PastTrade {
    let m = try n.mapping(allowed: ["date", "account", "symbol", "side", "quantity", "price"])
    let dateNode = try m.required("date", "date of the trade")
    let date = try dateNode.date()
    guard date <= asOf else { throw dateNode.error("trade dated \(date), after asOf \(asOf)") }
    return PastTrade(
      date: date, account: try knownAccount(m.required("account", "account"), accounts),
      symbol: try knownSymbol(m.required("symbol", "symbol"), known),
      side: try m.required("side", "side (buy or sell)").oneOf(PastTrade.Side.self),
      quantity: try m.required("quantity", "quantity").decimal("a quantity", sign: .positive),
      price: try m.required("price", "price").decimal("a price", sign: .positive))
  }

  func cashFlow(_ n: DocumentNode, accounts: Set<AccountID>) throws -> CashFlow {
    let m = try n.mapping(allowed: ["account", "amount"])
    return CashFlow(
      account: try knownAccount(m.required("account", "account"), accounts),
      amount: try m.required("amount", "amount (positive deposit, negative withdrawal)").decimal("an amount"))
  }

  func knownAccount(_ n: DocumentNode, _ accounts: Set<AccountID>) throws -> AccountID {
    let id = AccountID(try n.identifier("an account id"))
    guard accounts.contains(id) else {
      throw n.error("unknown account '\(id)'; accounts are: \(accounts.sorted().map(\.rawValue).joined(separator: ", "))")
    }
    return id
  }

  func knownSymbol(_ n: DocumentNode, _ known: [Symbol: Security]) throws -> Symbol {
    let s = Symbol(try n.identifier("a symbol"))
    guard known[s] != nil else { throw n.error("unknown symbol '\(s)'; add it to securities with its price") }
    return s
  }
}
