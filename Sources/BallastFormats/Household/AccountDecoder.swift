internal import BallastCore

/// Reads one entry of `accounts`: id, type, cash, holdings with optional lots, allowed menu.
struct AccountDecoder {
  let file: String
  let asOf: CivilDate
  let known: [Symbol: Security]

  func account(_ n: DocumentNode) throws -> Account {
    let m = try n.mapping(allowed: ["id", "type", "cash", "holdings", "allowed", "name"])
    let id = try m.required("id", "id of the account").identifier("an account id")
    let holdingsNode = m["holdings"]
    let holdings = try holdingsNode?.sequence().map(holding) ?? []
    if let holdingsNode {
      var seen = Set<Symbol>()
      for (i, h) in holdings.enumerated() where !seen.insert(h.symbol).inserted {
        throw try holdingsNode.sequence()[i].error("\(h.symbol) is listed twice in account '\(id)'; list each symbol once, with all its lots")
      }
    }
    var allowed: [Symbol]?
    if let menu = m["allowed"] {
      allowed = try menu.identifierList("symbols").map { node in
        let s = Symbol(try node.identifier("a symbol"))
        guard known[s] != nil else { throw node.error("unknown symbol '\(s)' in the allowed list; add it to securities") }
        return s
      }
    }
    return Account(
      id: AccountID(id), type: try m.required("type", "type (taxable, taxDeferred or taxExempt)").oneOf(AccountType.self),
      cash: try m["cash"]?.decimal("a cash balance", sign: .nonNegative) ?? .zero,
      holdings: holdings, allowed: allowed)
  }

  func holding(_ n: DocumentNode) throws -> Holding {
    let m = try n.mapping(allowed: ["symbol", "quantity", "lots"])
    let symbolNode = try m.required("symbol", "symbol")
    let symbol = Symbol(try symbolNode.identifier("a symbol"))
    guard known[symbol] != nil else { throw symbolNode.error("unknown symbol '\(symbol)'; add it to securities with its price") }
    let lots = try m["lots"]?.sequence().map(lot) ?? []
    let lotTotal = lots.reduce(Quantity.zero) { $0 + $1.quantity }
    if let q = m["quantity"] {
      let quantity = try q.decimal("a quantity", sign: .nonNegative)
      if !lots.isEmpty && quantity != lotTotal {
        throw q.error("quantity \(quantity) differs from the sum of the lots, \(lotTotal)")
      }
      return Holding(symbol: symbol, quantity: quantity, lots: lots)
    }
    guard !lots.isEmpty else { throw n.error("missing quantity (or lots) of \(symbol)") }
    return Holding(symbol: symbol, quantity: lotTotal, lots: lots)
  }

  func lot(_ n: DocumentNode) throws -> TaxLot {
    let m = try n.mapping(allowed: ["id", "quantity", "cost", "acquired"])
    let dateNode = try m.required("acquired", "acquired: the purchase date")
    let acquired = try dateNode.date()
    guard acquired <= asOf else { throw dateNode.error("lot acquired \(acquired), after asOf \(asOf)") }
    return TaxLot(
      id: try m["id"]?.string(),
      quantity: try m.required("quantity", "quantity of the lot").decimal("a quantity", sign: .positive),
      cost: try m.required("cost", "cost: the lot's total cost basis").decimal("a cost basis", sign: .nonNegative),
      acquired: acquired)
  }
}
