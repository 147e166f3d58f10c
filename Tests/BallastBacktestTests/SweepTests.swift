@testable import BallastBacktest
import BallastCore
import BallastData
import BallastFormats
import Testing

@Suite struct SweepTests {
  static func dailyPanel() throws -> BacktestData {
    let path = try #require(BundledData.path(of: .dailyUSStocks))
    return try BacktestInputs.data(
      from: MarketDataCSV.read(path: path), selection: .init(names: ["AAPL", "JNJ", "XOM", "KO", "PFE"], targets: nil),
      equalWeight: true, window: (CivilDate(iso: "2005-01-01"), CivilDate(iso: "2009-12-31")), prices: true,
      riskFree: nil, periodsPerYear: nil)
  }

  @Test func rangeExpandsToNamedValuesWithBothEnds() throws {
    let specs = try SweepRange.expand("band:abs=0.01..0.05/5")
    #expect(specs == ["band:abs=0.01", "band:abs=0.02", "band:abs=0.03", "band:abs=0.04", "band:abs=0.05"])
    let grid = try SweepRange.expand("hybrid:quarterly,abs=0.01..0.02/2,rel=0.1..0.3/3")
    #expect(grid.count == 6 && grid[0] == "hybrid:quarterly,abs=0.01,rel=0.1" && grid[5] == "hybrid:quarterly,abs=0.02,rel=0.3")
    #expect(try SweepRange.expand("band:abs=0.001..0.05/200").count == 200)
    #expect(throws: InputError.self) { try SweepRange.expand("band:abs=0.01..0.05/1") }
    #expect(throws: InputError.self) { try SweepRange.expand("band:abs=0.01..x/3") }
  }

  /// The parallel sweep equals the serial one bit for bit, in the order of the strategies, and
  /// each strategy's result does not depend on which others share its batch.
  @Test func parallelSweepIsBitIdenticalToSerialAndToSingleRuns() throws {
    let data = try Self.dailyPanel()
    let specs = try SweepRange.expand("band:abs=0.005..0.08/21") + ["calendar:monthly", "none", "band:rel=0.3,to=edge"]
    let strategies = try specs.map { try StrategySpec.parse($0).strategy }
    let parallel = try Simulator.run(strategies, on: data, parallel: true).map(\.metrics)
    let serial = try Simulator.run(strategies, on: data, parallel: false).map(\.metrics)
    #expect(parallel == serial)
    #expect(parallel.map(\.name) == specs)
    for j in [0, 7, 13, 22] {
      #expect(try Simulator.run([strategies[j]], on: data, parallel: false)[0].metrics == parallel[j])
    }
  }

  /// The SIMD-lane kernel against a plain scalar loop written from SPEC §4 (final value,
  /// rebalances, costs and turnover) on a 5-stock daily panel with costs.
  @Test func kernelMatchesAPlainLoop() throws {
    let data = try Self.dailyPanel()
    let k = data.assetCount
    for width in [0.01, 0.03, 0.06] {
      var h = data.targets
      var value = 1.0
      var rebalances = 0
      var costs = 0.0
      var turnover = 0.0
      for t in 1..<data.rowCount {
        value = 0
        for a in 0..<k {
          h[a] *= 1 + data.returns[t * k + a]
          value += h[a]
        }
        let w = h.map { $0 / value }
        guard t < data.rowCount - 1, zip(w, data.targets).contains(where: { abs($0 - $1) > width }) else { continue }
        let traded = zip(w, data.targets).map { abs($0 - $1) }.reduce(0, +)
        let cost = 0.002 * traded * value
        turnover += traded / 2
        costs += cost
        value -= cost
        h = data.targets.map { $0 * value }
        rebalances += 1
      }
      let m = try Simulator.run(
        [StrategySpec.parse("band:abs=\(width)").strategy], on: data, configuration: .init(costBasisPoints: 20))[0].metrics
      #expect(m.rebalances == rebalances)
      #expect(close(m.finalValue, value, rel: 1e-12))
      #expect(close(m.costs, costs, rel: 1e-12))
      #expect(close(m.turnover, turnover / (Double(data.periods) / 252), rel: 1e-12))
    }
  }

  /// Permuting the assets (with their targets) leaves every metric unchanged (to rounding).
  @Test func assetOrderDoesNotMatter() throws {
    let rows: [[Double]] = [[0, 0, 0], [0.05, -0.02, 0.01], [-0.03, 0.04, 0.0], [0.07, 0.01, -0.02], [0.01, 0.0, 0.03]]
    let a = try panel(rows, dates: monthEnds(2020, 1, count: 5), targets: [0.5, 0.3, 0.2])
    let b = try panel(rows.map { [$0[2], $0[0], $0[1]] }, dates: monthEnds(2020, 1, count: 5), targets: [0.2, 0.5, 0.3])
    for spec in ["band:abs=0.02", "calendar:quarterly", "band:rel=0.1,to=edge"] {
      let ma = try run(spec, on: a).metrics
      let mb = try run(spec, on: b).metrics
      #expect(ma.rebalances == mb.rebalances)
      #expect(close(ma.finalValue, mb.finalValue, rel: 1e-13) && close(ma.averageDrift, mb.averageDrift, rel: 1e-13))
    }
  }
}
