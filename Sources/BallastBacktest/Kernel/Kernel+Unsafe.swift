/// The simulation kernel: one pass over the rows, one inner loop over the assets, up to eight
/// strategies side by side in SIMD lanes, every metric accumulated in the same pass.
///
/// Per row `t ≥ 1` (SPEC §4): holdings grow by `1 + r`; cash flows (if any) are invested by
/// cash-flow rebalancing; the weights are compared with the bands; a lane that looks and is
/// triggered trades at the same close (never on the final row), paying `costRate × value ×
/// Σ|w' − w|`, after which its holdings are `w' × (value − cost)`.
/// Unsafe buffers and `&+`/`&*` index arithmetic keep the hot loop free of checks and
/// allocations (PLATFORM.md); every index stays below `rows × assets` by construction.
enum Kernel {
  static func run(_ b: LaneBatch, _ x: KernelInput, record: Bool) -> LaneTotals {
    let k = x.assets
    let h = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: k)
    let scratch = UnsafeMutableBufferPointer<Lanes>.allocate(capacity: 3 * k)
    defer {
      h.deallocate()
      scratch.deallocate()
    }
    let v0 = Lanes(repeating: x.initialValue)
    for i in 0..<k { h[i] = Lanes(repeating: x.targets[i]) * v0 }
    var totals = LaneTotals(initialValue: x.initialValue)
    if record {
      totals.values = [Double](repeating: 0, count: x.rows * laneWidth)
      totals.weights = [Double](repeating: 0, count: x.rows * k * laneWidth)
      totals.traded = [UInt8](repeating: 0, count: x.rows)
    }
    x.growth.withUnsafeBufferPointer { g in
      b.below.withUnsafeBufferPointer { below in
        b.above.withUnsafeBufferPointer { above in
          var state = Pass(
            b: b, x: x, g: g, below: below, above: above, h: h,
            scaledBelow: UnsafeMutableBufferPointer(rebasing: scratch[0..<k]),
            scaledAbove: UnsafeMutableBufferPointer(rebasing: scratch[k..<(2 * k)]),
            newWeights: UnsafeMutableBufferPointer(rebasing: scratch[(2 * k)..<(3 * k)]),
            totals: totals, targets: x.targets.map { Lanes(repeating: $0) })
          state.recordRow(0)
          for t in 1..<x.rows { state.step(t) }
          totals = state.totals
        }
      }
    }
    return totals
  }

  /// The state of one pass over the rows.
  struct Pass {
    let b: LaneBatch
    let x: KernelInput
    let g: UnsafeBufferPointer<Double>
    let below: UnsafeBufferPointer<Lanes>
    let above: UnsafeBufferPointer<Lanes>
    let h: UnsafeMutableBufferPointer<Lanes>
    let scaledBelow: UnsafeMutableBufferPointer<Lanes>
    let scaledAbove: UnsafeMutableBufferPointer<Lanes>
    let newWeights: UnsafeMutableBufferPointer<Lanes>
    var totals: LaneTotals
    var navPrev = Lanes(repeating: 1)
    var sinceTrade = Lanes.zero
    /// The targets, broadcast to every lane.
    let targets: [Lanes]

    @inline(__always) mutating func step(_ t: Int) {
      let k = x.assets
      let row = t &* k
      let equalFast = x.equalTargets && b.uniformWidth != nil && x.flows == nil
      var extremes = (largest: Lanes.zero, smallest: Lanes.zero)
      if equalFast {
        let (v, hi, lo) = growTrackingExtremes(row)
        totals.value = v
        extremes = (hi, lo)
      } else {
        totals.value = grow(row)
      }
      if let flows = x.flows, flows.active[t] { applyFlow(flows, t) }
      let inv = x.flows == nil ? 1 / totals.value : (1 / totals.value).replacing(with: 0, where: totals.value .<= 0)
      let (lo, hi) = widths(t)
      var maxDrift = Lanes.zero
      var excess = Lanes(repeating: -.infinity)
      if let width = b.uniformWidth {
        if equalFast {
          // All targets equal t: x ↦ x × inv − t is monotone, so the largest |w − t| comes
          // from the largest or the smallest holding (bit-identical to largestDrift).
          let t0 = targets[0]
          maxDrift = laneMax(extremes.largest * inv - t0, t0 - extremes.smallest * inv)
        } else {
          maxDrift = largestDrift(inv)
        }
        excess = maxDrift - (b.scale.map { width * $0[t] } ?? width)
      } else if let strong = b.strong {
        for i in 0..<k {
          let d = h[i] * inv - targets[i]
          let nd = -d
          maxDrift = laneMax(maxDrift, laneAbs(d))
          var up = d - hi[i]
          if strong[row &+ i] != 0 { up = up.replacing(with: -.infinity, where: Lanes.mask(strong[row &+ i])) }
          excess = laneMax(excess, laneMax(up, nd - lo[i]))
        }
      } else {
        for i in 0..<k {
          let d = h[i] * inv - targets[i]
          maxDrift = laneMax(maxDrift, laneAbs(d))
          excess = laneMax(excess, laneMax(d - hi[i], -d - lo[i]))
        }
      }
      totals.drift += maxDrift
      sinceTrade += 1
      let looking = b.look[t]
      if looking != 0, t < x.rows &- 1, !(b.isPureBand && laneLargest(excess) <= 0) {
        let trade = decide(looking, t: t, excess: excess, maxDrift: maxDrift)
        if trade != 0 {
          rebalance(Lanes.mask(trade), inv: inv, lo: lo, hi: hi, row: row)
          if !totals.traded.isEmpty { totals.traded[t] = trade }
        }
      }
      accumulate(t)
      if !totals.values.isEmpty { recordRow(t) }
    }

    /// Applies row `row / k`'s growth factors and returns the new value: the sum over assets
    /// in asset order.
    @inline(__always) func grow(_ row: Int) -> Lanes {
      var value = Lanes.zero
      for i in 0..<x.assets {
        let a = h[i] * Lanes(repeating: g[row &+ i])
        h[i] = a
        value += a
      }
      return value
    }

    /// ``grow(_:)`` that also returns the largest and smallest holding of each lane.
    @inline(__always) func growTrackingExtremes(_ row: Int) -> (Lanes, Lanes, Lanes) {
      var value = Lanes.zero
      var largest = Lanes(repeating: -.infinity)
      var smallest = Lanes(repeating: .infinity)
      for i in 0..<x.assets {
        let a = h[i] * Lanes(repeating: g[row &+ i])
        h[i] = a
        value += a
        largest = laneMax(largest, a)
        smallest = laneMin(smallest, a)
      }
      return (value, largest, smallest)
    }

    /// `max_i |h_i × inv − target_i|`, in two chains (the maximum does not depend on order).
    @inline(__always) func largestDrift(_ inv: Lanes) -> Lanes {
      let k = x.assets
      var m0 = Lanes.zero
      var m1 = Lanes.zero
      var i = 0
      while i &+ 1 < k {
        m0 = laneMax(m0, laneAbs(h[i] * inv - targets[i]))
        m1 = laneMax(m1, laneAbs(h[i &+ 1] * inv - targets[i &+ 1]))
        i = i &+ 2
      }
      if i < k { m0 = laneMax(m0, laneAbs(h[i] * inv - targets[i])) }
      return laneMax(m0, m1)
    }

    /// The lanes (as bits) that trade on row `t`: they look, and they are out of band, or
    /// calendar lanes, or their score passes its threshold; and they still hold something.
    @inline(__always) func decide(_ looking: UInt8, t: Int, excess: Lanes, maxDrift: Lanes) -> UInt8 {
      var trade: UInt8 = 0
      let score = b.score.map { $0.base[t] + $0.perDrift * maxDrift + $0.perRow * sinceTrade }
      for j in 0..<laneWidth where looking & (1 << UInt8(j)) != 0 {
        var wants = excess[j] > 0 || b.needsBreach[j] == 0
        if let score, let s = b.score { wants = wants || score[j] > s.threshold[j] }
        if wants && totals.value[j] > 0 { trade |= 1 << UInt8(j) }
      }
      return trade
    }

    /// The band widths of row `t` (scaled when the batch has a per-row scale).
    @inline(__always) func widths(_ t: Int) -> (UnsafeBufferPointer<Lanes>, UnsafeBufferPointer<Lanes>) {
      guard let scale = b.scale else { return (below, above) }
      let s = scale[t]
      for i in 0..<x.assets {
        scaledBelow[i] = below[i] * s
        scaledAbove[i] = above[i] * s
      }
      return (UnsafeBufferPointer(scaledBelow), UnsafeBufferPointer(scaledAbove))
    }

    /// Trades the lanes in `trade` to their targets (or band edges) and charges costs.
    mutating func rebalance(
      _ trade: SIMDMask<SIMD8<Int64>>, inv: Lanes, lo: UnsafeBufferPointer<Lanes>,
      hi: UnsafeBufferPointer<Lanes>, row: Int
    ) {
      let k = x.assets
      let edge = trade .& (b.toEdge .> 0)
      var traded = Lanes.zero
      let cost: Lanes
      let after: Lanes
      if any(edge) {
        let lambda = edgeStep(edge, inv: inv, lo: lo, hi: hi, row: row)
        for i in 0..<k {
          let w = h[i] * inv
          let next = targets[i].replacing(with: w + lambda * (targets[i] - w), where: edge)
          traded += laneAbs(next - w)
          newWeights[i] = next
        }
        cost = Lanes(repeating: x.costRate) * totals.value * traded
        after = totals.value - cost
        for i in 0..<k { h[i] = h[i].replacing(with: newWeights[i] * after, where: trade) }
      } else {
        for i in 0..<k { traded += laneAbs(targets[i] - h[i] * inv) }
        cost = Lanes(repeating: x.costRate) * totals.value * traded
        after = totals.value - cost
        for i in 0..<k { h[i] = h[i].replacing(with: targets[i] * after, where: trade) }
      }
      totals.value = totals.value.replacing(with: after, where: trade)
      totals.turnover += (traded * 0.5).replacing(with: 0, where: .!trade)
      totals.costs += cost.replacing(with: 0, where: .!trade)
      totals.rebalances += Lanes.zero.replacing(with: 1, where: trade)
      sinceTrade = sinceTrade.replacing(with: 0, where: trade)
    }

    /// The least `λ` that brings every weight inside its band: max over breaches of
    /// `1 − width / gap`.
    func edgeStep(
      _ edge: SIMDMask<SIMD8<Int64>>, inv: Lanes, lo: UnsafeBufferPointer<Lanes>,
      hi: UnsafeBufferPointer<Lanes>, row: Int
    ) -> Lanes {
      var lambda = Lanes.zero
      for i in 0..<x.assets {
        let d = h[i] * inv - Lanes(repeating: x.targets[i])
        var upBreach = d .> hi[i]
        if let strong = b.strong { upBreach .&= .!(Lanes.mask(strong[row &+ i])) }
        let up = (1 - hi[i] / d).replacing(with: 0, where: .!upBreach)
        let down = (1 - lo[i] / -d).replacing(with: 0, where: .!(-d .> lo[i]))
        lambda = laneMax(lambda, laneMax(up, down))
      }
      return Lanes(repeating: 1).replacing(with: lambda, where: edge)
    }

    /// Cash-flow rebalancing: a contribution buys the assets below target in proportion to
    /// their shortfall from `target × new value`; a withdrawal sells the assets above it in
    /// proportion to their excess (both sums are at least the flow, so no asset goes
    /// negative). Units are issued or redeemed at the unit value before the flow.
    mutating func applyFlow(_ flows: FlowRows, _ t: Int) {
      let value = totals.value
      let flow = laneMax(Lanes(repeating: flows.amount[t]) + Lanes(repeating: flows.fraction[t]) * value, -value)
      let next = value + flow
      let buying = flow .> 0
      var gapSum = Lanes.zero
      for i in 0..<x.assets {
        let desired = Lanes(repeating: x.targets[i]) * next
        gapSum += laneMax(desired - h[i], .zero).replacing(with: laneMax(h[i] - desired, .zero), where: .!buying)
      }
      let ratio = (flow / gapSum).replacing(with: 0, where: gapSum .<= 0)
      for i in 0..<x.assets {
        let desired = Lanes(repeating: x.targets[i]) * next
        let gap = laneMax(desired - h[i], .zero).replacing(with: laneMax(h[i] - desired, .zero), where: .!buying)
        h[i] = laneMax(h[i] + gap * ratio, .zero)
      }
      let nav = (value / totals.units).replacing(with: navPrev, where: totals.units .<= 0)
      totals.units = (totals.units + flow / nav).replacing(with: 0, where: next .<= 0)
      totals.value = next
      totals.netFlows += flow
    }

    @inline(__always) mutating func accumulate(_ t: Int) {
      let nav = x.flows == nil
        ? (x.initialValue == 1 ? totals.value : totals.value / totals.units)
        : (totals.value / totals.units).replacing(with: navPrev, where: totals.units .<= 0)
      let r = nav / navPrev - 1
      let rs = r - x.shiftR
      totals.sumR += rs
      totals.sumR2 += rs * rs
      let excess = r - x.riskFree[t]
      let xs = excess - x.shiftX
      totals.sumX += xs
      totals.sumX2 += xs * xs
      let down = laneMin(excess, .zero)
      totals.sumDown2 += down * down
      let e = r - x.benchmark[t]
      totals.sumE += e
      totals.sumE2 += e * e
      totals.peak = laneMax(totals.peak, nav)
      totals.maxDrawdown = laneMin(totals.maxDrawdown, nav / totals.peak - 1)
      totals.nav = nav
      navPrev = nav
    }

    mutating func recordRow(_ t: Int) {
      guard !totals.values.isEmpty else { return }
      let k = x.assets
      let inv = (1 / totals.value).replacing(with: 0, where: totals.value .<= 0)
      for j in 0..<laneWidth { totals.values[t * laneWidth + j] = totals.value[j] }
      for i in 0..<k {
        let w = h[i] * inv
        for j in 0..<laneWidth { totals.weights[(t * k + i) * laneWidth + j] = w[j] }
      }
    }
  }
}
