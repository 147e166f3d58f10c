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
  /// Every lane looks on every row and trades only on a band breach (no score): a row on which
  /// no lane is out of band needs no per-lane decision.
  var isPureBand: Bool
  /// Set when every lane's band is the same width below and above every asset (and no lane
  /// filters on momentum): then a lane is out of band exactly when its largest drift
  /// `max_i |w_i − t_i|` exceeds that width, and the kernel skips the per-asset band test.
  var uniformWidth: Lanes?

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
    var bits = [UInt8](repeating: 0, count: n)
    bits.withUnsafeMutableBufferPointer { out in
      for (j, r) in list.enumerated() {
        let bit = UInt8(1) << UInt8(j)
        r.look.withUnsafeBufferPointer { looks in
          for t in 0..<min(n, looks.count) { out[t] |= looks[t] ? bit : 0 }
        }
      }
    }
    look = bits
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
    let uniform = list.allSatisfy { r in
      r.strong == nil && r.below.allSatisfy { $0 == r.below[0] } && r.above.allSatisfy { $0 == r.below[0] }
    }
    uniformWidth = uniform ? lanes({ $0.below[0] }, never: .infinity) : nil
    isPureBand = list.allSatisfy { $0.needsBreach && $0.score == nil }
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

/// Lane-wise maximum and minimum by compare-and-select (the standard library's `pointwiseMax`
/// is NaN-aware lane by lane and does not vectorise). No NaN reaches these in the kernel.
/// Written lane by lane so that LLVM emits one `maxpd`/`minpd` per register.
@inline(__always) func laneMax(_ a: Lanes, _ b: Lanes) -> Lanes {
  var r = a
  for i in 0..<laneWidth { r[i] = a[i] < b[i] ? b[i] : a[i] }
  return r
}
@inline(__always) func laneMin(_ a: Lanes, _ b: Lanes) -> Lanes {
  var r = a
  for i in 0..<laneWidth { r[i] = b[i] < a[i] ? b[i] : a[i] }
  return r
}
/// The largest lane (a tree of lane-wise maxima).
@inline(__always) func laneLargest(_ a: Lanes) -> Double {
  let four = a.lowHalf.replacing(with: a.highHalf, where: a.lowHalf .< a.highHalf)
  let two = four.lowHalf.replacing(with: four.highHalf, where: four.lowHalf .< four.highHalf)
  return Swift.max(two[0], two[1])
}
/// Lane-wise absolute value (clears the sign bits).
@inline(__always) func laneAbs(_ a: Lanes) -> Lanes {
  unsafeBitCast(unsafeBitCast(a, to: SIMD8<UInt64>.self) & SIMD8<UInt64>(repeating: 0x7FFF_FFFF_FFFF_FFFF), to: Lanes.self)
}
