@testable import BallastBacktest
import BallastCore
import BallastFormats
import Testing

/// Month-end dates starting at `year`-`month`.
func monthEnds(_ year: Int, _ month: Int, count: Int) -> [CivilDate] {
  (0..<count).map { i in
    let m = (month - 1 + i) % 12 + 1
    let y = year + (month - 1 + i) / 12
    return CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y)) ?? CivilDate(dayNumber: 0)
  }
}

/// Consecutive calendar days starting at `start`.
func days(_ start: String, count: Int) -> [CivilDate] {
  let first = CivilDate(iso: start) ?? CivilDate(dayNumber: 0)
  return (0..<count).map { first.adding(days: $0) }
}

/// Data from per-row returns (`rows[t][a]`; row 0 is the start and is ignored).
func panel(
  _ rows: [[Double]], dates: [CivilDate], targets: [Double], periodsPerYear: Double = 12,
  riskFree: [Double]? = nil, names: [String]? = nil
) throws -> BacktestData {
  let k = targets.count
  let assets = names ?? (0..<k).map { ["A", "B", "C", "D"][$0] }
  return try BacktestData(
    dates: dates, assets: assets, targets: targets, columns: (0..<k).map { a in rows.map { $0[a] } },
    riskFree: riskFree, periodsPerYear: periodsPerYear)
}

func strategy(_ spec: String) throws -> Strategy { try StrategySpec.parse(spec).strategy }

/// Runs one strategy with series recording.
func run(
  _ spec: String, on data: BacktestData, vix: [Double]? = nil, configuration: BacktestConfiguration = .init()
) throws -> BacktestResult {
  var c = configuration
  c.recordSeries = true
  let v = try vix.map { try VIXSeries(dates: data.dates, closes: $0, alignedTo: data.dates) }
  return try Simulator.run([strategy(spec)], on: data, vix: v, configuration: c)[0]
}

/// The rows on which a strategy traded.
func tradeRows(_ r: BacktestResult) -> [Int] {
  (r.series?.rebalanced ?? []).enumerated().filter(\.element).map(\.offset)
}

/// Relative closeness with an absolute floor for values near zero.
func close(_ a: Double, _ b: Double, rel: Double = 1e-12, abs floor: Double = 1e-15) -> Bool {
  Swift.abs(a - b) <= Swift.max(rel * Swift.max(Swift.abs(a), Swift.abs(b)), floor)
}
