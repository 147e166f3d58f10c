public import BallastOptimizer
import QuadraticProgramming
import Foundation

/// What `ballast optimize` prints: the optimal portfolio, optionally a frontier and a
/// whole-share allocation, in JSON (SPEC §3 keys first), table or CSV.
public struct OptimizeReport: Sendable {
  public var objective: String
  public var riskFreeRate: Double
  public var result: PortfolioResult
  /// `source`, `from`, `to`, `periods`, `returns`, `covariance` — whatever describes the input.
  public var inputs: [(String, JSONValue)]
  public var frontier: [PortfolioResult]
  public var allocation: (method: String, value: Double, prices: [Double], shares: ShareAllocation)?
  /// Things the user should know (e.g. a covariance matrix that had to be repaired).
  public var warnings: [String] = []
  /// Cost-aware rebalancing from current weights, when asked.
  public var rebalance: RebalanceSection?

  public init(objective: String, riskFreeRate: Double, result: PortfolioResult, inputs: [(String, JSONValue)],
              frontier: [PortfolioResult] = [], allocation: (method: String, value: Double, prices: [Double], shares: ShareAllocation)? = nil) {
    self.objective = objective
    self.riskFreeRate = riskFreeRate
    self.result = result
    self.inputs = inputs
    self.frontier = frontier
    self.allocation = allocation
  }

  /// Weights print as given; a weight within 1e-15 of zero prints as 0 (the solver's rounding).
  static func clean(_ w: Double) -> Double { abs(w) < 1e-15 ? 0 : w }

  func weightsObject(_ r: PortfolioResult) -> JSONValue {
    .object(zip(r.assets, r.weights).map { ($0, .double(Self.clean($1))) })
  }

  public var json: JSONValue {
    var members: [(String, JSONValue)] = [
      ("objective", .string(objective)),
      ("weights", weightsObject(result)),
      ("expectedReturn", .double(result.expectedReturn)),
      ("volatility", .double(result.volatility)),
      ("sharpe", .double(result.sharpe)),
      ("riskFreeRate", .double(riskFreeRate)),
      ("objectiveValue", .double(result.objectiveValue)),
      ("solver", solverJSON(result.solver)),
      ("inputs", .object(inputs)),
      ("warnings", .array(warnings.map { .string($0) })),
    ]
    if !frontier.isEmpty {
      members.append(("frontier", .array(frontier.map { p in
        .object([("expectedReturn", .double(p.expectedReturn)), ("volatility", .double(p.volatility)),
                 ("sharpe", .double(p.sharpe)), ("weights", weightsObject(p))])
      })))
    }
    if let r = rebalance { members.append(("rebalance", rebalanceJSON(r))) }
    if let a = allocation {
      members.append(("allocation", .object([
        ("method", .string(a.method)),
        ("value", .double(a.value)),
        ("shares", .object(zip(result.assets, a.shares.shares).map { ($0, .int($1)) })),
        ("prices", .object(zip(result.assets, a.prices).map { ($0, .double($1)) })),
        ("leftover", .double((a.shares.leftover * 100).rounded() / 100)),
        ("provenOptimal", .bool(a.shares.isProvenOptimal)),
      ])))
    }
    return .object(members)
  }

  func solverJSON(_ s: SolverReport) -> JSONValue {
    .object([
      ("status", .string(s.status.rawValue)),
      ("iterations", .int(s.iterations)),
      ("phaseOnePivots", .int(s.phaseOnePivots)),
      ("solves", .int(s.solves)),
      ("kkt", .object([
        ("stationarity", .double(s.residuals.stationarity)), ("primal", .double(s.residuals.primal)),
        ("dual", .double(s.residuals.dual)), ("complementarity", .double(s.residuals.complementarity)),
      ])),
    ])
  }
}
