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
    let adaptive = strategies.indices.filter { strategies[$0].isRetargeting }
    let fixed = strategies.indices.filter { !strategies[$0].isRetargeting }
    var rules = try fixed.map { try compiler.compile(strategies[$0]) }
    rules.append(try compiler.compile(.buyAndHold))
    let input = KernelInput(
      data: data, costBasisPoints: configuration.costBasisPoints, initialValue: configuration.initialValue,
      flows: try configuration.flowRows(for: data))
    let totals = runBatches(rules, input: input, record: configuration.recordSeries, parallel: parallel, progress: progress)
    var slots = [BacktestResult?](repeating: nil, count: strategies.count)
    func result(_ name: String, lane j: Int, _ t: LaneTotals) -> BacktestResult {
      let metrics = BacktestMetrics(name: name, lane: j, totals: t, input: input, periodsPerYear: data.periodsPerYear)
      return BacktestResult(
        metrics: metrics, series: configuration.recordSeries ? BacktestSeries(lane: j, totals: t, input: input) : nil)
    }
    for (j, s) in fixed.enumerated() {
      slots[s] = result(strategies[s].name, lane: j % laneWidth, totals[j / laneWidth])
    }
    let adaptiveTotals = try runRetargeting(
      adaptive.map { strategies[$0] }, data: data, compiler: compiler, input: input,
      record: configuration.recordSeries, parallel: parallel)
    for (j, s) in adaptive.enumerated() { slots[s] = result(strategies[s].name, lane: 0, adaptiveTotals[j]) }
    let last = rules.count - 1
    var results = slots.compactMap { $0 }
    results.append(result(Strategy.buyAndHold.name, lane: last % laneWidth, totals[last / laneWidth]))
    let baseline = results.removeLast().metrics.cagr
    for j in results.indices { results[j].metrics.rebalancingAlpha = results[j].metrics.cagr - baseline }
    return results
  }

  /// Runs each strategy with time-varying targets in its own scalar pass (concurrently when
  /// `parallel`); results in order.
  static func runRetargeting(
    _ strategies: [Strategy], data: BacktestData, compiler: RuleCompiler, input: KernelInput, record: Bool,
    parallel: Bool
  ) throws -> [LaneTotals] {
    let runs = try strategies.map { s -> RetargetingRun in
      guard case .retarget(let look, let source) = s.rule else { preconditionFailure("not a retargeting strategy") }
      guard s.destination == .target, s.momentum == nil else {
        throw BacktestError("'\(s.name)': a strategy with changing targets trades to its targets; to=edge and momentum do not apply")
      }
      return RetargetingRun(data: data, input: input, name: s.name, look: compiler.ends(look), source: source, record: record)
    }
    let outcomes = UnsafeMutableBufferPointer<Result<LaneTotals, any Error>>.allocate(capacity: runs.count)
    defer { outcomes.deallocate() }
    nonisolated(unsafe) let slots = outcomes
    let work: @Sendable (Int) -> Void = { c in
      (slots.baseAddress.unsafelyUnwrapped + c).initialize(to: Result { try runs[c].run() })
    }
    if parallel && runs.count > 1 {
      DispatchQueue.concurrentPerform(iterations: runs.count, execute: work)
    } else {
      for c in 0..<runs.count { work(c) }
    }
    let results = Array(outcomes)
    _ = outcomes.deinitialize()
    return try results.map { try $0.get() }
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
