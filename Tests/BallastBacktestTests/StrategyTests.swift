@testable import BallastBacktest
import BallastCore
import Foundation
import Testing

/// Each strategy on a small hand-made series: it trades on the rows it should, and not on the
/// others. Unless stated, two assets A/B at 50/50 where A gains 10 % a row and B is flat, so
/// A's drift after 1, 2, 3, 4, 5 rows without trading is 0.0238, 0.0475, 0.0711, 0.0942,
/// 0.1169 (w_A = 0.5·1.1ⁿ / (0.5·1.1ⁿ + 0.5)).
@Suite struct StrategyTests {
  func rising(_ rows: Int, dates: [CivilDate]? = nil, targets: [Double] = [0.5, 0.5]) throws -> BacktestData {
    try panel(
      [[0, 0]] + [[Double]](repeating: [0.1, 0], count: rows - 1), dates: dates ?? monthEnds(2020, 1, count: rows),
      targets: targets)
  }

  @Test func noneNeverTrades() throws {
    #expect(try tradeRows(run("none", on: rising(8))) == [])
  }

  /// Monthly rows 2020-01 … 2021-02 (14 rows, the last never trades).
  @Test(arguments: [
    ("calendar:monthly", Array(1...12)), ("calendar:quarterly", [2, 5, 8, 11]),
    ("calendar:semiannual", [5, 11]), ("calendar:annual", [11]),
  ])
  func calendarTradesOnPeriodEnds(spec: String, rows: [Int]) throws {
    let data = try panel(
      [[0, 0]] + [[Double]](repeating: [0.01, 0], count: 13), dates: monthEnds(2020, 1, count: 14),
      targets: [0.5, 0.5])
    #expect(try tradeRows(run(spec, on: data)) == rows)
  }

  /// Daily rows from Wednesday 2020-01-01: month ends are 01-31 (row 30) and 02-29 (row 59);
  /// weeks end on Sundays (rows 4, 11, 18, …).
  @Test func calendarOnDailyRowsUsesLastRowOfPeriod() throws {
    let data = try panel(
      [[0, 0]] + [[Double]](repeating: [0.001, 0], count: 69), dates: days("2020-01-01", count: 70),
      targets: [0.5, 0.5], periodsPerYear: 252)
    #expect(try tradeRows(run("calendar:monthly", on: data)) == [30, 59])
    #expect(try tradeRows(run("calendar:weekly", on: data)).prefix(3) == [4, 11, 18])
    #expect(try tradeRows(run("calendar:biweekly", on: data)).prefix(2) == [11, 25])
  }

  @Test func absoluteBandTradesOnlyWhenBreached() throws {
    #expect(try tradeRows(run("band:abs=0.05", on: rising(8))) == [3, 6])
    #expect(try tradeRows(run("band:abs=0.08", on: rising(8))) == [4])
    #expect(try tradeRows(run("band:abs=0.2", on: rising(8))) == [])
  }

  /// Targets 20/80: relative 25 % gives A a 5-point band (breached at row 4: 0.268), and
  /// relative 50 % a 10-point band (breached at row 6: 0.307).
  @Test func relativeBandScalesWithTarget() throws {
    let data = try rising(8, targets: [0.2, 0.8])
    #expect(try tradeRows(run("band:rel=0.25", on: data)) == [4])
    #expect(try tradeRows(run("band:rel=0.5", on: data)) == [6])
    // Either breach triggers: the narrower of 3 points and 90 % of 0.2 is 3 points (row 2: 0.232).
    #expect(try tradeRows(run("band:abs=0.03,rel=0.9", on: data)) == [2, 4, 6])
    #expect(try tradeRows(run("band:abs=0.2,rel=0.25", on: data)) == [4])
  }

  @Test func perAssetAndAsymmetricBands() throws {
    #expect(try tradeRows(run("band:abs=0.5,A=0.03", on: rising(8))) == [2, 4, 6])
    #expect(try tradeRows(run("band:abs=0.5", on: rising(8))) == [])
    // A falls 10 % a row: a 2-point band below A trades at once (row 1: A at 0.4737),
    let falling = try panel(
      [[0, 0]] + [[Double]](repeating: [-0.1, 0], count: 5), dates: monthEnds(2020, 1, count: 6), targets: [0.5, 0.5])
    #expect(try tradeRows(run("band:abs=0.5,A.below=0.02", on: falling)) == [1, 2, 3, 4])
    // but the same band never trades while A rises (its band above is 50 points).
    #expect(try tradeRows(run("band:abs=0.5,A.below=0.02", on: rising(8))) == [])
  }

  /// At row 3 A is at 0.5711: trading to the edge leaves it exactly on 0.55.
  @Test func toEdgeStopsAtTheBand() throws {
    let r = try run("band:abs=0.05,to=edge", on: rising(5))
    #expect(tradeRows(r) == [3])
    let w = try #require(r.series?.weights)
    #expect(close(w[3 * 2], 0.55, rel: 1e-12) && close(w[3 * 2 + 1], 0.45, rel: 1e-12))
    // Turnover is the move to the edge only: (0.5711 − 0.55) at row 3, per 4/12 years.
    let drifted = 0.5 * 1.331 / (0.5 * 1.331 + 0.5)
    #expect(close(r.metrics.turnover, (drifted - 0.55) / (4.0 / 12), rel: 1e-12))
  }

  /// Quarter ends are rows 2, 5, 8: out of band at row 3, the hybrid waits for row 5.
  @Test func hybridLooksOnlyAtPeriodEnds() throws {
    #expect(try tradeRows(run("hybrid:quarterly,abs=0.05", on: rising(12))) == [5, 8])
    #expect(try tradeRows(run("hybrid:quarterly,abs=0.2", on: rising(12))) == [])
  }

  /// Rolling volatility ratio, window 2, returns 0.01, 0.03, 0.01, 0.05 (hand-computed):
  /// t=3: sd(0.03, 0.01) / sd(0.01, 0.03, 0.01) = 0.014142 / 0.011547 = √1.5;
  /// t=4: sd(0.01, 0.05) / sd(all four) = 0.028284 / 0.019149 = 1.477098.
  @Test func dynamicBandScalesByVolatilityRatio() throws {
    let data = try panel(
      [[0], [0.01], [0.03], [0.01], [0.05]], dates: monthEnds(2020, 1, count: 5), targets: [1])
    let rule = try RuleCompiler(data: data, vix: nil).compile(strategy("dynamic:base=0.05,window=2"))
    let scale = try #require(rule.scale)
    #expect(scale[0] == 1 && scale[1] == 1 && close(scale[2], 1, rel: 1e-12))
    #expect(close(scale[3], 1.5.squareRoot(), rel: 1e-12))
    #expect(close(scale[4], (0.04 / 2.0.squareRoot()) / (0.0011 / 3).squareRoot(), rel: 1e-12))
  }

  /// VIX-scaled dynamic band: factor = VIX / mean VIX so far. With VIX 10 after a 20, 20, 20
  /// start the band is 0.05 × 10/17.5 ≈ 2.9 points at row 3; with VIX 40 it is 0.05 × 40/25.
  @Test func dynamicVIXBandNarrowsWhenCalmAndWidensWhenStressed() throws {
    let data = try rising(6)
    let calm = try run("dynamic:base=0.05,vol=vix", on: data, vix: [20, 20, 20, 10, 10, 10])
    // row 2: band 0.05 × 20/20, drift 0.0475: no; row 3: band 0.05 × 10/17.5 = 0.0286 < 0.0711.
    #expect(tradeRows(calm) == [3])
    let stressed = try run("dynamic:base=0.05,vol=vix", on: data, vix: [20, 20, 20, 40, 40, 40])
    // row 3: 0.05 × 40/25 = 0.08 > 0.0711: no; row 4: 0.05 × 40/28 = 0.0714 < 0.0942: trade.
    #expect(tradeRows(stressed) == [4])
  }

  /// VIX buckets of a 5 % base: below 15 → 3 %, 25–35 → 8 %, 35+ → 12 %.
  @Test(arguments: [(12.0, [2, 4, 6]), (30.0, [4]), (40.0, [6])])
  func vixBucketsPickTheBand(vix: Double, rows: [Int]) throws {
    #expect(try tradeRows(run("vix:abs=0.05", on: rising(8), vix: [Double](repeating: vix, count: 8))) == rows)
  }

  /// Rows from 2020-02-29: quarter ends are rows 1, 4, 7. VIX 12 → quarterly at 3 %; VIX 20 →
  /// monthly at 4 %.
  @Test func adaptiveFrequencyFollowsVIX() throws {
    let data = try rising(9, dates: monthEnds(2020, 2, count: 9))
    #expect(try tradeRows(run("adaptive", on: data, vix: [Double](repeating: 12, count: 9))) == [4, 7])
    #expect(try tradeRows(run("adaptive", on: data, vix: [Double](repeating: 20, count: 9))) == [2, 4, 6])
  }

  /// Window 3. In step, A and B move together (correlation +1 from row 3): the daily regime
  /// at 3 % trades at row 3. Out of step (−1): the normal regime looks only at quarter ends
  /// (row 2 in band at 0.0495 < 0.05; row 5 out of band).
  @Test func correlationRegimeTradesMoreWhenCorrelated() throws {
    let a = [0.0, 0.10, 0.12, 0.10, 0.12, 0.10, 0.12, 0.10]
    let together = try panel(
      a.indices.map { [a[$0], $0 == 0 ? 0 : ($0 % 2 == 0 ? 0.01 : 0.0)] }, dates: monthEnds(2020, 1, count: 8),
      targets: [0.5, 0.5])
    let opposed = try panel(
      a.indices.map { [a[$0], $0 == 0 ? 0 : ($0 % 2 == 1 ? 0.01 : 0.0)] }, dates: monthEnds(2020, 1, count: 8),
      targets: [0.5, 0.5])
    #expect(try tradeRows(run("correlation:window=3", on: together)).first == 3)
    #expect(try tradeRows(run("correlation:window=3", on: opposed)) == [5])
  }

  @Test func scoreTradesWhenItPassesTheThreshold() throws {
    // Drift only, scaled by 5 points: the same rows as a 5-point band.
    #expect(try tradeRows(run("score:drift=1,vol=0,corr=0,time=0,scale=0.05", on: rising(8))) == [3, 6])
    // Time only: 100 × rows since the last trade / 12 passes 100 at 13 rows.
    let flat = try panel([[Double]](repeating: [0.001, 0], count: 20), dates: monthEnds(2020, 1, count: 20), targets: [0.5, 0.5])
    #expect(try tradeRows(run("score:drift=0,vol=0,corr=0,time=1", on: flat)) == [13])
  }

  /// A above its 5-point band with rising momentum (2-row return > 0) is left alone; once its
  /// 2-row return turns negative (row 5: 1.1 × 0.99 × 0.99 trend), it is trimmed.
  @Test func momentumDelaysTrimmingWinners() throws {
    let data = try panel(
      [[0, 0], [0.1, 0], [0.1, 0], [0.1, 0], [-0.01, 0], [-0.01, 0], [0, 0]], dates: monthEnds(2020, 1, count: 7),
      targets: [0.5, 0.5])
    #expect(try tradeRows(run("band:above=0.05,below=0.5", on: data)) == [3])
    #expect(try tradeRows(run("momentum:above=0.05,below=0.5,lookback=2", on: data)) == [5])
  }

  /// A contribution of 0.1 at row 1 (A +10 %): shortfalls from 0.575 are A 0.025 and B 0.075,
  /// which the contribution fills exactly; the unit value only earns the 5 % return.
  @Test func contributionsRebalanceByCashFlow() throws {
    let data = try panel([[0, 0], [0.1, 0], [0, 0]], dates: monthEnds(2020, 1, count: 3), targets: [0.5, 0.5])
    let r = try run("none", on: data, configuration: .init(cashFlows: [PeriodicFlow(.amount(0.1), every: .monthly)]))
    let w = try #require(r.series?.weights)
    #expect(close(w[2], 0.5) && close(w[3], 0.5))
    #expect(close(r.metrics.finalValue, 1.15) && close(r.metrics.netFlows, 0.1))
    #expect(close(r.metrics.finalUnitValue, 1.05) && close(r.metrics.cagr, pow(1.05, 6) - 1, rel: 1e-12))
    #expect(r.metrics.rebalances == 0)
  }

  /// Withdrawing 4 % a year with flat returns: 0.96, then 0.9216; never on the final row; the
  /// unit value (and so every return metric) is unaffected.
  @Test func percentWithdrawals() throws {
    let data = try panel([[Double]](repeating: [0, 0], count: 4), dates: monthEnds(2020, 12, count: 4).enumerated().map {
      CivilDate(year: 2020 + $0.offset, month: 12, day: 31) ?? $0.element
    }, targets: [0.6, 0.4], periodsPerYear: 1)
    let m = try run("none", on: data, configuration: .init(cashFlows: [PeriodicFlow(.fraction(-0.04), every: .annual)])).metrics
    #expect(close(m.finalValue, 0.9216) && close(m.netFlows, -0.0784))
    #expect(m.cagr == 0 && m.finalUnitValue == 1)
  }
}
