/// One strategy with time-varying targets (``Strategy/Rule/retarget(look:source:)``), simulated
/// by a plain scalar loop beside the SIMD kernel, which keeps its fixed-target fast path.
///
/// Every step repeats the kernel's operations in the kernel's order (growth summed in asset
/// order, cash-flow rebalancing, drift, trade, costs, the running sums of the metrics), with
/// the targets in force in place of the fixed ones: a source that never changes the targets
/// gives results bit-identical to `calendar:` with the same frequency.
///
/// Targets in force: the initial targets until the first change; a change made at row `t`'s
/// close applies from row `t + 1`. Drift (before trading) and the tracking-error benchmark
/// `Σ target_i r_i` of row `t` use the targets in force during row `t`.
struct RetargetingRun {
  let data: BacktestData
  let input: KernelInput
  let name: String
  let look: [Bool]
  let source: TargetSource
  let record: Bool

  /// Scalar state of the pass (the kernel's ``LaneTotals`` for one lane).
  private struct State {
    var h: [Double]
    var targets: [Double]
    var value: Double
    var units: Double
    var nav = 1.0
    var navPrev = 1.0
    var sumR = 0.0, sumR2 = 0.0, sumX = 0.0, sumX2 = 0.0, sumDown2 = 0.0, sumE = 0.0, sumE2 = 0.0
    var peak = 1.0, maxDrawdown = 0.0
    var turnover = 0.0, costs = 0.0, drift = 0.0, rebalances = 0.0, netFlows = 0.0
  }

  /// Runs the pass and returns its totals in lane 0 (the other lanes repeat it).
  /// - Throws: ``BacktestError`` when the source fails or answers with unusable targets.
  func run() throws -> LaneTotals {
    let k = input.assets, n = input.rows
    var s = State(
      h: input.targets.map { $0 * input.initialValue }, targets: input.targets,
      value: input.initialValue, units: input.initialValue)
    var totals = LaneTotals(initialValue: input.initialValue)
    if record {
      totals.values = [Double](repeating: 0, count: n * laneWidth)
      totals.weights = [Double](repeating: 0, count: n * k * laneWidth)
      totals.traded = [UInt8](repeating: 0, count: n)
      recordRow(0, s, &totals)
    }
    for t in 1..<n {
      var value = 0.0
      for i in 0..<k {
        s.h[i] *= input.growth[t &* k &+ i]
        value += s.h[i]
      }
      s.value = value
      if let flows = input.flows, flows.active[t] { applyFlow(flows, t, &s) }
      let inv = input.flows == nil ? 1 / s.value : (s.value <= 0 ? 0 : 1 / s.value)
      var maxDrift = 0.0
      var bench = 0.0
      for i in 0..<k {
        let d = abs(s.h[i] * inv - s.targets[i])
        maxDrift = maxDrift < d ? d : maxDrift
        bench += s.targets[i] * data.returns[t &* k &+ i]
      }
      s.drift += maxDrift
      if look[t], t < n - 1, s.value > 0 {
        try trade(t, inv: inv, &s)
        if record { totals.traded[t] = 1 }
      }
      accumulate(t, benchmark: bench, &s)
      if record { recordRow(t, s, &totals) }
    }
    return Self.totals(s, into: totals)
  }

  /// Asks the source for targets and trades to them (or back to the targets in force).
  private func trade(_ t: Int, inv: Double, _ s: inout State) throws {
    let next: [Double]
    do {
      next = try source.provider.targets(history: ReturnHistory(data: data, row: t), current: s.targets) ?? s.targets
    } catch {
      throw BacktestError("'\(name)' on \(data.dates[t]): \(error)")
    }
    try validate(next, row: t)
    var traded = 0.0
    for i in 0..<input.assets { traded += abs(next[i] - s.h[i] * inv) }
    let cost = input.costRate * s.value * traded
    let after = s.value - cost
    for i in 0..<input.assets { s.h[i] = next[i] * after }
    s.value = after
    s.turnover += traded * 0.5
    s.costs += cost
    s.rebalances += 1
    s.targets = next
  }

  private func validate(_ w: [Double], row t: Int) throws {
    guard w.count == input.assets, w.allSatisfy(\.isFinite) else {
      throw BacktestError("'\(name)' on \(data.dates[t]): expected \(input.assets) finite target weights, found \(w)")
    }
    var sum = 0.0
    for v in w { sum += v }
    guard abs(sum - 1) <= Tolerance.providedTargetSum else {
      throw BacktestError("'\(name)' on \(data.dates[t]): the new target weights sum to \(sum), not 1")
    }
  }

  /// The kernel's cash-flow rebalancing, toward the targets in force.
  private func applyFlow(_ flows: FlowRows, _ t: Int, _ s: inout State) {
    let value = s.value
    let raw = flows.amount[t] + flows.fraction[t] * value
    let flow = raw < -value ? -value : raw
    let next = value + flow
    let buying = flow > 0
    func gap(_ i: Int) -> Double {
      let desired = s.targets[i] * next
      return buying ? max(desired - s.h[i], 0) : max(s.h[i] - desired, 0)
    }
    var gapSum = 0.0
    for i in 0..<input.assets { gapSum += gap(i) }
    let ratio = gapSum <= 0 ? 0 : flow / gapSum
    for i in 0..<input.assets { s.h[i] = max(s.h[i] + gap(i) * ratio, 0) }
    let nav = s.units <= 0 ? s.navPrev : value / s.units
    s.units = next <= 0 ? 0 : s.units + flow / nav
    s.value = next
    s.netFlows += flow
  }

  /// The kernel's running sums for row `t`.
  private func accumulate(_ t: Int, benchmark: Double, _ s: inout State) {
    let nav = input.flows == nil
      ? (input.initialValue == 1 ? s.value : s.value / s.units)
      : (s.units <= 0 ? s.navPrev : s.value / s.units)
    let r = nav / s.navPrev - 1
    let rs = r - input.shiftR
    s.sumR += rs
    s.sumR2 += rs * rs
    let excess = r - input.riskFree[t]
    let xs = excess - input.shiftX
    s.sumX += xs
    s.sumX2 += xs * xs
    let down = min(excess, 0)
    s.sumDown2 += down * down
    let e = r - benchmark
    s.sumE += e
    s.sumE2 += e * e
    s.peak = s.peak < nav ? nav : s.peak
    s.maxDrawdown = min(s.maxDrawdown, nav / s.peak - 1)
    s.nav = nav
    s.navPrev = nav
  }

  private func recordRow(_ t: Int, _ s: State, _ totals: inout LaneTotals) {
    let k = input.assets
    let inv = s.value <= 0 ? 0 : 1 / s.value
    for j in 0..<laneWidth { totals.values[t * laneWidth + j] = s.value }
    for i in 0..<k {
      for j in 0..<laneWidth { totals.weights[(t * k + i) * laneWidth + j] = s.h[i] * inv }
    }
  }

  private static func totals(_ s: State, into base: LaneTotals) -> LaneTotals {
    var t = base
    t.value = Lanes(repeating: s.value)
    t.nav = Lanes(repeating: s.nav)
    t.units = Lanes(repeating: s.units)
    t.sumR = Lanes(repeating: s.sumR)
    t.sumR2 = Lanes(repeating: s.sumR2)
    t.sumX = Lanes(repeating: s.sumX)
    t.sumX2 = Lanes(repeating: s.sumX2)
    t.sumDown2 = Lanes(repeating: s.sumDown2)
    t.sumE = Lanes(repeating: s.sumE)
    t.sumE2 = Lanes(repeating: s.sumE2)
    t.peak = Lanes(repeating: s.peak)
    t.maxDrawdown = Lanes(repeating: s.maxDrawdown)
    t.turnover = Lanes(repeating: s.turnover)
    t.costs = Lanes(repeating: s.costs)
    t.drift = Lanes(repeating: s.drift)
    t.rebalances = Lanes(repeating: s.rebalances)
    t.netFlows = Lanes(repeating: s.netFlows)
    return t
  }
}
