import ArgumentParser
import BallastCore
import BallastFormats
import BallastOptimizer
import Foundation

/// What `ballast optimize` read: either a price window or `μ` and `Σ`.
struct OptimizeInput {
  enum Source {
    case prices(file: String, dates: [CivilDate], series: [[Double]], covariance: String)
    case meanCovariance(mu: [Double], covariance: CovarianceMatrix)
  }
  var assets: [String]
  var source: Source
}

extension Optimize {
  func parsedObjective() throws -> Objective {
    let parts = objective.split(separator: "=", maxSplits: 1).map(String.init)
    func number() throws -> Double {
      guard parts.count == 2, let v = Double(parts[1]), v.isFinite else {
        throw ValidationError("--objective \(parts[0]) needs a number, e.g. \(parts[0])=0.1")
      }
      return v
    }
    switch parts[0] {
    case "min-variance", "min-volatility": return .minVariance
    case "max-sharpe": return .maxSharpe(riskFreeRate: riskFree)
    case "target-return": return .targetReturn(try number())
    case "target-risk": return .targetRisk(try number())
    case "utility": return .quadraticUtility(riskAversion: try number())
    default:
      throw ValidationError("unknown --objective '\(objective)'; expected min-variance, max-sharpe, target-return=R, target-risk=S or utility=A")
    }
  }

  func parsedBounds() throws -> (Double, Double) {
    let parts = bounds.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, let lo = Double(parts[0]), let hi = Double(parts[1]) else {
      throw ValidationError("--bounds expects lo:hi, e.g. 0:0.25; found '\(bounds)'")
    }
    return (lo, hi)
  }

  /// `NAME=A,B,C:lo:hi` → a group over the named assets.
  func parsedGroups(_ names: [String]) throws -> [PortfolioConstraints.Group] {
    try group.map { spec in
      let nameSplit = spec.split(separator: "=", maxSplits: 1).map(String.init)
      let rest = nameSplit.count == 2 ? nameSplit[1].split(separator: ":", omittingEmptySubsequences: false).map(String.init) : []
      guard rest.count == 3, let lo = Double(rest[1].isEmpty ? "-inf" : rest[1]), let hi = Double(rest[2].isEmpty ? "inf" : rest[2]) else {
        throw ValidationError("--group expects NAME=A,B,C:lo:hi, found '\(spec)'")
      }
      let members = try rest[0].split(separator: ",").map { a -> Int in
        guard let i = names.firstIndex(of: String(a)) else { throw ValidationError("--group '\(nameSplit[0])' names unknown asset '\(a)'") }
        return i
      }
      return PortfolioConstraints.Group(name: nameSplit[0], members: members, lower: lo, upper: hi)
    }
  }

  func date(_ text: String?, _ option: String) throws -> CivilDate? {
    guard let text else { return nil }
    guard let d = CivilDate(iso: text) else { throw ValidationError("\(option) expects a date YYYY-MM-DD, found '\(text)'") }
    return d
  }

  func loadInput() throws -> OptimizeInput {
    if let mu {
      let (names, m, c) = try MeanCovarianceCSV.read(muPath: mu, covPath: cov ?? "")
      return OptimizeInput(assets: names, source: .meanCovariance(mu: m, covariance: c))
    }
    let path = prices ?? ""
    let method = cov ?? "sample"
    guard ["sample", "exp", "ledoit-wolf"].contains(method) else {
      throw ValidationError("with --prices, --cov is an estimator: sample, exp or ledoit-wolf; found '\(method)'")
    }
    let table = try MarketDataCSV.read(path: path)
    let names = assets.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? table.columns
    let window = try table.window(columns: names, from: try date(from, "--from"), to: try date(to, "--to"))
    guard window.dates.count >= 3 else {
      throw InputError(file: path, message: "the window has \(window.dates.count) rows; at least 3 prices per asset are needed")
    }
    return OptimizeInput(assets: names, source: .prices(file: path, dates: window.dates, series: window.series, covariance: method))
  }
}
