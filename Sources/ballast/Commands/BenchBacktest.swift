import ArgumentParser
import BallastBacktest
import BallastData
import BallastFormats
import Foundation

/// `ballast bench backtest`: loading the bundled daily 20-stock panel, one daily backtest with
/// all metrics, and a 200-width band sweep, each checked against an independent result.
struct BenchBacktest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backtest",
    abstract: "Benchmark: load the daily 20-stock panel, one daily backtest, a 200-width band sweep.",
    discussion: """
      Examples:
        swift build -c release && .build/release/ballast bench backtest
      """)

  @Option(help: "Repetitions of each measurement (the median is printed).")
  var repeats = 7

  func run() throws {
    try reportingInputErrors {
      let path = try BacktestJob.bundledPath(.dailyUSStocks)
      var data: BacktestData?
      let load = try measure(repeats) { data = try Self.loadPanel(path) }
      guard let data else { return }
      let assetSteps = Double(data.periods) * Double(data.assetCount)
      print("daily_us_stocks: \(data.rowCount) rows x \(data.assetCount) assets (\(data.dates[0]) to \(data.dates[data.rowCount - 1]))")
      print(line("load panel (read + parse + returns)", load, target: "< 30 ms"))

      let single = [Strategy(name: "band:abs=0.05", rule: .band(.absolute(0.05), look: .everyRow, scaling: .fixed))]
      var one: [BacktestResult] = []
      let singleTime = try measure(repeats) { one = try Simulator.run(single, on: data, parallel: false) }
      try checkSingle(one[0].metrics, data: data)
      print(line("one daily backtest, all metrics (band 5%)", singleTime, target: "< 2 ms"))

      let sweep = try SweepRange.expand("band:abs=0.001..0.05/200").map { try StrategySpec.parse($0).strategy }
      var parallel: [BacktestResult] = []
      let sweepTime = try measure(repeats) { parallel = try Simulator.run(sweep, on: data, parallel: true) }
      var serial: [BacktestResult] = []
      let serialTime = try measure(3) { serial = try Simulator.run(sweep, on: data, parallel: false) }
      print(line("sweep of 200 band widths (1 thread)", serialTime, target: nil)
        + String(format: "  %.2f x 10^9 asset-steps/s", Double(sweep.count) * assetSteps / serialTime / 1e9))
      guard parallel.map(\.metrics) == serial.map(\.metrics) else {
        throw ValidationError("bench: the parallel sweep differs from the serial one")
      }
      let rate = Double(sweep.count) * assetSteps / sweepTime
      print(line("sweep of 200 band widths (\(ProcessInfo.processInfo.activeProcessorCount) cores)", sweepTime, target: nil)
        + String(format: "  %.2f x 10^9 asset-steps/s (target >= 2)", rate / 1e9))
      print("checks: parallel sweep == serial sweep (bit-identical); single run == straightforward loop (1e-12)")
    }
  }

  static func loadPanel(_ path: String) throws -> BacktestData {
    let table = try MarketDataCSV.read(path: path)
    return try BacktestInputs.data(
      from: table, selection: nil, equalWeight: true, window: (nil, nil), prices: true, riskFree: nil, periodsPerYear: nil)
  }

  func measure(_ n: Int, _ body: () throws -> Void) throws -> Double {
    let clock = ContinuousClock()
    var times: [Double] = []
    for _ in 0..<max(1, n) {
      let start = clock.now
      try body()
      let d = (clock.now - start).components
      times.append(Double(d.seconds) + Double(d.attoseconds) / 1e18)
    }
    if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
      OutputSink.printError(times.map { String(format: "%.2f", $0 * 1e3) }.joined(separator: " "))
    }
    return times.sorted()[times.count / 2]
  }

  func line(_ what: String, _ seconds: Double, target: String?) -> String {
    let padded = what.padding(toLength: 48, withPad: " ", startingAt: 0)
    return padded + String(format: "%9.3f ms", seconds * 1e3) + (target.map { "  (target \($0))" } ?? "")
  }

  /// Recomputes the final value and rebalance count with a plain scalar loop.
  func checkSingle(_ m: BacktestMetrics, data: BacktestData) throws {
    let k = data.assetCount
    var h = data.targets
    var rebalances = 0
    var value = 1.0
    for t in 1..<data.rowCount {
      value = 0
      for a in 0..<k {
        h[a] *= data.growth[t * k + a]
        value += h[a]
      }
      guard t < data.rowCount - 1 else { break }
      if (0..<k).contains(where: { abs(h[$0] / value - data.targets[$0]) > 0.05 }) {
        rebalances += 1
        for a in 0..<k { h[a] = data.targets[a] * value }
      }
    }
    guard rebalances == m.rebalances, abs(value - m.finalValue) <= 1e-12 * value else {
      throw ValidationError("bench: single backtest disagrees with the plain loop (\(m.finalValue) vs \(value))")
    }
  }
}
