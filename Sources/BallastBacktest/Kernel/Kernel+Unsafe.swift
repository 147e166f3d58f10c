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
    }
    x.growth.withUnsafeBufferPointer { g in
      b.below.withUnsafeBufferPointer { below in
        b.above.withUnsafeBufferPointer { above in
          var state = Pass(
            b: b, x: x, g: g, below: below, above: above, h: h,
            scaledBelow: UnsafeMutableBufferPointer(rebasing: scratch[0..<k]),
            scaledAbove: UnsafeMutableBufferPointer(rebasing: scratch[k..<(2 * k)]),
            newWeights: UnsafeMutableBufferPointer(rebasing: scratch[(2 * k)..<(3 * k)]),
            totals: totals)
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

    @inline(__always) mutating func step(_ t: Int) {
      let k = x.assets
      var value = Lanes.zero
      let row = t &* k
      for i in 0..<k {
        let grown = h[i] * Lanes(repeating: g[row &+ i])
        h[i] = grown
        value += grown
      }
      totals.value = value
      if let flows = x.flows, flows.active[t] { applyFlow(flows, t) }
      let inv = (1 / totals.value).replacing(with: 0, where: totals.value .<= 0)
      let (lo, hi) = widths(t)
      var maxDrift = Lanes.zero
      var excess = Lanes(repeating: -.infinity)
      for i in 0..<k {
        let d = h[i] * inv - Lanes(repeating: x.targets[i])
        let nd = -d
        maxDrift = pointwiseMax(maxDrift, pointwiseMax(d, nd))
        var up = d - hi[i]
        if let strong = b.strong, strong[row &+ i] != 0 {
          up = up.replacing(with: -.infinity, where: Lanes.mask(strong[row &+ i]))
        }
        excess = pointwiseMax(excess, pointwiseMax(up, nd - lo[i]))
      }
      totals.drift += maxDrift
      sinceTrade += 1
      if t < x.rows &- 1, b.look[t] != 0 {
        var want = (excess .> 0) .| (b.needsBreach .== 0)
        if let s = b.score {
          want .|= (s.base[t] + s.perDrift * maxDrift + s.perRow * sinceTrade) .> s.threshold
        }
        let trade = (Lanes.mask(b.look[t])) .& want .& (totals.value .> 0)
        if any(trade) { rebalance(trade, inv: inv, lo: lo, hi: hi, row: row) }
      }
      accumulate(t)
      if !totals.values.isEmpty { recordRow(t) }
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
      let lambda = any(edge) ? edgeStep(edge, inv: inv, lo: lo, hi: hi, row: row) : Lanes(repeating: 1)
      var traded = Lanes.zero
      for i in 0..<k {
        let w = h[i] * inv
        let target = Lanes(repeating: x.targets[i])
        let next = target.replacing(with: w + lambda * (target - w), where: edge)
        traded += pointwiseMax(next - w, w - next)
        newWeights[i] = next
      }
      let cost = Lanes(repeating: x.costRate) * totals.value * traded
      let after = totals.value - cost
      for i in 0..<k { h[i] = h[i].replacing(with: newWeights[i] * after, where: trade) }
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
        lambda = pointwiseMax(lambda, pointwiseMax(up, down))
      }
      return Lanes(repeating: 1).replacing(with: lambda, where: edge)
    }

    /// Cash-flow rebalancing: a contribution buys the assets below target in proportion to
    /// their shortfall from `target × new value`; a withdrawal sells the assets above it in
    /// proportion to their excess (both sums are at least the flow, so no asset goes
    /// negative). Units are issued or redeemed at the unit value before the flow.
    mutating func applyFlow(_ flows: FlowRows, _ t: Int) {
      let value = totals.value
      let flow = pointwiseMax(Lanes(repeating: flows.amount[t]) + Lanes(repeating: flows.fraction[t]) * value, -value)
      let next = value + flow
      let buying = flow .> 0
      var gapSum = Lanes.zero
      for i in 0..<x.assets {
        let desired = Lanes(repeating: x.targets[i]) * next
        gapSum += pointwiseMax(desired - h[i], .zero).replacing(with: pointwiseMax(h[i] - desired, .zero), where: .!buying)
      }
      let ratio = (flow / gapSum).replacing(with: 0, where: gapSum .<= 0)
      for i in 0..<x.assets {
        let desired = Lanes(repeating: x.targets[i]) * next
        let gap = pointwiseMax(desired - h[i], .zero).replacing(with: pointwiseMax(h[i] - desired, .zero), where: .!buying)
        h[i] = pointwiseMax(h[i] + gap * ratio, .zero)
      }
      let nav = (value / totals.units).replacing(with: navPrev, where: totals.units .<= 0)
      totals.units = (totals.units + flow / nav).replacing(with: 0, where: next .<= 0)
      totals.value = next
      totals.netFlows += flow
    }

    @inline(__always) mutating func accumulate(_ t: Int) {
      let nav = (totals.value / totals.units).replacing(with: navPrev, where: totals.units .<= 0)
      let r = nav / navPrev - 1
      let rs = r - x.shiftR
      totals.sumR += rs
      totals.sumR2 += rs * rs
      let excess = r - x.riskFree[t]
      let xs = excess - x.shiftX
      totals.sumX += xs
      totals.sumX2 += xs * xs
      let down = pointwiseMin(excess, .zero)
      totals.sumDown2 += down * down
      let e = r - x.benchmark[t]
      totals.sumE += e
      totals.sumE2 += e * e
      totals.peak = pointwiseMax(totals.peak, nav)
      totals.maxDrawdown = pointwiseMin(totals.maxDrawdown, nav / totals.peak - 1)
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
