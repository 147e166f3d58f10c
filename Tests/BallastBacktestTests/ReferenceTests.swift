import BallastBacktest
import BallastCore
import BallastData
import BallastFormats
import Foundation
import Testing

/// Compares every metric with the independent numpy implementation of SPEC §4 in
/// `Reference/reference.py`, whose output is committed as `Reference/reference-fixtures.json`
/// (regenerate with `python3 Tests/BallastBacktestTests/Reference/reference.py >
/// Tests/BallastBacktestTests/Reference/reference-fixtures.json`).
@Suite struct ReferenceTests {
  struct Fixtures: Decodable {
    var cases: [Case]
  }

  struct Case: Decodable {
    var name: String
    var file: String
    var prices: Bool
    var assets: [[Assetish]]
    var from: String
    var to: String
    var riskFree: String?
    var costBps: Double
    var strategies: [String]
    var rows: Int
    var expected: [String: [String: Double]]
  }

  enum Assetish: Decodable {
    case name(String), weight(Double)
    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let s = try? c.decode(String.self) { self = .name(s) } else { self = .weight(try c.decode(Double.self)) }
    }
  }

  static func fixtures() throws -> [Case] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Reference/reference-fixtures.json")
    return try JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url)).cases
  }

  static let metricKeys = [
    "cagr", "volatility", "maxDrawdown", "sharpe", "sortino", "turnover", "rebalances", "costs", "finalValue",
    "trackingError", "averageDrift", "rebalancingAlpha",
  ]

  static func value(_ m: BacktestMetrics, _ key: String) -> Double {
    switch key {
    case "cagr": m.cagr
    case "volatility": m.volatility
    case "maxDrawdown": m.maxDrawdown
    case "sharpe": m.sharpe
    case "sortino": m.sortino
    case "turnover": m.turnover
    case "rebalances": Double(m.rebalances)
    case "costs": m.costs
    case "finalValue": m.finalValue
    case "trackingError": m.trackingError
    case "averageDrift": m.averageDrift
    default: m.rebalancingAlpha
    }
  }

  @Test func everyMetricAgreesWithTheNumpyReference() throws {
    let cases = try Self.fixtures()
    #expect(cases.count >= 4)
    var compared = 0
    for c in cases {
      let path = try #require(BundledData.url(forResource: c.file)).path
      var names: [String] = []
      var weights: [Double] = []
      for pair in c.assets {
        if case .name(let n) = pair[0], case .weight(let w) = pair[1] {
          names.append(n)
          weights.append(w)
        }
      }
      let data = try BacktestInputs.data(
        from: MarketDataCSV.read(path: path), selection: .init(names: names, targets: weights), equalWeight: false,
        window: (CivilDate(iso: c.from), CivilDate(iso: c.to)), prices: c.prices, riskFree: c.riskFree,
        periodsPerYear: nil)
      #expect(data.rowCount == c.rows, "\(c.name)")
      let strategies = try c.strategies.map { try StrategySpec.parse($0).strategy }
      let results = try Simulator.run(strategies, on: data, configuration: .init(costBasisPoints: c.costBps))
      for r in results {
        let expected = try #require(c.expected[r.metrics.name])
        for key in Self.metricKeys {
          let want = try #require(expected[key])
          let got = Self.value(r.metrics, key)
          // 1e-9 relative; values that are rounding noise around 0 (the tracking error of a
          // portfolio rebalanced every row) compare absolutely.
          #expect(close(got, want, rel: 1e-9, abs: 1e-14), "\(c.name) \(r.metrics.name) \(key): \(got) vs \(want)")
          compared += 1
        }
      }
    }
    #expect(compared > 250)
  }
}
