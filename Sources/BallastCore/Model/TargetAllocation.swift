/// The target of one asset class, or of a group of classes in a hierarchical allocation.
public struct AssetClassTarget: Sendable, Hashable {
  public var name: AssetClassName
  /// Target share of the household (a child's weight in the file is a share of its parent;
  /// here it is already multiplied out).
  public var weight: Double
  public var band: ToleranceBand
  public var tier: Tier?
  /// An explicit method for this class; otherwise its tier's, otherwise `toTarget`.
  public var method: RebalanceMethod?
  /// The group this class belongs to, if any.
  public var parent: AssetClassName?
  /// 0 for top-level entries.
  public var depth: Int
  /// Whether securities map to this class directly (it has no children).
  public var isLeaf: Bool
  /// Where purchases of this class go first, best first; `nil` for the default
  /// (``AssetLocation/defaultOrder(for:)``).
  public var location: [AccountType]?

  public init(
    name: AssetClassName, weight: Double, band: ToleranceBand, tier: Tier? = nil,
    method: RebalanceMethod? = nil, parent: AssetClassName? = nil, depth: Int = 0, isLeaf: Bool = true
  ) {
    self.name = name
    self.weight = weight
    self.band = band
    self.tier = tier
    self.method = method
    self.parent = parent
    self.depth = depth
    self.isLeaf = isLeaf
  }

  /// The method this class is traded back with under `auto`.
  public var resolvedMethod: RebalanceMethod { method ?? tier?.defaultMethod ?? .toTarget }

  /// Account types in the order purchases of this class prefer them.
  public var resolvedLocation: [AccountType] { location ?? AssetLocation.defaultOrder(for: name) }

  /// Lower and upper band edges as weights of the household.
  public var edges: (lower: Double, upper: Double) { band.edges(around: weight) }
}

/// Household targets: asset classes (and optional groups of them) in the file's order,
/// depth first, each group followed by its children.
///
/// Weights of the top level sum to 1, and the children of a group sum to the group's weight.
/// Securities map to leaves; a group's value is the sum of its leaves.
public struct TargetAllocation: Sendable, Hashable {
  public var classes: [AssetClassTarget]

  public init(classes: [AssetClassTarget]) { self.classes = classes }

  public var leaves: [AssetClassTarget] { classes.filter(\.isLeaf) }

  public func target(named name: AssetClassName) -> AssetClassTarget? {
    classes.first { $0.name == name }
  }

  /// The leaves under `name` (itself, if it is a leaf).
  public func leaves(under name: AssetClassName) -> [AssetClassName] {
    guard let node = target(named: name) else { return [] }
    if node.isLeaf { return [name] }
    return classes.filter { $0.parent == name }.flatMap { leaves(under: $0.name) }
  }

  /// Whether cash is a target class of its own (otherwise idle cash is invested).
  public var hasCashClass: Bool { classes.contains { $0.name == .cash } }
}
