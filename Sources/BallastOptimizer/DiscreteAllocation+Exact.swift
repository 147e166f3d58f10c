extension DiscreteAllocation {
  /// The exact integer program (see the type's documentation), starting from the greedy
  /// allocation as incumbent.
  /// - Parameter nodeLimit: search nodes before giving up the proof; the result then says
  ///   `isProvenOptimal == false` and is the best allocation found.
  public func exact(nodeLimit: Int = 5_000_000) -> ShareAllocation {
    let v = totalValue
    let lb = lowerShares
    let order = (0..<assets.count).sorted { weights[$0] * v > weights[$1] * v || (weights[$0] == weights[$1] && $0 < $1) }
    var search = Search(
      v: v, order: order, lb: lb, prices: prices, targets: weights.map { $0 * v }, nodeLimit: nodeLimit)
    let greedyResult = greedy()
    search.best = greedyResult.shares
    search.bestShortfall = search.shortfall(greedyResult.shares)
    var x = lb
    search.visit(depth: 0, x: &x, budget: v - spent(lb), shortfall: 0)
    return allocation(search.best, proven: search.nodes < nodeLimit)
  }

  /// Depth-first branch and bound on `Σ_i (target_i − p_i x_i)⁺` under `Σ p_i x_i ≤ V`.
  struct Search {
    let v: Double
    let order: [Int]
    let lb: [Int]
    let prices: [Double]
    let targets: [Double]
    let nodeLimit: Int
    var best: [Int] = []
    var bestShortfall = Double.infinity
    var nodes = 0

    func shortfall(_ x: [Int]) -> Double {
      var s = 0.0
      for i in 0..<x.count { s += max(targets[i] - prices[i] * Double(x[i]), 0) }
      return s
    }

    /// Shortfall of the assets from `depth` on if each stays at its lower bound.
    func restShortfall(from depth: Int) -> Double {
      var s = 0.0
      for k in depth..<order.count { s += max(targets[order[k]] - prices[order[k]] * Double(lb[order[k]]), 0) }
      return s
    }

    mutating func visit(depth: Int, x: inout [Int], budget: Double, shortfall: Double) {
      nodes += 1
      if nodes >= nodeLimit { return }
      let rest = restShortfall(from: depth)
      if shortfall + max(rest - budget, 0) >= bestShortfall - 1e-9 * max(v, 1) { return }
      guard depth < order.count else {
        best = x
        bestShortfall = shortfall
        return
      }
      let i = order[depth]
      let top = max(lb[i], Int((targets[i] / prices[i]).rounded(.up)))
      let affordable = lb[i] + Int((budget / prices[i]).rounded(.down))
      var k = min(top, affordable)
      while k >= lb[i] {
        x[i] = k
        let cost = prices[i] * Double(k - lb[i])
        visit(depth: depth + 1, x: &x, budget: budget - cost,
              shortfall: shortfall + max(targets[i] - prices[i] * Double(k), 0))
        if nodes >= nodeLimit { break }
        k -= 1
      }
      x[i] = lb[i]
    }
  }
}
