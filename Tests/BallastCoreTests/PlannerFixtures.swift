import BallastCore

/// Small households written out by hand for the planner tests.
enum Fixture {
  static let asOf = CivilDate(year: 2026, month: 11, day: 20)!

  static func security(_ symbol: String, _ cls: String, _ price: Int) -> Security {
    Security(symbol: Symbol(symbol), assetClass: AssetClassName(cls), price: Money(price))
  }

  static func targets(_ entries: [(String, Double, ToleranceBand)]) -> TargetAllocation {
    TargetAllocation(classes: entries.map { AssetClassTarget(name: AssetClassName($0.0), weight: $0.1, band: $0.2) })
  }

  static let sixtyForty = targets([("stocks", 0.6, .absolute(0.05)), ("bonds", 0.4, .absolute(0.05))])
  static let stocksAndBonds = [security("S", "stocks", 100), security("B", "bonds", 50)]

  static func account(
    _ id: String, _ type: AccountType, cash: Int = 0, _ holdings: [(String, Int)], allowed: [String]? = nil
  ) -> Account {
    Account(
      id: AccountID(id), type: type, cash: Money(cash),
      holdings: holdings.map { Holding(symbol: Symbol($0.0), quantity: Quantity($0.1)) },
      allowed: allowed?.map(Symbol.init))
  }

  static func household(_ accounts: [Account], targets: TargetAllocation = sixtyForty, securities: [Security] = stocksAndBonds) -> Household {
    var h = Household(asOf: asOf, securities: securities, targets: targets, accounts: accounts)
    h.settings.wholeShares = true
    return h
  }
}

extension TradePlan {
  func trades(in account: String) -> [String] {
    trades.filter { $0.account.rawValue == account }.map { "\($0.side.rawValue) \($0.quantity) \($0.symbol)" }
  }

  func weight(_ cls: String) -> Double { after.classes.first { $0.name.rawValue == cls }?.actual ?? .nan }
}
