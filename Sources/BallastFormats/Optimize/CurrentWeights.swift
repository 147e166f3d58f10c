/// Current portfolio weights for cost-aware rebalancing (`--current-weights`): either inline,
/// `A=0.3,B=0.7`, or a CSV file with a header row, asset names in the first column and weights
/// in the second. Assets not named hold 0; the weights must sum to 1 (within 1e-6).
public enum CurrentWeights {
  /// - Throws: ``InputError`` for an unknown or repeated asset, a non-number, a negative
  ///   weight or a sum other than 1.
  public static func parse(_ text: String, assets: [String], option: String = "--current-weights") throws -> [Double] {
    let pairs: [(String, Double)]
    let source: String
    if text.contains("=") {
      source = option
      pairs = try text.split(separator: ",").map { piece in
        let kv = piece.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
        guard kv.count == 2, let v = Double(kv[1]), v.isFinite else {
          throw InputError(file: option, keyPath: String(piece), message: "expected ASSET=WEIGHT, e.g. A=0.3")
        }
        return (kv[0], v)
      }
    } else {
      source = text
      let (names, values) = try MeanCovarianceCSV.readMu(try MeanCovarianceCSV.lines(text), file: text)
      pairs = Array(zip(names, values))
    }
    var w = [Double](repeating: 0, count: assets.count)
    var seen: Set<String> = []
    for (name, v) in pairs {
      guard let i = assets.firstIndex(of: name) else {
        throw InputError(file: source, keyPath: name, message: "unknown asset '\(name)'; the assets are \(assets.joined(separator: ", "))")
      }
      guard seen.insert(name).inserted else { throw InputError(file: source, keyPath: name, message: "asset '\(name)' appears twice") }
      guard v >= 0 else { throw InputError(file: source, keyPath: name, message: "a current weight must be ≥ 0, found \(v)") }
      w[i] = v
    }
    var sum = 0.0
    for v in w { sum += v }
    guard abs(sum - 1) <= 1e-6 else {
      throw InputError(file: source, message: "the current weights sum to \(sum), expected 1")
    }
    return w
  }
}
