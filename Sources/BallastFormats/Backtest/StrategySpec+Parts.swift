import BallastBacktest

extension StrategySpec {
  /// The parts of one spec, consumed by name; parts left over are an error.
  struct Parts {
    let text: String
    let origin: Origin
    let kind: String
    /// `(key, value)`; a bare word has a `nil` value.
    var parts: [(key: String, value: String?)]
    var momentumLookback: Int?

    init(_ text: String, origin: Origin) throws {
      self.text = text
      self.origin = origin
      let trimmed = text.trimmingSpaces
      let head = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      kind = String(head[0]).lowercased()
      parts = []
      guard !kind.isEmpty else { throw InputError(file: origin.file, keyPath: origin.keyPath, line: origin.line, message: "empty strategy spec") }
      guard head.count == 2 else { return }
      for raw in head[1].split(separator: ",", omittingEmptySubsequences: false) {
        let piece = String(raw).trimmingSpaces
        guard !piece.isEmpty else { throw error("empty part in '\(text)'") }
        if let eq = piece.firstIndex(of: "=") {
          let key = String(piece[..<eq]).trimmingSpaces
          let value = String(piece[piece.index(after: eq)...]).trimmingSpaces
          guard !key.isEmpty, !value.isEmpty else { throw error("expected key=value, found '\(piece)'") }
          parts.append((key, value))
        } else {
          parts.append((piece, nil))
        }
      }
    }

    func error(_ message: String) -> InputError {
      InputError(
        file: origin.file, keyPath: origin.keyPath.isEmpty ? text : origin.keyPath, line: origin.line,
        message: message)
    }

    mutating func take(_ key: String) -> String?? {
      guard let i = parts.firstIndex(where: { $0.key == key }) else { return nil }
      return .some(parts.remove(at: i).value)
    }

    mutating func string(_ key: String) -> String? { take(key) ?? nil }

    mutating func double(_ key: String) throws -> Double? {
      guard let raw = take(key) else { return nil }
      guard let text = raw, let v = Double(text), v.isFinite else {
        throw error("expected a number for '\(key)', found '\(raw ?? "")'")
      }
      return v
    }

    mutating func int(_ key: String) throws -> Int? {
      guard let v = try double(key) else { return nil }
      guard v == v.rounded(), v >= 1, v < 1e9 else { throw error("expected a whole number of rows ≥ 1 for '\(key)', found \(v)") }
      return Int(v)
    }

    /// A bare frequency word (`quarterly`), or `every=quarterly`.
    mutating func frequency(required: Bool) throws -> RebalanceFrequency? {
      if let every = string("every") {
        guard let f = RebalanceFrequency(rawValue: every) else { throw error("unknown frequency '\(every)'") }
        return f
      }
      if let i = parts.firstIndex(where: { $0.value == nil && RebalanceFrequency(rawValue: $0.key) != nil }) {
        return RebalanceFrequency(rawValue: parts.remove(at: i).key)
      }
      if required {
        let names = RebalanceFrequency.allCases.map(\.rawValue).joined(separator: ", ")
        throw error("'\(kind)' needs a frequency: one of \(names)")
      }
      return nil
    }

    /// A bare word that is not a frequency: a file path (`vix:data/vix.csv`).
    mutating func file() -> String? {
      if let f = string("file") { return f }
      guard let i = parts.firstIndex(where: { $0.value == nil && RebalanceFrequency(rawValue: $0.key) == nil }) else {
        return nil
      }
      return parts.remove(at: i).key
    }

    /// The band parts, global and per asset.
    mutating func band(defaultAbsolute: Double?) throws -> BandRule {
      var global = BandWidths(
        absolute: try double("abs") ?? double("base"), relative: try double("rel"),
        below: try double("below"), above: try double("above"))
      let lookback = try int("momentum")
      let minimum = try double("momentum-min")
      momentumLookback = lookback ?? momentumLookback
      if minimum != nil || lookback != nil { momentumMinimum = minimum ?? 0 }
      var perAsset: [AssetBand] = []
      let reserved: Set<String> = ["to", "every", "window", "vol", "file", "vix-file", "lookback", "min"]
      for part in parts where part.value != nil && !reserved.contains(part.key) {
        let pieces = part.key.split(separator: ".", maxSplits: 1).map(String.init)
        guard let value = part.value.flatMap(Double.init), value.isFinite else {
          throw error("expected a number for '\(part.key)', found '\(part.value ?? "")'")
        }
        var w = BandWidths()
        switch pieces.count == 2 ? pieces[1] : "abs" {
        case "abs": w.absolute = value
        case "rel": w.relative = value
        case "below": w.below = value
        case "above": w.above = value
        default: throw error("unknown band part '\(part.key)'; expected ASSET or ASSET.abs|rel|below|above")
        }
        perAsset.append(AssetBand(asset: pieces[0], widths: w))
      }
      parts.removeAll { $0.value != nil && !reserved.contains($0.key) }
      if global.isEmpty {
        guard let d = defaultAbsolute else { throw error("a band needs a width: abs=, rel=, below= or above=") }
        global.absolute = d
      }
      for v in [global.absolute, global.relative, global.below, global.above].compactMap({ $0 }) where v < 0 {
        throw error("band widths must not be negative, found \(v)")
      }
      return BandRule(global, perAsset: perAsset)
    }

    var momentumMinimum: Double = 0

    /// The destination and momentum filter, common to every kind that trades.
    mutating func finishBand(_ rule: Strategy.Rule) throws -> Strategy {
      if let l = try int("lookback") { momentumLookback = l }
      if let m = try double("min") { momentumMinimum = m }
      if momentumLookback == nil, let l = try int("momentum") { momentumLookback = l }
      var destination = Strategy.Destination.target
      if let to = string("to") {
        guard let d = Strategy.Destination(rawValue: to) else { throw error("to= must be 'target' or 'edge', found '\(to)'") }
        destination = d
      }
      return Strategy(
        name: "", rule: rule, destination: destination,
        momentum: momentumLookback.map { MomentumFilter(lookback: $0, threshold: momentumMinimum) })
    }

    func finish() throws {
      guard let left = parts.first else { return }
      throw error("unexpected part '\(left.key)\(left.value.map { "=" + $0 } ?? "")' for a '\(kind)' strategy")
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
