/// A strategy turned into per-row arrays for the kernel: where it looks, how its band widths
/// are scaled, which assets' upper breaches are ignored, and the score terms known in advance.
struct CompiledRule: Sendable {
  /// Band widths below and above each target (`+∞`: never breached).
  var below: [Double]
  var above: [Double]
  /// `look[t]`: the strategy considers trading on row `t`.
  var look: [Bool]
  /// Multiplier of the band widths on each row; `nil` means 1.
  var scale: [Double]?
  /// False for calendar rules: looking is enough to trade.
  var needsBreach: Bool
  var toEdge: Bool
  /// `strong[t * k + a]`: an upper breach of asset `a` on row `t` is ignored (momentum filter).
  var strong: [Bool]?
  var score: ScoreTerms?

  /// score(t) = base[t] + perDrift × maxDrift(t) + perRow × rowsSinceTrade(t) > threshold.
  struct ScoreTerms: Sendable {
    var base: [Double]
    var perDrift: Double
    var perRow: Double
    var threshold: Double
  }
}

/// Builds ``CompiledRule``s, computing each signal series once (a strategy sweep reuses them).
final class RuleCompiler {
  let data: BacktestData
  let vix: VIXSeries?
  private var volatilityRatios: [Int: [Double]] = [:]
  private var correlations: [Int: [Double]] = [:]
  private var periodEnds: [RebalanceFrequency: [Bool]] = [:]

  init(data: BacktestData, vix: VIXSeries?) {
    self.data = data
    self.vix = vix
  }

  var n: Int { data.rowCount }
  var k: Int { data.assetCount }
  var oneYear: Int { max(2, Int(data.periodsPerYear.rounded())) }

  func compile(_ s: Strategy) throws -> CompiledRule {
    var rule = try compileRule(s.rule)
    if s.destination == .bandEdge {
      guard rule.needsBreach, rule.score == nil else {
        throw BacktestError("'\(s.name)': to=edge needs a band rule (band, hybrid, dynamic, vix or a regime table)")
      }
      rule.toEdge = true
    }
    if let m = s.momentum {
      guard m.lookback >= 1 else { throw BacktestError("'\(s.name)': the momentum lookback must be at least 1 row") }
      rule.strong = Signals.momentumStrong(
        returns: data.returns, rows: n, assets: k, lookback: m.lookback, threshold: m.threshold)
    }
    return rule
  }

  private func compileRule(_ rule: Strategy.Rule) throws -> CompiledRule {
    let never = [Double](repeating: .infinity, count: k)
    switch rule {
    case .never:
      return CompiledRule(below: never, above: never, look: [Bool](repeating: false, count: n), needsBreach: false, toEdge: false)
    case .calendar(let f):
      return CompiledRule(below: never, above: never, look: ends(f), needsBreach: false, toEdge: false)
    case .band(let band, let look, let scaling):
      let (below, above) = try band.resolve(assets: data.assets, targets: data.targets)
      return CompiledRule(
        below: below, above: above, look: ends(look), scale: try scale(scaling), needsBreach: true, toEdge: false)
    case .regime(let table):
      return try compileRegime(table)
    case .score(let s, let look):
      return try compileScore(s, look: look, never: never)
    case .retarget:
      throw BacktestError("a strategy with time-varying targets runs outside the fixed-target kernel")
    }
  }

  func ends(_ f: RebalanceFrequency) -> [Bool] {
    if let e = periodEnds[f] { return e }
    let e = f.periodEnds(data.dates)
    periodEnds[f] = e
    return e
  }

  private func scale(_ scaling: BandScaling) throws -> [Double]? {
    switch scaling {
    case .fixed: return nil
    case .realisedVolatility(let window):
      guard window >= 2 else { throw BacktestError("the volatility window must be at least 2 rows") }
      return volatilityRatio(window)
    case .vixRatio:
      let v = try requireVIX()
      return zip(v.close, v.runningMean).map { $0 / $1 }
    case .vixBuckets(let table):
      return try requireVIX().close.map(table.multiplier(for:))
    }
  }

  func requireVIX() throws -> VIXSeries {
    guard let vix else { throw BacktestError("this strategy needs VIX data, and none was given") }
    return vix
  }

  func volatilityRatio(_ window: Int) -> [Double] {
    if let v = volatilityRatios[window] { return v }
    let v = Signals.volatilityRatio(data.benchmark, window: window)
    volatilityRatios[window] = v
    return v
  }

  func correlation(_ window: Int) -> [Double] {
    if let c = correlations[window] { return c }
    let c = Signals.meanCorrelation(returns: data.returns, rows: n, assets: k, window: window)
    correlations[window] = c
    return c
  }

  private func compileRegime(_ table: RegimeTable) throws -> CompiledRule {
    guard !table.regimes.isEmpty else { throw BacktestError("a regime table needs at least one regime") }
    let signal: [Double]
    switch table.signal {
    case .vix: signal = try requireVIX().close
    case .correlation(let window):
      guard window >= 2 else { throw BacktestError("the correlation window must be at least 2 rows") }
      signal = correlation(window)
    }
    var look = [Bool](repeating: false, count: n)
    var scale = [Double](repeating: 1, count: n)
    for t in 0..<n {
      guard let r = table.regime(for: signal[t]) else { continue }
      look[t] = ends(r.look)[t]
      scale[t] = r.band
    }
    let one = [Double](repeating: 1, count: k)
    return CompiledRule(below: one, above: one, look: look, scale: scale, needsBreach: true, toEdge: false)
  }

  private func compileScore(_ s: ScoreRule, look: RebalanceFrequency, never: [Double]) throws -> CompiledRule {
    guard s.driftScale > 0 else { throw BacktestError("the score's drift scale must be positive") }
    let window = s.window ?? oneYear
    guard window >= 2 else { throw BacktestError("the score window must be at least 2 rows") }
    let vol = volatilityRatio(window)
    let corr = correlation(window)
    var base = [Double](repeating: 0, count: n)
    for t in 0..<n {
      base[t] = s.volatilityWeight * 100 * vol[t] + s.correlationWeight * 100 * corr[t]
    }
    let terms = CompiledRule.ScoreTerms(
      base: base, perDrift: s.driftWeight * 100 / s.driftScale,
      perRow: s.timeWeight * 100 / data.periodsPerYear, threshold: s.threshold)
    return CompiledRule(below: never, above: never, look: ends(look), needsBreach: true, toEdge: false, score: terms)
  }
}
