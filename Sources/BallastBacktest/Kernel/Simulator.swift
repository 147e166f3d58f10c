import Dispatch

/// Runs strategies over a ``BacktestData``: compiles them, packs them eight to a batch, and
/// runs the batches on all cores; results come back in the order of the strategies.
public enum Simulator {
  /// Simulates each strategy and returns its metrics (and series when asked), in order.
  ///
  /// Buy and hold is simulated as well, for every strategy's ``BacktestMetrics/rebalancingAlpha``.
  /// - Parameters:
  ///   - parallel: run batches concurrently (the results are bit-identical either way).
  ///   - progress: called after each batch with (batches done, batches in all), from any thread.
  /// - Throws: ``BacktestError`` when a strategy cannot run on this data (e.g. needs VIX).
  /// - Complexity: O(strategies × rows × assets) plus the strategies' signal series.
  public static func run(
    _ strategies: [Strategy], on data: BacktestData, vix: VIXSeries? = nil,
    configuration: BacktestConfiguration = BacktestConfiguration(), parallel: Bool = true,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws -> [BacktestResult] {
    let compiler = RuleCompiler(data: data, vix: vix)
    var rules = try strategies.map(compiler.compile)
    rules.append(try compiler.compile(.buyAndHold))
    let input = KernelInput(
      data: data, costBasisPoints: configuration.costBasisPoints, initialValue: configuration.initialValue,
      flows: try configuration.flowRows(for: data))
    let totals = runBatches(rules, input: input, record: configuration.recordSeries, parallel: parallel, progress: progress)
    var results: [BacktestResult] = []
    for j in 0..<rules.count {
      let name = j < strategies.count ? strategies[j].name : Strategy.buyAndHold.name
      let metrics = BacktestMetrics(
        name: name, lane: j % laneWidth, totals: totals[j / laneWidth], input: input,
        periodsPerYear: data.periodsPerYear)
      let series = configuration.recordSeries ? BacktestSeries(lane: j % laneWidth, totals: totals[j / laneWidth], input: input) : nil
      results.append(BacktestResult(metrics: metrics, series: series))
    }
    let baseline = results.removeLast().metrics.cagr
    for j in results.indices { results[j].metrics.rebalancingAlpha = results[j].metrics.cagr - baseline }
    return results
  }

  /// Runs the rules eight at a time; `parallel` spreads the batches over all cores.
  static func runBatches(
    _ rules: [CompiledRule], input: KernelInput, record: Bool, parallel: Bool,
    progress: (@Sendable (Int, Int) -> Void)?
  ) -> [LaneTotals] {
    let batchCount = (rules.count + laneWidth - 1) / laneWidth
    let out = UnsafeMutableBufferPointer<LaneTotals>.allocate(capacity: batchCount)
    defer { out.deallocate() }
    nonisolated(unsafe) let slots = out
    let counter = ProgressCounter()
    let work: @Sendable (Int) -> Void = { c in
      let batch = LaneBatch(
        rules[(c * laneWidth)..<min(rules.count, (c + 1) * laneWidth)], rows: input.rows, assets: input.assets)
      (slots.baseAddress.unsafelyUnwrapped + c).initialize(to: Kernel.run(batch, input, record: record))
      if let progress { progress(counter.increment(), batchCount) }
    }
    if parallel && batchCount > 1 {
      DispatchQueue.concurrentPerform(iterations: batchCount, execute: work)
    } else {
      for c in 0..<batchCount { work(c) }
    }
    let result = Array(out)
    _ = out.deinitialize()
    return result
  }
}

/// Counts finished batches from several threads.
final class ProgressCounter: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var done = 0
  func increment() -> Int {
    lock.wait()
    defer { lock.signal() }
    done += 1
    return done
  }
}

/// One strategy's result.
public struct BacktestResult: Sendable {
  public var metrics: BacktestMetrics
  public var series: BacktestSeries?
}

/// The value and the weights after trading at each row's close, for plotting.
public struct BacktestSeries: Sendable {
  /// `values[t]`: the portfolio value at row `t`'s close.
  public var values: [Double]
  /// `weights[t * assets + a]`.
  public var weights: [Double]
  /// `rebalanced[t]`: the strategy traded at row `t`'s close.
  public var rebalanced: [Bool]

  init(lane j: Int, totals s: LaneTotals, input x: KernelInput) {
    values = (0..<x.rows).map { s.values[$0 * laneWidth + j] }
    weights = (0..<(x.rows * x.assets)).map { s.weights[$0 * laneWidth + j] }
    rebalanced = s.traded.map { $0 & (1 << UInt8(j)) != 0 }
  }
}
