import BallastBacktest
import BallastCore
import BallastData
import BallastFormats
import Foundation

/// A backtest read from the command line and ready to run: data, strategies and settings.
struct BacktestJob {
  var data: BacktestData
  var source: String
  var strategies: [Strategy]
  var vix: VIXSeries?
  var configuration: BacktestConfiguration

  /// The default comparison of the main job (issue 3).
  static let defaultStrategies = [
    "none", "calendar:annual", "calendar:quarterly", "band:abs=0.05", "dynamic:base=0.05,window=12",
  ]

  /// Asset-steps of the run, to decide whether a progress bar is worth drawing.
  var work: Double { Double(strategies.count + 1) * Double(data.rowCount) * Double(data.assetCount) }

  static func load(_ o: Backtest) throws -> BacktestJob {
    let file = o.returns ?? o.prices
    var set = BundledDataSet.monthlyAssetClasses
    if let name = o.data {
      guard let named = BundledData.dataSet(named: name) else {
        let names = BundledData.catalog.map(\.name).joined(separator: ", ")
        throw InputError(file: "--data", keyPath: name, message: "no bundled data set '\(name)'; bundled: \(names)")
      }
      set = named
    }
    let path = try file ?? bundledPath(set)
    let table = try MarketDataCSV.read(path: path)
    let bundled = file == nil
    let isPrices = o.prices != nil || (bundled && set.kind == "prices")
    let isDefault = bundled && o.data == nil
    let selection = try o.assets.map(BacktestInputs.parseAssets)
      ?? (isDefault && !o.equalWeight ? BacktestInputs.Selection(names: ["us_stock", "ust_10y"], targets: [0.6, 0.4]) : nil)
    var from = try o.from.map { try BacktestInputs.parseDate($0, end: false, option: "--from") }
    var to = try o.to.map { try BacktestInputs.parseDate($0, end: true, option: "--to") }
    if isDefault && from == nil && to == nil {
      from = CivilDate(year: 2008, month: 1, day: 1)
      to = CivilDate(year: 2023, month: 12, day: 31)
    }
    let data = try BacktestInputs.data(
      from: table, selection: selection, equalWeight: o.equalWeight, window: (from, to), prices: isPrices,
      riskFree: o.riskFree, periodsPerYear: o.periodsPerYear)
    let parsed = try parseStrategies(o)
    let vix = try loadVIX(parsed, option: o.vix, dates: data.dates)
    var flows: [PeriodicFlow] = []
    if let c = o.contribution { flows.append(try BacktestInputs.parseCashFlow(c, option: "--contribution", sign: 1)) }
    if let w = o.withdrawal { flows.append(try BacktestInputs.parseCashFlow(w, option: "--withdrawal", sign: -1)) }
    let configuration = BacktestConfiguration(
      costBasisPoints: o.costBps, initialValue: o.initialValue, cashFlows: flows, recordSeries: o.series != nil)
    return BacktestJob(
      data: data, source: bundled ? set.name : path,
      strategies: parsed.map(\.strategy), vix: vix, configuration: configuration)
  }

  static func bundledPath(_ set: BundledDataSet) throws -> String {
    guard let path = BundledData.path(of: set) else {
      throw InputError(file: set.file, message: "the bundled data set is missing from this build")
    }
    return path
  }

  static func parseStrategies(_ o: Backtest) throws -> [StrategySpec.Parsed] {
    var specs = o.strategies
    if specs.isEmpty && o.strategyFile == nil { specs = defaultStrategies }
    var parsed: [StrategySpec.Parsed] = []
    for spec in specs {
      let origin = StrategySpec.Origin(file: "--strategy", keyPath: spec)
      parsed += try SweepRange.expand(spec, origin: origin).map { try StrategySpec.parse($0, origin: origin) }
    }
    if let file = o.strategyFile { parsed += try StrategyFile.read(path: file) }
    return parsed
  }

  static func loadVIX(_ parsed: [StrategySpec.Parsed], option: String?, dates: [CivilDate]) throws -> VIXSeries? {
    let needing = parsed.filter(\.needsVIX)
    guard !needing.isEmpty else { return nil }
    var files = Set(needing.compactMap(\.vixFile))
    if let option { files.insert(option) }
    guard files.count <= 1 else {
      throw InputError(file: "--strategy", message: "strategies name different VIX files (\(files.sorted().joined(separator: ", "))); use one")
    }
    let path = try files.first ?? bundledPath(.dailyVIX)
    return try BacktestInputs.vix(from: MarketDataCSV.read(path: path), alignedTo: dates)
  }

  func run(progress: (@Sendable (Int, Int) -> Void)?) throws -> [BacktestResult] {
    do {
      return try Simulator.run(strategies, on: data, vix: vix, configuration: configuration, progress: progress)
    } catch let e as BacktestError {
      throw InputError(file: source, message: e.message)
    }
  }
}

/// A progress bar on standard error, drawn only for long runs on an interactive terminal.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()

  /// A callback drawing the bar, or `nil` when standard error is not a terminal or the run is
  /// short (under about 2 × 10⁹ asset-steps, a second or so).
  static func forStandardError(work: Double) -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(STDERR_FILENO) == 1, work > 2e9 else { return nil }
    let bar = ProgressBar()
    return { done, total in bar.draw(done, total) }
  }

  func draw(_ done: Int, _ total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let width = 30
    let filled = total > 0 ? done * width / total : width
    let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
      + "] \(done)/\(total) batches" + (done == total ? "\r" + String(repeating: " ", count: width + 24) + "\r" : "")
    FileHandle.standardError.write(Data(line.utf8))
  }
}
