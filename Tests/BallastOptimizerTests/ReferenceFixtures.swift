import BallastOptimizer
import Foundation

/// The reference document written by `Reference/generate_references.py`.
struct ReferenceCase {
  var name: String
  var weights: [Double]
  var objective: Double
  var parameter: Double?
  var upper: Double?
  var groups: [(members: [Int], lower: Double, upper: Double)]

  init(_ d: [String: Any]) {
    name = d["name"] as? String ?? ""
    weights = d["weights"] as? [Double] ?? []
    objective = d["objective"] as? Double ?? .nan
    parameter = d["parameter"] as? Double
    upper = d["upper"] as? Double
    groups = (d["groups"] as? [[Any]] ?? []).map { g in
      ((g[0] as? [Int]) ?? [], (g[1] as? Double) ?? 0, (g[2] as? Double) ?? 1)
    }
  }

  var objectiveKind: Objective {
    switch name.split(separator: " ")[0] {
    case "min-variance": return .minVariance
    case "max-sharpe": return .maxSharpe(riskFreeRate: parameter ?? 0)
    case "target-return": return .targetReturn(parameter ?? 0)
    case "target-risk": return .targetRisk(parameter ?? 0)
    default: return .quadraticUtility(riskAversion: parameter ?? 1)
    }
  }

  func constraints(_ n: Int) -> PortfolioConstraints {
    var c = PortfolioConstraints.uniform(n, lower: 0, upper: upper ?? 1)
    c.groups = groups.enumerated().map { PortfolioConstraints.Group(name: "g\($0)", members: $1.members, lower: $1.lower, upper: $1.upper) }
    return c
  }
}

enum References {
  static func url(_ name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")
  }

  nonisolated(unsafe) static let document: [String: Any] = {
    guard let u = url("references.json"), let data = try? Data(contentsOf: u),
      let any = try? JSONSerialization.jsonObject(with: data), let d = any as? [String: Any]
    else { return [:] }
    return d
  }()

  static var panel: [[String: Any]] { document["panel"] as? [[String: Any]] ?? [] }
  static var synthetic: [[String: Any]] { document["synthetic"] as? [[String: Any]] ?? [] }
}
