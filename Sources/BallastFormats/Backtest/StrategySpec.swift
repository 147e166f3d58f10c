public import BallastBacktest

/// Parses strategy specs such as `band:abs=0.05,us_stock=0.03,to=edge` (SPEC §4).
///
/// A spec is `kind` or `kind:part,part,…`; a part is `key=value` or a bare word. Kinds:
/// `none`, `calendar:FREQ`, `band:…`, `hybrid:FREQ,…`, `dynamic:base=…[,window=N|vol=vix]`,
/// `vix[:FILE][,base=…]`, `adaptive[:FILE]`, `correlation[:window=N]`, `score:…`,
/// `momentum:…`, `optimized:…` (``optimized(_:)``). Band parts: `abs`, `rel`, `below`, `above` (`base` is `abs`), per asset
/// `ASSET=abs` or `ASSET.abs|rel|below|above=…`; any band kind takes `to=edge`,
/// `momentum=ROWS` and `momentum-min=RETURN`.
public enum StrategySpec {
  /// A parsed strategy and the VIX file it asked for (`nil`: the bundled one, if it needs VIX).
  public struct Parsed: Sendable {
    public var strategy: Strategy
    public var needsVIX: Bool
    public var vixFile: String?
  }

  /// Where a spec came from, for error messages.
  public struct Origin: Sendable {
    public var file: String
    public var keyPath: String
    public var line: Int?
    public init(file: String = "--strategy", keyPath: String = "", line: Int? = nil) {
      self.file = file
      self.keyPath = keyPath
      self.line = line
    }
  }

  /// Parses one concrete spec (no ranges).
  /// - Parameters:
  ///   - name: the result's name; the spec text when `nil`.
  ///   - table: regime or VIX-bucket rows from a strategy file (replaces the built-in table).
  /// - Throws: ``InputError`` naming the spec and what was expected.
  public static func parse(
    _ text: String, name: String? = nil, table: [TableRow]? = nil, origin: Origin = Origin()
  ) throws -> Parsed {
    var p = try Parts(text, origin: origin)
    let parsed = try build(&p, table: table)
    try p.finish()
    var strategy = parsed.strategy
    strategy.name = name ?? text
    return Parsed(strategy: strategy, needsVIX: parsed.needsVIX, vixFile: parsed.vixFile)
  }

  /// One row of a table given in a strategy file.
  public struct TableRow: Sendable {
    public var below: Double?
    public var look: RebalanceFrequency?
    public var band: Double?
    public var multiplier: Double?
    public init(below: Double?, look: RebalanceFrequency?, band: Double?, multiplier: Double?) {
      self.below = below
      self.look = look
      self.band = band
      self.multiplier = multiplier
    }
  }

  static func build(_ p: inout Parts, table: [TableRow]?) throws -> Parsed {
    switch p.kind {
    case "none", "buy-and-hold", "buyandhold":
      return Parsed(strategy: Strategy(name: "", rule: .never), needsVIX: false)
    case "calendar":
      let f = try p.frequency(required: true) ?? .annual
      return Parsed(strategy: Strategy(name: "", rule: .calendar(f)), needsVIX: false)
    case "band", "hybrid", "dynamic", "momentum":
      return try bandFamily(&p)
    case "vix":
      let file = p.file()
      let band = try p.band(defaultAbsolute: 0.05)
      let buckets = try table.map { try vixBuckets($0, p) } ?? .standard
      let rule = Strategy.Rule.band(band, look: try p.frequency(required: false) ?? .everyRow, scaling: .vixBuckets(buckets))
      return Parsed(strategy: try p.finishBand(rule), needsVIX: true, vixFile: file)
    case "adaptive":
      let file = p.file()
      let regimes = try table.map { try regimeRows($0, p) } ?? RegimeTable.adaptiveVIX.regimes
      return Parsed(
        strategy: try p.finishBand(.regime(RegimeTable(signal: .vix, regimes: regimes))), needsVIX: true, vixFile: file)
    case "correlation":
      let window = try p.int("window") ?? 12
      let regimes = try table.map { try regimeRows($0, p) } ?? RegimeTable.correlation(window: window).regimes
      let rule = Strategy.Rule.regime(RegimeTable(signal: .correlation(window: window), regimes: regimes))
      return Parsed(strategy: try p.finishBand(rule), needsVIX: false)
    case "score":
      return Parsed(strategy: try score(&p), needsVIX: false)
    case "optimized", "optimised":
      return Parsed(strategy: try optimized(&p), needsVIX: false)
    default:
      throw p.error(
        "unknown strategy kind '\(p.kind)'; expected none, calendar, band, hybrid, dynamic, vix, adaptive, correlation, score, momentum or optimized")
    }
  }

  static func bandFamily(_ p: inout Parts) throws -> Parsed {
    let look = try p.frequency(required: p.kind == "hybrid") ?? .everyRow
    var scaling = BandScaling.fixed
    var needsVIX = false
    var file: String?
    if p.kind == "dynamic" {
      if let source = p.string("vol"), source != "realised", source != "realized" {
        guard source == "vix" else { throw p.error("vol must be 'vix' or 'realised', found '\(source)'") }
        scaling = .vixRatio
        needsVIX = true
        file = p.string("vix-file")
      } else {
        scaling = .realisedVolatility(window: try p.int("window") ?? 12)
      }
    }
    let band = try p.band(defaultAbsolute: p.kind == "band" || p.kind == "hybrid" ? nil : 0.05)
    if p.kind == "momentum", p.momentumLookback == nil { p.momentumLookback = 12 }
    let strategy = try p.finishBand(.band(band, look: look, scaling: scaling))
    return Parsed(strategy: strategy, needsVIX: needsVIX, vixFile: file)
  }

  static func score(_ p: inout Parts) throws -> Strategy {
    var s = ScoreRule()
    s.driftWeight = try p.double("drift") ?? s.driftWeight
    s.volatilityWeight = try p.double("vol") ?? s.volatilityWeight
    s.correlationWeight = try p.double("corr") ?? s.correlationWeight
    s.timeWeight = try p.double("time") ?? s.timeWeight
    s.driftScale = try p.double("scale") ?? s.driftScale
    s.window = try p.int("window")
    s.threshold = try p.double("threshold") ?? s.threshold
    let look = try p.frequency(required: false) ?? .everyRow
    return try p.finishBand(.score(s, look: look))
  }

  static func vixBuckets(_ rows: [TableRow], _ p: Parts) throws -> VIXBuckets {
    try VIXBuckets(rows.map { r in
      guard let m = r.multiplier else { throw p.error("each VIX bucket needs a multiplier") }
      return VIXBuckets.Bucket(below: r.below, multiplier: m)
    })
  }

  static func regimeRows(_ rows: [TableRow], _ p: Parts) throws -> [RegimeTable.Regime] {
    try rows.map { r in
      guard let look = r.look, let band = r.band else { throw p.error("each regime needs 'look' and 'band'") }
      return RegimeTable.Regime(below: r.below, look: look, band: band)
    }
  }
}
