import Foundation

/// Expands the numeric ranges of a spec (`a..b/n`: n evenly spaced values, both ends included)
/// into one concrete spec per value, named with its values (SPEC §4).
///
/// Several ranges in one spec expand to their product, the first range varying slowest.
/// Each value is rounded to 12 significant digits, and that rounded value is the one used, so
/// the name reproduces the run exactly (`band:abs=0.001..0.05/200` gives `band:abs=0.001`,
/// `band:abs=0.00124623115578`, …, `band:abs=0.05`).
public enum SweepRange {
  /// The concrete specs of `spec`, in order; `[spec]` when it has no range.
  /// - Throws: ``InputError`` for a malformed range or more than 100,000 strategies.
  public static func expand(_ spec: String, origin: StrategySpec.Origin = .init()) throws -> [String] {
    guard spec.contains("..") else { return [spec] }
    let colon = spec.firstIndex(of: ":") ?? spec.endIndex
    let head = String(spec[..<colon])
    let body = colon < spec.endIndex ? String(spec[spec.index(after: colon)...]) : ""
    var choices: [[String]] = []
    for part in body.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      guard let eq = part.firstIndex(of: "="), part[eq...].contains("..") else {
        choices.append([part])
        continue
      }
      let key = String(part[...eq])
      let values = try range(String(part[part.index(after: eq)...]), spec: spec, origin: origin)
      choices.append(values.map { key + $0 })
    }
    var specs = [""]
    for options in choices {
      specs = specs.flatMap { prefix in options.map { prefix.isEmpty ? $0 : prefix + "," + $0 } }
      guard specs.count <= 100_000 else {
        throw InputError(file: origin.file, keyPath: spec, line: origin.line, message: "the sweep expands to more than 100,000 strategies")
      }
    }
    return specs.map { head + ":" + $0 }
  }

  /// The values of `a..b/n` as text.
  static func range(_ text: String, spec: String, origin: StrategySpec.Origin) throws -> [String] {
    func fail() -> InputError {
      InputError(
        file: origin.file, keyPath: spec, line: origin.line,
        message: "expected a range a..b/n (n ≥ 2 values from a to b), found '\(text)'")
    }
    let halves = text.split(separator: "/", omittingEmptySubsequences: false)
    guard halves.count == 2, let n = Int(halves[1]), n >= 2 else { throw fail() }
    let ends = halves[0].components(separatedBy: "..")
    guard ends.count == 2, let a = Double(ends[0]), let b = Double(ends[1]), a.isFinite, b.isFinite else {
      throw fail()
    }
    return (0..<n).map { j in
      let raw = j == n - 1 ? b : a + (b - a) * Double(j) / Double(n - 1)
      return format(raw)
    }
  }

  /// The shortest text of `v` rounded to 12 significant digits.
  static func format(_ v: Double) -> String {
    guard let rounded = Double(String(format: "%.12g", v)) else { return "\(v)" }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return "\(rounded)"
  }
}
