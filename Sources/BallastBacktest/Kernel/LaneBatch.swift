/// The kernel simulates up to ``laneWidth`` strategies at once, one per SIMD lane: every lane
/// applies the same returns to its own holdings, in the same order of operations as every other
/// lane, so a strategy's result never depends on which strategies share its batch (a sweep is
/// bit-identical to running its strategies one by one).
typealias Lanes = SIMD8<Double>
let laneWidth = 8

/// Up to eight compiled rules laid out lane by lane; unused lanes never trade.
struct LaneBatch {
  var count: Int
  var below: [Lanes]
  var above: [Lanes]
  /// Bit `j` of `look[t]`: lane `j` looks on row `t`.
  var look: [UInt8]
  var scale: [Lanes]?
  /// 1 for lanes that trade only on a breach, 0 for calendar lanes.
  var needsBreach: Lanes
  /// 1 for lanes that trade to the band edge.
  var toEdge: Lanes
  /// Bit `j` of `strong[t * k + a]`: lane `j` ignores an upper breach of asset `a` on row `t`.
  var strong: [UInt8]?
  var score: ScoreLanes?

  struct ScoreLanes {
    var base: [Lanes]
    var perDrift: Lanes
    var perRow: Lanes
    var threshold: Lanes
  }

  init(_ rules: ArraySlice<CompiledRule>, rows n: Int, assets k: Int) {
    precondition(!rules.isEmpty && rules.count <= laneWidth, "a batch holds 1 to \(laneWidth) rules")
    let list = Array(rules)
    count = list.count
    func lanes(_ value: (CompiledRule) -> Double, never: Double) -> Lanes {
      var v = Lanes(repeating: never)
      for (j, r) in list.enumerated() { v[j] = value(r) }
      return v
    }
    below = (0..<k).map { i in lanes({ $0.below[i] }, never: .infinity) }
    above = (0..<k).map { i in lanes({ $0.above[i] }, never: .infinity) }
    look = (0..<n).map { t in
      var bits: UInt8 = 0
      for (j, r) in list.enumerated() where r.look[t] { bits |= 1 << UInt8(j) }
      return bits
    }
    scale = list.contains { $0.scale != nil }
      ? (0..<n).map { t in lanes({ $0.scale?[t] ?? 1 }, never: 1) } : nil
    needsBreach = lanes({ $0.needsBreach ? 1 : 0 }, never: 1)
    toEdge = lanes({ $0.toEdge ? 1 : 0 }, never: 0)
    strong = list.contains { $0.strong != nil }
      ? (0..<(n * k)).map { j in
        var bits: UInt8 = 0
        for (l, r) in list.enumerated() where r.strong?[j] == true { bits |= 1 << UInt8(l) }
        return bits
      } : nil
    if list.contains(where: { $0.score != nil }) {
      score = ScoreLanes(
        base: (0..<n).map { t in lanes({ $0.score?.base[t] ?? -.infinity }, never: -.infinity) },
        perDrift: lanes({ $0.score?.perDrift ?? 0 }, never: 0),
        perRow: lanes({ $0.score?.perRow ?? 0 }, never: 0),
        threshold: lanes({ $0.score?.threshold ?? .infinity }, never: .infinity))
    } else {
      score = nil
    }
  }
}

extension Lanes {
  /// The mask of the lanes whose bit is set in `bits`.
  @inline(__always) static func mask(_ bits: UInt8) -> SIMDMask<SIMD8<Int64>> {
    (SIMD8<Int64>(repeating: Int64(bits)) & SIMD8<Int64>(1, 2, 4, 8, 16, 32, 64, 128)) .!= 0
  }
}
