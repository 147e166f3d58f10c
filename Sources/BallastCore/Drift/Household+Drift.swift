extension Household {
  /// Market value of every target node (leaf classes from their securities, groups as the sum
  /// of their members, `cash` as the accounts' cash) in the order of `targets.classes`, the
  /// value of all securities held, and all cash, in one pass.
  ///
  /// - Complexity: O(holdings · log securities + securities · classes), one binary search per holding.
  ///
  /// `holdingSecurity`, when given, is ``holdingSecurityIndices()`` of this household: the
  /// lookups then cost nothing.
  func valuation(holdingSecurity: [[Int]]? = nil) -> (nodes: [Money], securities: Money, cash: Money) {
    let nodes = targets.classes
    let nodeOfSecurity = securities.indices.map { s in nodes.indices.first { nodes[$0].name == securities[s].assetClass } ?? -1 }
    let sorted = holdingSecurity == nil && securitiesAreSorted
    var values = [Money](filledWith: .zero, count: nodes.count)
    var cash = Money.zero
    var held = Money.zero
    for a in accounts.indices {
      cash += accounts[a].cash
      for k in accounts[a].holdings.indices {
        let found: Int?
        if let holdingSecurity {
          found = holdingSecurity[a][k] >= 0 ? holdingSecurity[a][k] : nil
        } else {
          found = securityIndex(of: accounts[a].holdings[k].symbol, sorted: sorted)
        }
        guard let s = found else { continue }
        let value = accounts[a].holdings[k].quantity * securities[s].price
        held += value
        if nodeOfSecurity[s] >= 0 { values[nodeOfSecurity[s]] += value }
      }
    }
    if let k = nodes.firstIndex(where: { $0.name == .cash }) { values[k] = cash }
    // Members follow their group (depth first): adding from the back fills every group.
    for k in nodes.indices.reversed() {
      if let p = nodes[k].parent, let parent = nodes.firstIndex(where: { $0.name == p }) { values[parent] += values[k] }
    }
    return (values, held, cash)
  }

  /// The drift of every class and group at the current prices.
  ///
  /// actualᵢ = valueᵢ / base, where base = Σ securities + Σ cash − Σ reserves (no reserve is
  /// deducted when cash is a target class). A class is breached when its weight lies outside
  /// [lower, upper] by more than ``Tolerance/bandEdge``.
  ///
  /// - Complexity: O(holdings + securities + classes).
  public func driftReport() -> DriftReport { driftReport(holdingSecurity: nil) }

  /// ``driftReport()`` with the security of every holding already known
  /// (``holdingSecurityIndices()``).
  func driftReport(holdingSecurity: [[Int]]?) -> DriftReport {
    let (values, securitiesValue, cash) = valuation(holdingSecurity: holdingSecurity)
    let total = securitiesValue + cash
    let base = allocationBase(total: total)
    let baseDouble = base.doubleValue
    // By index: each class's fields are read in place (copying a whole target costs more).
    let classes = targets.classes
    let rows = classes.indices.map { k in
      let actual = baseDouble > 0 ? values[k].doubleValue / baseDouble : 0
      let weight = classes[k].weight
      let (lower, upper) = classes[k].edges
      return ClassDrift(
        name: classes[k].name, value: values[k], target: weight, actual: actual, drift: actual - weight,
        relativeDrift: weight > 0 ? (actual - weight) / weight : nil, lower: lower, upper: upper,
        isBreached: actual < lower - Tolerance.bandEdge || actual > upper + Tolerance.bandEdge,
        parent: classes[k].parent, isGroup: !classes[k].isLeaf)
    }
    return DriftReport(asOf: asOf, totalValue: total, cash: cash, allocationBase: base, classes: rows)
  }

  /// The total less every account's cash reserve, unless cash is a target class.
  func allocationBase(total: Money) -> Money {
    guard !targets.hasCashClass else { return total }
    return total - settings.cashReserve * Money(accounts.count)
  }
}
