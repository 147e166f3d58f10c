extension Household {
  /// Market value of each security held, summed over accounts, keyed in canonical order.
  func classValues() -> [AssetClassName: Money] {
    var priceOf: [Symbol: Security] = [:]
    for s in securities { priceOf[s.symbol] = s }
    var values: [AssetClassName: Money] = [:]
    for account in accounts {
      for h in account.holdings {
        guard let s = priceOf[h.symbol] else { continue }
        values[s.assetClass, default: .zero] += h.quantity * s.price
      }
    }
    return values
  }

  /// The drift of every class and group at the current prices.
  ///
  /// actualᵢ = valueᵢ / base, where base = Σ securities + Σ cash − Σ reserves (no reserve is
  /// deducted when cash is a target class). A class is breached when its weight lies outside
  /// [lower, upper] by more than ``Tolerance/bandEdge``.
  ///
  /// - Complexity: O(holdings + classes²) (the group sums walk the class list).
  public func driftReport() -> DriftReport {
    let leafValues = classValues()
    let cash = accounts.reduce(Money.zero) { $0 + $1.cash }
    let securitiesValue = leafValues.keys.sorted().reduce(Money.zero) { $0 + (leafValues[$1] ?? .zero) }
    let total = securitiesValue + cash
    let base = allocationBase(total: total)
    let baseDouble = base.doubleValue
    var rows: [ClassDrift] = []
    for t in targets.classes {
      var value = Money.zero
      if t.name == .cash {
        value = cash
      } else {
        for leaf in targets.leaves(under: t.name) { value += leafValues[leaf] ?? .zero }
      }
      let actual = baseDouble > 0 ? value.doubleValue / baseDouble : 0
      let (lower, upper) = t.edges
      rows.append(
        ClassDrift(
          name: t.name, value: value, target: t.weight, actual: actual, drift: actual - t.weight,
          relativeDrift: t.weight > 0 ? (actual - t.weight) / t.weight : nil, lower: lower, upper: upper,
          isBreached: actual < lower - Tolerance.bandEdge || actual > upper + Tolerance.bandEdge,
          parent: t.parent, isGroup: !t.isLeaf))
    }
    return DriftReport(asOf: asOf, totalValue: total, cash: cash, allocationBase: base, classes: rows)
  }

  /// The total less every account's cash reserve, unless cash is a target class.
  func allocationBase(total: Money) -> Money {
    guard !targets.hasCashClass else { return total }
    var reserves = Money.zero
    for _ in accounts { reserves += settings.cashReserve }
    return total - reserves
  }
}
