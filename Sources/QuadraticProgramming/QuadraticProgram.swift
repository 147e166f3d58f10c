/// A convex quadratic program in the standard dense form
///
///     minimise    ½ xᵀP x + qᵀx
///     subject to  A x = b            (equality rows)
///                 G x ≤ h            (inequality rows)
///                 lower ≤ x ≤ upper  (bounds; ±∞ allowed)
///
/// `P` is symmetric positive semi-definite, stored dense and row-major (`P[i*n + j]`); the
/// active-set solver needs it positive definite on the subspace of the variables it frees
/// (``SolverStatus/singular`` says where it is not). `A` and `G` are dense row-major too.
///
/// The type knows nothing of portfolios: the optional ``variableNames`` and row names only make
/// diagnostics readable ("row 'budget' cannot hold together with 'target return'").
public struct QuadraticProgram: Sendable {
  /// Number of variables `n`.
  public let variableCount: Int
  /// `n × n` symmetric matrix `P`, row-major.
  public var P: [Double]
  /// Linear term `q` (length `n`).
  public var q: [Double]
  /// Equality matrix `A` (`equalityCount × n`, row-major) and right-hand side `b`.
  public var A: [Double]
  public var b: [Double]
  /// Inequality matrix `G` (`inequalityCount × n`, row-major) and right-hand side `h`.
  public var G: [Double]
  public var h: [Double]
  /// Bounds; `-.infinity` / `.infinity` for none. `lower[j] == upper[j]` fixes `x_j`.
  public var lower: [Double]
  public var upper: [Double]
  /// Names used in diagnostics (defaults: `x[j]`, `eq[i]`, `ineq[i]`).
  public var variableNames: [String]
  public var equalityNames: [String]
  public var inequalityNames: [String]

  /// A problem with `n` variables, no rows, no bounds and `P = 0`, `q = 0`: fill it in.
  public init(variableCount n: Int) {
    variableCount = n
    P = [Double](repeating: 0, count: n &* n)
    q = [Double](repeating: 0, count: n)
    A = []
    b = []
    G = []
    h = []
    lower = [Double](repeating: -.infinity, count: n)
    upper = [Double](repeating: .infinity, count: n)
    variableNames = (0..<n).map { "x[\($0)]" }
    equalityNames = []
    inequalityNames = []
  }

  /// Number of equality rows of `A`.
  public var equalityCount: Int { b.count }
  /// Number of inequality rows of `G`.
  public var inequalityCount: Int { h.count }

  /// Appends the equality row `aᵀx = rhs`.
  public mutating func addEquality(_ a: [Double], equals rhs: Double, name: String? = nil) {
    precondition(a.count == variableCount, "equality row has \(a.count) entries for \(variableCount) variables")
    A.append(contentsOf: a)
    b.append(rhs)
    equalityNames.append(name ?? "eq[\(b.count - 1)]")
  }

  /// Appends the inequality row `gᵀx ≤ rhs`.
  public mutating func addInequality(_ g: [Double], atMost rhs: Double, name: String? = nil) {
    precondition(g.count == variableCount, "inequality row has \(g.count) entries for \(variableCount) variables")
    G.append(contentsOf: g)
    h.append(rhs)
    inequalityNames.append(name ?? "ineq[\(h.count - 1)]")
  }

  /// The objective `½ xᵀP x + qᵀx` at `x`, summed in index order.
  /// - Complexity: O(n²)
  public func objective(at x: [Double]) -> Double {
    let n = variableCount
    var quad = 0.0
    var lin = 0.0
    for i in 0..<n {
      var row = 0.0
      let base = i &* n
      for j in 0..<n { row += P[base &+ j] * x[j] }
      quad += x[i] * row
      lin += q[i] * x[i]
    }
    return 0.5 * quad + lin
  }
}
