/// Why an optimisation could not produce weights: a message naming the cause and what to
/// change. Bad estimates, impossible constraints and degenerate inputs are errors, never a
/// silently wrong portfolio.
public struct OptimizationError: Error, CustomStringConvertible, Sendable, Equatable {
  enum Kind: String, Sendable {
    case invalidInput, infeasible, singularCovariance, solverFailure
  }
  let kind: Kind
  /// One or more sentences: the cause, then what to change.
  public let message: String

  init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A stable short code: `invalid-input`, `infeasible`, `singular-covariance`, `solver-failure`.
  public var code: String {
    switch kind {
    case .invalidInput: return "invalid-input"
    case .infeasible: return "infeasible"
    case .singularCovariance: return "singular-covariance"
    case .solverFailure: return "solver-failure"
    }
  }

  public var description: String { "\(code): \(message)" }

  static func invalid(_ message: String) -> Self { Self(.invalidInput, message) }
}
