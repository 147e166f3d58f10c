import BallastBacktest
import BallastCore
import BallastData
import BallastFormats
import Foundation
import Testing

@Suite struct SpecParsingTests {
  @Test func parsesEveryKind() throws {
    #expect(try StrategySpec.parse("none").strategy.rule == .never)
    #expect(try StrategySpec.parse("calendar:quarterly").strategy.rule == .calendar(.quarterly))
    let band = try StrategySpec.parse("band:abs=0.05,us_stock=0.03,gold.above=0.02,to=edge").strategy
    #expect(band.destination == .bandEdge)
    #expect(band.rule == .band(BandRule(BandWidths(absolute: 0.05), perAsset: [
      AssetBand(asset: "us_stock", widths: BandWidths(absolute: 0.03)),
      AssetBand(asset: "gold", widths: BandWidths(above: 0.02)),
    ]), look: .everyRow, scaling: .fixed))
    #expect(try StrategySpec.parse("hybrid:quarterly,abs=0.05").strategy.rule
      == .band(.absolute(0.05), look: .quarterly, scaling: .fixed))
    #expect(try StrategySpec.parse("dynamic:base=0.04,window=24").strategy.rule
      == .band(.absolute(0.04), look: .everyRow, scaling: .realisedVolatility(window: 24)))
    let vix = try StrategySpec.parse("vix:data/vix.csv,base=0.05")
    #expect(vix.needsVIX && vix.vixFile == "data/vix.csv")
    #expect(try StrategySpec.parse("adaptive").strategy.rule == .regime(.adaptiveVIX))
    #expect(try StrategySpec.parse("correlation:window=6").strategy.rule == .regime(.correlation(window: 6)))
    #expect(try StrategySpec.parse("momentum:abs=0.05,lookback=6,min=0.01").strategy.momentum
      == MomentumFilter(lookback: 6, threshold: 0.01))
    if case .score(let s, _) = try StrategySpec.parse("score:drift=0.5,time=0.5,threshold=90").strategy.rule {
      #expect(s.driftWeight == 0.5 && s.timeWeight == 0.5 && s.threshold == 90)
    } else {
      Issue.record("expected a score rule")
    }
  }

  @Test(arguments: [
    ("bnad:abs=0.05", "unknown strategy kind"), ("calendar", "needs a frequency"), ("band", "needs a width"),
    ("band:abs=x", "expected a number"), ("band:abs=0.05,to=middle", "to= must be"),
    ("calendar:monthly,abs=0.05", "unexpected part"), ("band:abs=-0.1", "must not be negative"),
    ("band:abs=0.05,us_stock.wide=0.1", "unknown band part"), ("dynamic:base=0.05,window=0", "whole number"),
  ])
  func refusesBadSpecs(spec: String, fragment: String) {
    #expect {
      try StrategySpec.parse(spec)
    } throws: { error in
      let e = error as? InputError
      return e?.file == "--strategy" && e?.description.contains(fragment) == true
    }
  }

  @Test func toEdgeNeedsABand() throws {
    let data = try panel([[0, 0], [0.1, 0], [0, 0]], dates: monthEnds(2020, 1, count: 3), targets: [0.5, 0.5])
    #expect(throws: InputError.self) { try strategy("calendar:annual,to=edge") }
    let calendarToEdge = Strategy(name: "c", rule: .calendar(.annual), destination: .bandEdge)
    #expect(throws: BacktestError.self) { try Simulator.run([calendarToEdge], on: data) }
    #expect(throws: BacktestError.self) { try Simulator.run([strategy("band:abs=0.05,Z=0.01")], on: data) }
    #expect(throws: BacktestError.self) { try Simulator.run([strategy("vix")], on: data) }
  }

  @Test func readsAStrategyFile() throws {
    let yaml = """
      strategies:
        - calendar:annual
        - name: tight edge
          kind: band
          abs: 0.05
          to: edge
          assets:
            us_stock: 0.03
            ust_10y: {below: 0.02, above: 0.04}
        - name: my adaptive
          kind: adaptive
          table:
            - {below: 20, look: monthly, band: 0.03}
            - {look: weekly, band: 0.1}
        - name: sweep
          spec: band:abs=0.01..0.03/3
      """
    let parsed = try StrategyFile.parse(yaml, file: "s.yaml")
    #expect(parsed.map(\.strategy.name) == [
      "calendar:annual", "tight edge", "my adaptive", "sweep band:abs=0.01", "sweep band:abs=0.02", "sweep band:abs=0.03",
    ])
    #expect(parsed[1].strategy.destination == .bandEdge)
    #expect(parsed[1].strategy.rule == .band(BandRule(BandWidths(absolute: 0.05), perAsset: [
      AssetBand(asset: "us_stock", widths: BandWidths(absolute: 0.03)),
      AssetBand(asset: "ust_10y", widths: BandWidths(below: 0.02)),
      AssetBand(asset: "ust_10y", widths: BandWidths(above: 0.04)),
    ]), look: .everyRow, scaling: .fixed))
    #expect(parsed[2].strategy.rule == .regime(RegimeTable(signal: .vix, regimes: [
      .init(below: 20, look: .monthly, band: 0.03), .init(below: nil, look: .weekly, band: 0.1),
    ])))
  }

  @Test func strategyFileErrorsNameFileKeyAndLine() {
    let yaml = "strategies:\n  - none\n  - kind: band\n    abs: wide\n"
    #expect {
      try StrategyFile.parse(yaml, file: "s.yaml")
    } throws: { error in
      let e = error as? InputError
      return e?.file == "s.yaml" && e?.keyPath == "strategies[1]" && e?.line == 3
        && e?.message.contains("expected a number for 'abs'") == true
    }
  }
}

@Suite struct BacktestInputTests {
  func table(_ text: String) throws -> MarketDataTable { try MarketDataCSV.parse(Data(text.utf8), file: "r.csv") }

  @Test func assetsAndDatesAndFlows() throws {
    #expect(try BacktestInputs.parseAssets("a=0.6, b=0.4") == .init(names: ["a", "b"], targets: [0.6, 0.4]))
    #expect(try BacktestInputs.parseAssets("a,b,c") == .init(names: ["a", "b", "c"], targets: nil))
    #expect(throws: InputError.self) { try BacktestInputs.parseAssets("a=0.6,b") }
    #expect(throws: InputError.self) { try BacktestInputs.parseAssets("a=0.5,a=0.5") }
    #expect(try BacktestInputs.parseDate("2008", end: false, option: "--from").description == "2008-01-01")
    #expect(try BacktestInputs.parseDate("2008-02", end: true, option: "--to").description == "2008-02-29")
    #expect(try BacktestInputs.parseCashFlow("1000/month", option: "--contribution", sign: 1)
      == PeriodicFlow(.amount(1000), every: .monthly))
    #expect(try BacktestInputs.parseCashFlow("4%/year", option: "--withdrawal", sign: -1)
      == PeriodicFlow(.fraction(-0.04), every: .annual))
    #expect(throws: InputError.self) { try BacktestInputs.parseCashFlow("4%/decade", option: "--withdrawal", sign: -1) }
  }

  @Test(arguments: [
    ("date,a,b\n2020-01-31,0.01,\n2020-02-29,0.02,0.01\n", "empty cell in column 'b'"),
    ("date,a,b\n2020-02-29,0.01,0.02\n2020-01-31,0.02,0.01\n", "not sorted"),
    ("date,a,b\n2020-01-31,0.01,0.02\n2020-01-31,0.02,0.01\n", "duplicate date"),
    ("date,a,b\n2020-01-31,0.01,0.02\n2020-02-29,abc,0.01\n", "found 'abc'"),
    ("date,a,c\n2020-01-31,0.01,0.02\n2020-02-29,0.02,0.01\n", "unknown column 'b'"),
    ("date,a,b\n2020-01-31,0.01,0.02\n2020-02-29,-1.5,0.01\n", "above -100%"),
    ("date,a,b\n2020-01-31,0.01,0.02\n", "at least two"),
  ])
  func refusesBadData(csv: String, fragment: String) {
    #expect {
      try BacktestInputs.data(
        from: table(csv), selection: .init(names: ["a", "b"], targets: [0.5, 0.5]), equalWeight: false,
        window: (nil, nil), prices: false, riskFree: nil, periodsPerYear: nil)
    } throws: { error in
      let e = error as? InputError
      return e?.file == "r.csv" && e?.description.contains(fragment) == true
    }
  }

  @Test func pricesBecomeReturnsAndFrequencyIsInferred() throws {
    let t = try table("date,p\n2020-01-02,100\n2020-01-03,110\n2020-01-06,99\n")
    let d = try BacktestInputs.data(
      from: t, selection: nil, equalWeight: true, window: (nil, nil), prices: true, riskFree: nil, periodsPerYear: nil)
    #expect(d.periodsPerYear == 252)
    #expect(close(d.returns[1], 0.1) && close(d.returns[2], 99.0 / 110 - 1))
    #expect(throws: InputError.self) {
      try BacktestInputs.data(
        from: table("date,p\n2020-01-02,100\n2020-01-03,0\n"), selection: nil, equalWeight: true, window: (nil, nil),
        prices: true, riskFree: nil, periodsPerYear: nil)
    }
  }

  /// The catalog states each bundled file's columns, range and rows; they must be true.
  @Test func catalogMatchesTheBundledFiles() throws {
    for set in BundledData.catalog {
      let t = try MarketDataCSV.read(path: try #require(BundledData.path(of: set)))
      #expect(t.columns == set.columns, "\(set.name)")
      #expect(t.dates.first?.description == set.first && t.dates.last?.description == set.last, "\(set.name)")
      #expect(t.dates.count == set.rows, "\(set.name)")
    }
    let monthly = try #require(BundledData.dataSet(named: "monthly_asset_classes"))
    #expect(!monthly.columns.contains("corp_aaa") && !monthly.columns.contains("corp_baa"))
  }
}

/// The CSV reader's fast decimal path gives exactly what `Double(String)` gives, on every cell
/// of the bundled files.
@Test func csvNumbersMatchStandardParsing() throws {
  for set in [BundledDataSet.monthlyAssetClasses, .dailyUSStocks, .annualAssetClasses] {
    let path = try #require(BundledData.path(of: set))
    let table = try MarketDataCSV.read(path: path)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    var mismatches = 0
    for (r, line) in lines.enumerated() {
      for (c, cell) in line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().enumerated() {
        let want = cell.isEmpty ? Double.nan : (Double(String(cell)) ?? .nan)
        let got = table.values[c][r]
        if !(got == want || (got.isNaN && want.isNaN)) || got.sign != want.sign { mismatches += 1 }
      }
    }
    #expect(mismatches == 0, "\(set.name)")
  }
}
