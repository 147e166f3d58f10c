/// A linear program in the form the solver takes:
///
///     minimise   cᵀx
///     subject to Σⱼ aᵢⱼ xⱼ  (=, ≤ or ≥)  bᵢ   for every row i
///                0 ≤ xⱼ ≤ uⱼ                 (uⱼ may be +∞)
///
/// Build it one variable and one constraint at a time; ``solve(options:)`` adds the slack
/// columns of the inequalities itself. Variables and rows keep the order they were added in,
/// so the same construction always gives the same solution.
public struct LinearProgram: Sendable {
  public enum Relation: Sendable { case equal, lessOrEqual, greaterOrEqual }

  /// A column to start the row's basis with instead of an artificial variable (a crash
  /// basis). A good hint makes phase 1 of the simplex method almost free; a hint that gives
  /// an infeasible start is ignored.
  public enum BasisHint: Sendable {
    case variable(Int)
    /// The slack column of an inequality row.
    case slack
  }

  struct Row: Sendable {
    var terms: [(Int, Double)]
    var relation: Relation
    var rhs: Double
    var hint: BasisHint?
  }

  public private(set) var costs: [Double] = []
  public private(set) var upperBounds: [Double] = []
  var rows: [Row] = []

  public init() {}

  public var variableCount: Int { costs.count }
  public var constraintCount: Int { rows.count }

  /// Adds a variable `0 ≤ x ≤ upper` with objective coefficient `cost`; returns its index.
  @discardableResult
  public mutating func addVariable(cost: Double, upper: Double = .infinity) -> Int {
    precondition(upper >= 0, "a variable's upper bound must be ≥ 0")
    costs.append(cost)
    upperBounds.append(upper)
    return costs.count - 1
  }

  /// Changes the upper bound of a variable (e.g. to 0, to forbid it).
  public mutating func setUpperBound(_ upper: Double, of variable: Int) {
    upperBounds[variable] = upper
  }

  /// Adds the row `Σ coefficient·x[index]  relation  rhs`. Repeated indices are summed.
  public mutating func addConstraint(_ terms: [(Int, Double)], _ relation: Relation, _ rhs: Double, hint: BasisHint? = nil) {
    rows.append(Row(terms: terms, relation: relation, rhs: rhs, hint: hint))
  }
}

/// What the solver found.
public struct LPSolution: Sendable {
  public enum Status: Sendable, Equatable {
    case optimal
    /// No point satisfies every constraint; `violation` is the least total violation found.
    case infeasible(violation: Double)
    case unbounded
    case iterationLimit
  }

  public var status: Status
  /// The variables of the program (slacks excluded); meaningful when `status == .optimal`.
  public var values: [Double]
  public var objective: Double
  public var iterations: Int
}
