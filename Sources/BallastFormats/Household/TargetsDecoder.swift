internal import BallastCore

/// Reads `targets`: asset class → weight, or → {weight, band, tier, method, children}.
///
/// A child's weight is its share of the parent group (children sum to 1); it is multiplied
/// out to a share of the household. Without a band or tier a class gets ±5 pp
/// (``defaultBand``).
struct TargetsDecoder {
  let file: String

  /// The band of a class that names neither a band nor a tier.
  static let defaultBand = ToleranceBand.absolute(0.05)

  func targets(_ n: DocumentNode) throws -> TargetAllocation {
    var classes: [AssetClassTarget] = []
    try level(n, parent: nil, parentWeight: 1, depth: 0, into: &classes)
    var seen = Set<AssetClassName>()
    for c in classes where !seen.insert(c.name).inserted {
      throw n.error("asset class '\(c.name)' appears twice in the targets")
    }
    return TargetAllocation(classes: classes)
  }

  private func level(
    _ n: DocumentNode, parent: AssetClassName?, parentWeight: Double, depth: Int, into classes: inout [AssetClassTarget]
  ) throws {
    let m = try n.mapping()
    guard !m.entries.isEmpty else { throw n.error("expected at least one asset class, found an empty mapping") }
    var sum = 0.0
    for (name, spec) in m.entries {
      guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
        throw spec.error("expected an asset class name without spaces, found '\(name)'")
      }
      let start = classes.count
      let share = try entry(spec, name: AssetClassName(name), parent: parent, parentWeight: parentWeight, depth: depth, into: &classes)
      if name == AssetClassName.cash.rawValue && !classes[start].isLeaf {
        throw spec.error("'cash' cannot be a group")
      }
      sum += share
    }
    guard abs(sum - 1) <= Tolerance.weightSum else {
      let hint = parent != nil && abs(sum - parentWeight) <= Tolerance.weightSum
        ? "; write children as shares of their group, summing to 1" : ""
      throw n.error("expected the weights to sum to 1, found \(Self.format(sum))\(hint)")
    }
  }

  /// Appends the class (and its children) and returns its share of the parent.
  private func entry(
    _ spec: DocumentNode, name: AssetClassName, parent: AssetClassName?, parentWeight: Double, depth: Int,
    into classes: inout [AssetClassTarget]
  ) throws -> Double {
    if spec.isScalar {
      let w = try spec.fraction("a target weight")
      classes.append(AssetClassTarget(name: name, weight: w * parentWeight, band: Self.defaultBand, parent: parent, depth: depth))
      return w
    }
    let m = try spec.mapping(allowed: ["weight", "band", "tier", "method", "children", "location"])
    let share = try m.required("weight", "weight of '\(name)'").fraction("a target weight")
    let tier = try m["tier"]?.oneOf(Tier.self)
    var method: RebalanceMethod?
    if let node = m["method"] {
      method = try node.oneOf(RebalanceMethod.self)
      guard method == .toTarget || method == .toBandEdge else {
        throw node.error("expected toTarget or toBandEdge for a class, found \(node.found)")
      }
    }
    let band = try m["band"].map(band) ?? tier?.defaultBand ?? Self.defaultBand
    let index = classes.count
    classes.append(
      AssetClassTarget(
        name: name, weight: share * parentWeight, band: band, tier: tier, method: method, parent: parent, depth: depth))
    if let node = m["location"] {
      let order = try node.identifierList("account types").map { try $0.oneOf(AccountType.self) }
      guard Set(order).count == order.count, !order.isEmpty else {
        throw node.error("expected a list of distinct account types (taxDeferred, taxExempt, taxable), best first")
      }
      classes[index].location = order
    }
    if let children = m["children"] {
      guard depth < 8 else { throw children.error("targets nest deeper than 8 levels") }
      classes[index].isLeaf = false
      try level(children, parent: name, parentWeight: share * parentWeight, depth: depth + 1, into: &classes)
    }
    return share
  }

  /// `0.05` (±5 pp), `{relative: 0.25}`, `{below: 0.02, above: 0.04}`, `{absolute: 0.05, relative: 0.25}`.
  func band(_ n: DocumentNode) throws -> ToleranceBand {
    if n.isScalar { return .absolute(try n.fraction("a band width")) }
    let m = try n.mapping(allowed: ["absolute", "relative", "below", "above"])
    let absolute = try m["absolute"]?.fraction("a band width")
    var band = ToleranceBand(
      below: try m["below"]?.fraction("a band width") ?? absolute,
      above: try m["above"]?.fraction("a band width") ?? absolute,
      relative: try m["relative"]?.fraction("a relative band width", in: 0...10))
    if band.below == nil && band.above == nil && band.relative == nil {
      throw n.error("expected a band: absolute, relative, below and/or above")
    }
    if band.relative == nil {
      // One-sided absolute bands: the other side is unlimited only if written so; default to the same width.
      band.below = band.below ?? band.above
      band.above = band.above ?? band.below
    }
    return band
  }

  static func format(_ v: Double) -> String {
    let r = (v * 1e6).rounded() / 1e6
    return "\(r)"
  }
}
