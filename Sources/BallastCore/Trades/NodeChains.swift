/// For each security of a household, the target nodes its value adds to: its leaf class first,
/// then each group above it (empty when no target names its class).
///
/// One flat list with a start per security, so that a household's chains cost two arrays
/// rather than one per class; `chains[s]` is a slice of it.
struct NodeChains {
  private var nodes: [Int] = []
  private var start: [Int] = [0]
  /// The longest chain (1 without groups, 0 when no security has a class).
  private(set) var maxDepth = 0

  init(_ h: Household) {
    let classes = h.targets.classes
    nodes.reserveCapacity(h.securities.count)
    start.reserveCapacity(h.securities.count + 1)
    for s in h.securities.indices {
      if let leaf = classes.indices.first(where: { classes[$0].name == h.securities[s].assetClass }) {
        nodes.append(leaf)
        var name = classes[leaf].parent
        while let n = name, let k = classes.indices.first(where: { classes[$0].name == n }) {
          nodes.append(k)
          name = classes[k].parent
        }
      }
      start.append(nodes.count)
      maxDepth = max(maxDepth, nodes.count - start[s])
    }
  }

  /// The chain of security `s`: leaf, then groups upward.
  subscript(s: Int) -> ArraySlice<Int> { nodes[start[s]..<start[s + 1]] }
}
