@testable import BallastBacktest
import BallastCore
import BallastFormats
import BallastOptimizer
import Foundation
import Testing

/// `optimized:` strategies: targets re-estimated on a trailing window at each calendar
/// rebalance, checked against an independent two-asset simulation with the closed-form
/// minimum-variance weights.
@Suite struct OptimizedStrategyTests {
  /// Weekday dates from 2021-01-04, so rows fall in calendar months of about 21 rows.
  static func weekdays(_ count: Int) -> [CivilDate] {
    var out: [CivilDate] = []
    var d = CivilDate(iso: "2021-01-04") ?? CivilDate(dayNumber: 0)
    while out.count < count {
      let weekday = ((d.dayNumber + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday: 0 = Monday
      if weekday < 5 { out.append(d) }
      d = d.adding(days: 1)
    }
    return out
  }

  /// Two assets with different volatilities and some correlation; row 0 is the start.
  static func twoAssets(rows n: Int = 160, seed: UInt64 = 7) -> [[Double]] {
    var g = SeededGenerator(seed: seed)  // the same stream on every run
    return (0..<n).map { t in
      if t == 0 { return [0, 0] }
      let common = g.unit() - 0.5, a = g.unit() - 0.5, b = g.unit() - 0.5
      return [0.0004 + 0.012 * (common + a), 0.0002 + 0.02 * (0.5 * common + b)]
    }
  }

  static func data(_ rows: [[Double]], targets: [Double] = [0.5, 0.5]) throws -> BacktestData {
    try panel(rows, dates: weekdays(rows.count), targets: targets, periodsPerYear: 252)
  }

  /// Two-asset long-only minimum variance: `w1 = (σ2² − σ12)/(σ1² + σ2² − 2σ12)` clipped to
  /// [0, 1] (the variance is a convex parabola in `w1`), from the sample moments of the window.
  static func minVariance(_ x: [Double], _ y: [Double]) -> [Double] {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxx = 0.0, syy = 0.0, sxy = 0.0
    for i in x.indices {
      sxx += (x[i] - mx) * (x[i] - mx)
      syy += (y[i] - my) * (y[i] - my)
      sxy += (x[i] - mx) * (y[i] - my)
    }
    let w1 = min(1, max(0, (syy - sxy) / (sxx + syy - 2 * sxy)))
    return [w1, 1 - w1]
  }

  static func runOne(_ spec: String, _ d: BacktestData, costBps: Double = 0) throws -> BacktestResult {
    try Simulator.run([try strategy(spec)], on: d, configuration: .init(costBasisPoints: costBps, recordSeries: true))[0]
  }

  @Test func targetsEqualTheClosedFormMinimumVarianceOfEachWindow() throws {
    let rows = Self.twoAssets()
    let d = try Self.data(rows)
    let window = 40
    let r = try Self.runOne("optimized:min-variance,window=\(window),every=monthly", d)
    let series = try #require(r.series)
    let ends = RebalanceFrequency.monthly.periodEnds(d.dates)
    var checked = 0
    for t in 1..<(d.rowCount - 1) where ends[t] {
      #expect(series.rebalanced[t])
      let expected = t >= window
        ? Self.minVariance(rows[(t - window + 1)...t].map { $0[0] }, rows[(t - window + 1)...t].map { $0[1] })
        : [0.5, 0.5]
      #expect(abs(series.weights[t * 2] - expected[0]) <= 1e-9, "row \(t)")
      #expect(abs(series.weights[t * 2 + 1] - expected[1]) <= 1e-9, "row \(t)")
      if t >= window { checked += 1 }
    }
    #expect(checked >= 4)
    #expect(r.metrics.rebalances == (1..<(d.rowCount - 1)).filter { ends[$0] }.count)
  }

  /// The whole path, simulated independently per SPEC §4 with the closed-form targets:
  /// value, costs, turnover, drift and tracking error against the targets in force.
  @Test func everyMetricMatchesAnIndependentSimulation() throws {
    let rows = Self.twoAssets(seed: 11)
    let d = try Self.data(rows, targets: [0.3, 0.7])
    let window = 30, rate = 25.0 / 10_000
    let m = try Self.runOne("optimized:min-variance,window=\(window),every=monthly", d, costBps: 25).metrics
    let ends = RebalanceFrequency.monthly.periodEnds(d.dates)
    var h = [0.3, 0.7], cur = [0.3, 0.7], value = 1.0, costs = 0.0, turnover = 0.0, drift = 0.0
    var errors: [Double] = []
    for t in 1..<d.rowCount {
      let before = value
      h = [h[0] * (1 + rows[t][0]), h[1] * (1 + rows[t][1])]
      value = h[0] + h[1]
      let w = [h[0] / value, h[1] / value]
      drift += max(abs(w[0] - cur[0]), abs(w[1] - cur[1]))
      let bench = cur[0] * rows[t][0] + cur[1] * rows[t][1]
      if ends[t] && t < d.rowCount - 1 {
        let next = t >= window
          ? Self.minVariance(rows[(t - window + 1)...t].map { $0[0] }, rows[(t - window + 1)...t].map { $0[1] }) : cur
        let traded = abs(next[0] - w[0]) + abs(next[1] - w[1])
        let cost = rate * value * traded
        value -= cost
        h = [next[0] * value, next[1] * value]
        costs += cost
        turnover += traded / 2
        cur = next
      }
      errors.append(value / before - 1 - bench)
    }
    let p = 252.0, periods = Double(d.periods)
    let mean = errors.reduce(0, +) / periods
    let te = (errors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (periods - 1)).squareRoot() * p.squareRoot()
    #expect(close(m.finalValue, value, rel: 1e-9))
    #expect(close(m.costs, costs, rel: 1e-9))
    #expect(close(m.turnover, turnover / (periods / p), rel: 1e-9))
    #expect(close(m.averageDrift, drift / periods, rel: 1e-9))
    #expect(close(m.trackingError, te, rel: 1e-6))
    #expect(m.costs > 0)
  }

  @Test func changingLaterReturnsDoesNotChangeEarlierTargets() throws {
    let rows = Self.twoAssets(seed: 3)
    let d = try Self.data(rows)
    let ends = RebalanceFrequency.monthly.periodEnds(d.dates)
    let t = try #require((60..<d.rowCount).first { ends[$0] })
    var altered = rows
    for s in (t + 1)..<rows.count { altered[s] = [rows[s][1] * 3, -rows[s][0]] }
    let spec = "optimized:max-sharpe,window=40,cov=ledoit-wolf,on-fail=hold"
    let a = try #require(try Self.runOne(spec, d).series)
    let b = try #require(try Self.runOne(spec, Self.data(altered)).series)
    #expect(Array(a.weights[0..<((t + 1) * 2)]) == Array(b.weights[0..<((t + 1) * 2)]))
    #expect(Array(a.values[0...t]) == Array(b.values[0...t]))
    #expect(a.weights != b.weights)
  }

  @Test(arguments: ["min-variance", "max-sharpe", "utility=3"])
  func warmStartGivesTheColdStartResult(objective: String) throws {
    let rows = Self.twoAssets(rows: 200, seed: 5)
    let d = try Self.data(rows)
    let spec = try strategy("optimized:\(objective),window=40,on-fail=hold")
    guard case .retarget(let look, let source) = spec.rule, var cold = source.provider as? OptimizedTargets else {
      Issue.record("not an optimised strategy")
      return
    }
    cold.warmStart = false
    let coldStrategy = Strategy(name: "cold", rule: .retarget(look: look, source: TargetSource(id: "cold", provider: cold)))
    let results = try Simulator.run([spec, coldStrategy], on: d, configuration: .init(recordSeries: true))
    let warm = try #require(results[0].series), coldSeries = try #require(results[1].series)
    for i in warm.weights.indices { #expect(abs(warm.weights[i] - coldSeries.weights[i]) <= 1e-10) }
    #expect(close(results[0].metrics.finalValue, results[1].metrics.finalValue, rel: 1e-10))
  }

  @Test func runsAreDeterministicAndParallelEqualsSerial() throws {
    let d = try Self.data(Self.twoAssets(seed: 9))
    let specs = try ["optimized:min-variance,window=30", "optimized:max-sharpe,window=30,on-fail=hold", "calendar:monthly"]
      .map(strategy)
    let a = try Simulator.run(specs, on: d, parallel: true).map(\.metrics)
    let b = try Simulator.run(specs, on: d, parallel: false).map(\.metrics)
    let c = try Simulator.run(specs, on: d, parallel: true).map(\.metrics)
    #expect(a == b)
    #expect(a == c)
    #expect(a.map(\.name) == ["optimized:min-variance,window=30", "optimized:max-sharpe,window=30,on-fail=hold", "calendar:monthly"])
  }

  /// A window longer than the data never changes the targets: the strategy is then exactly a
  /// calendar rebalance to the initial targets, bit for bit, with costs and cash flows.
  @Test func withoutAFullWindowItIsTheCalendarStrategy() throws {
    let d = try Self.data(Self.twoAssets(seed: 4), targets: [0.25, 0.75])
    let config = BacktestConfiguration(
      costBasisPoints: 10, initialValue: 1000,
      cashFlows: [PeriodicFlow(.amount(50), every: .monthly), PeriodicFlow(.fraction(-0.01), every: .quarterly)])
    let results = try Simulator.run(
      [try strategy("optimized:min-variance,window=1000"), try strategy("calendar:monthly")], on: d, configuration: config)
    var optimised = results[0].metrics
    optimised.name = results[1].metrics.name
    #expect(optimised == results[1].metrics)
  }

  @Test func theYAMLFormAndErrors() throws {
    let parsed = try StrategyFile.parse("""
      - name: minvar
        kind: optimized
        objective: min-variance
        window: 40
        every: quarterly
        cov: ledoit-wolf
        bounds: "0:0.8"
      """, file: "s.yaml")
    #expect(parsed.count == 1 && parsed[0].strategy.name == "minvar")
    guard case .retarget(let look, _) = parsed[0].strategy.rule else {
      Issue.record("not retargeting")
      return
    }
    #expect(look == .quarterly)
    for bad in ["optimized:objective=max-return", "optimized:bounds=0.5", "optimized:cov=robust", "optimized:window=1",
                "optimized:min-variance,to=edge", "optimized:min-variance,abs=0.05"] {
      #expect(throws: (any Error).self, "\(bad)") {
        let s = try strategy(bad)
        _ = try Simulator.run([s], on: try Self.data(Self.twoAssets()))
      }
    }
  }

  @Test func aFailingWindowNamesTheStrategyAndDate() throws {
    // Both assets lose money in every row: no portfolio has a positive Sharpe ratio.
    var rows: [[Double]] = [[0, 0]]
    for t in 1..<80 {
      let a: Double = -0.001 - 0.0001 * Double(t % 3)
      let b: Double = -0.002 + 0.0001 * Double(t % 5)
      rows.append([a, b])
    }
    let d = try Self.data(rows)
    #expect {
      _ = try Simulator.run([try strategy("optimized:max-sharpe,window=20")], on: d)
    } throws: { e in
      "\(e)".contains("optimized:max-sharpe,window=20") && "\(e)".contains("2021-")
    }
    let held = try Simulator.run([try strategy("optimized:max-sharpe,window=20,on-fail=hold")], on: d)
    #expect(held[0].metrics.rebalances > 0)
  }
}
