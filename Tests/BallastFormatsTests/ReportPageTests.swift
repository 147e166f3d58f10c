import BallastBacktest
import BallastCore
import BallastFormats
import Foundation
import Testing

/// The report pages: self-contained (no network, no scripts), escaped, deterministic, small.
@Suite struct ReportPageTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func assertSelfContained(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!html.contains("http://"), sourceLocation: sourceLocation)
    #expect(!html.contains("https://"), sourceLocation: sourceLocation)
    #expect(!html.lowercased().contains("<script"), sourceLocation: sourceLocation)
    #expect(!html.contains("url(http"), sourceLocation: sourceLocation)
    #expect(!html.contains("@import"), sourceLocation: sourceLocation)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
  }

  static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

  func planPage(name: String? = nil) throws -> String {
    let household = try HouseholdReader.read(path: Self.root.appendingPathComponent("Examples/household.yaml").path)
    let plan = try HouseholdPlanner().plan(household)
    return PlanReportPage.html(plan, name: name ?? household.name, currency: household.currency, command: "ballast report plan Examples/household.yaml")
  }

  @Test func planPageIsSelfContainedAndDrawsTheAllocation() throws {
    let html = try planPage()
    Self.assertSelfContained(html)
    #expect(Self.count("<svg", in: html) == 1)
    #expect(html.contains("Trades by account") && html.contains("Lots relieved") && html.contains("Tax summary") && html.contains("Warnings"))
    #expect(html.contains("class=\"whisker\""))
    #expect(html.contains("brokerage (taxable)"))
    #expect(try planPage() == html, "the same plan must give the same bytes")
  }

  @Test func planPageComparesTheTaxWithTheNaivePlan() throws {
    let household = try HouseholdReader.read(path: Self.root.appendingPathComponent("Examples/tax-aware.yaml").path)
    let plan = try HouseholdPlanner().plan(household)
    let saved = try #require(plan.tax?.taxSaved)
    let html = PlanReportPage.html(plan, name: household.name, currency: household.currency, command: nil)
    #expect(html.contains("<th>naive plan</th>") || html.contains(">naive plan</th>"))
    #expect(html.contains("<dt>tax saved</dt><dd>\(saved.grouped(places: 2))</dd>"))
  }

  @Test func planPageEscapesTheHouseholdName() throws {
    let html = try planPage(name: "<script>alert(1)</script> & \"Co\"")
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
  }

  /// A seeded daily panel: `rows` rows of `assets` assets.
  static func dailyPanel(rows: Int, assets: Int, seed: UInt64) throws -> BacktestData {
    var rng = SeededGenerator(seed: seed)
    let start = CivilDate(year: 1990, month: 1, day: 2)!
    var dates: [CivilDate] = []
    var day = start
    while dates.count < rows {
      let weekday = (day.dayNumber + 4) % 7  // 0 = Sunday
      if weekday != 0 && weekday != 6 { dates.append(day) }
      day = day.adding(days: 1)
    }
    let columns = (0..<assets).map { a in (0..<rows).map { _ in 0.0003 + 0.012 * (rng.unit() - 0.5) * Double(1 + a % 3) } }
    return try BacktestData(
      dates: dates, assets: (0..<assets).map { "asset\($0)" }, targets: [Double](repeating: 1 / Double(assets), count: assets),
      columns: columns, periodsPerYear: 252)
  }

  static func backtestPage(_ data: BacktestData) throws -> String {
    let strategies = [
      Strategy.buyAndHold, Strategy(name: "calendar:annual", rule: .calendar(.annual)),
      Strategy(name: "calendar:quarterly", rule: .calendar(.quarterly)),
      Strategy(name: "band:abs=0.05", rule: .band(.absolute(0.05), look: .everyRow, scaling: .fixed)),
      Strategy(name: "band:rel=0.25", rule: .band(.relative(0.25), look: .everyRow, scaling: .fixed)),
    ]
    let results = try Simulator.run(strategies, on: data, configuration: BacktestConfiguration(recordSeries: true))
    let report = BacktestReport(data: data, source: "synthetic", riskFree: nil, costBasisPoints: 5, results: results.map(\.metrics))
    let paths = BacktestPaths(
      dates: data.dates, assets: data.assets, targets: data.targets, periodsPerYear: data.periodsPerYear,
      strategies: zip(strategies, results).map { s, r in
        var band: (below: [Double], above: [Double])?
        if case .band(let rule, _, _) = s.rule { band = try? rule.resolve(assets: data.assets, targets: data.targets) }
        return BacktestPaths.Strategy(name: s.name, values: r.series!.values, weights: r.series!.weights, rebalanced: r.series!.rebalanced, band: band)
      })
    return BacktestReportPage.html(report, paths: paths, dataNote: nil, command: "ballast report backtest")
  }

  @Test func backtestPageDrawsEveryChart() throws {
    let html = try Self.backtestPage(Self.dailyPanel(rows: 600, assets: 2, seed: 1))
    Self.assertSelfContained(html)
    // growth, drawdown, rolling return, rolling volatility, one weights chart per strategy
    #expect(Self.count("<svg", in: html) == 4 + 5)
    #expect(Self.count("class=\"series\"", in: html) == 4 * 5 + 5 * 2)
    #expect(Self.count("class=\"band\"", in: html) == 2 * 2)
    #expect(html.contains("Conventions") && html.contains("rebalancing alpha"))
  }

  /// 33 years of daily rows, 20 assets, 5 strategies: the file stays far below 5 MB.
  @Test func longDailyBacktestStaysSmall() throws {
    let html = try Self.backtestPage(Self.dailyPanel(rows: 8_313, assets: 20, seed: 2))
    Self.assertSelfContained(html)
    #expect(html.utf8.count < 2_000_000, "report is \(html.utf8.count) bytes")
    #expect(try Self.backtestPage(Self.dailyPanel(rows: 8_313, assets: 20, seed: 2)) == html, "deterministic")
  }

  @Test func sweepParameterAndBestRegion() {
    let names = ["band:abs=0.01,to=edge", "band:abs=0.02,to=edge", "band:abs=0.03,to=edge"]
    let p = SweepReportPage.parameter(of: names)
    #expect(p?.key == "abs" && p?.values == [0.01, 0.02, 0.03])
    #expect(SweepReportPage.parameter(of: ["band:abs=0.01,rel=0.1", "band:abs=0.02,rel=0.2"]) == nil)
    let region = SweepReportPage.bestRegion([1, 5, 9.8, 10, 9.5, 2], higherIsBetter: true)
    #expect(region?.best == 3 && region?.range == 2...4)
    #expect(SweepReportPage.bestRegion([3, 1, 2], higherIsBetter: false)?.best == 1)
  }

  @Test func optimizePageMarksEachAssetAndTheChosenPortfolio() throws {
    let assets = [("A", 0.08, 0.15), ("B", 0.04, 0.05), ("C", 0.11, 0.25)]
    let html = OptimizeReportPage.frontierChart(
      frontier: [(0.05, 0.045), (0.08, 0.06), (0.12, 0.08), (0.2, 0.1)], chosen: (0.1, 0.07), objective: "max-sharpe",
      assets: assets.map { OptimizeReportPage.AssetPoint(name: $0.0, expectedReturn: $0.1, volatility: $0.2) })
    #expect(Self.count("<text class=\"plabel", in: html) == 4)
    #expect(html.contains(">chosen: max-sharpe<"))
    #expect(Self.count("class=\"series\"", in: html) == 1)
  }
}
