/// A linear program in the form the solver takes:
///
///     minimise   Σⱼ fⱼ(xⱼ)
///     subject to Σⱼ aᵢⱼ xⱼ  (=, ≤ or ≥)  bᵢ   for every row i
///                0 ≤ xⱼ ≤ uⱼ                 (uⱼ may be +∞)
///
/// where each fⱼ is linear (cⱼxⱼ) or convex piecewise linear: consecutive segments of given
/// lengths whose costs per unit do not decrease. A piecewise variable stands for several
/// columns with the same coefficients filled cheapest first (the lots of one holding, each
/// with its own tax per dollar) at the price of one column.
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

  /// Segments of variable j are `segmentLengths[segmentStart[j]..<segmentStart[j+1]]`.
  var segmentStart: [Int] = [0]
  var segmentLengths: [Double] = []
  var segmentCosts: [Double] = []
  var rows: [Row] = []

  public init() {}

  public var variableCount: Int { segmentStart.count - 1 }
  public var constraintCount: Int { rows.count }

  /// Adds a variable `0 ≤ x ≤ upper` with objective coefficient `cost`; returns its index.
  @discardableResult
  public mutating func addVariable(cost: Double, upper: Double = .infinity) -> Int {
    precondition(upper >= 0, "a variable's upper bound must be ≥ 0")
    segmentLengths.append(upper)
    segmentCosts.append(cost)
    segmentStart.append(segmentLengths.count)
    return variableCount - 1
  }

  /// Adds a variable with a convex piecewise-linear cost: the first `length` units cost
  /// `cost` each, the next segment's units its cost, and so on; x ≤ the total length.
  /// - Precondition: at least one segment, lengths ≥ 0, costs non-decreasing.
  @discardableResult
  public mutating func addVariable(segments: [(length: Double, cost: Double)]) -> Int {
    precondition(!segments.isEmpty, "a variable needs at least one segment")
    for (k, s) in segments.enumerated() {
      precondition(s.length >= 0, "segment lengths must be ≥ 0")
      precondition(k == 0 || s.cost >= segments[k - 1].cost, "segment costs must not decrease (convexity)")
      segmentLengths.append(s.length)
      segmentCosts.append(s.cost)
    }
    segmentStart.append(segmentLengths.count)
    return variableCount - 1
  }

  /// Adds the row `Σ coefficient·x[index]  relation  rhs`. Each index may appear once.
  public mutating func addConstraint(_ terms: [(Int, Double)], _ relation: Relation, _ rhs: Double, hint: BasisHint? = nil) {
    rows.append(Row(terms: terms, relation: relation, rhs: rhs, hint: hint))
  }

  /// f_j(value): the cost of variable j at `value`.
  public func cost(of variable: Int, at value: Double) -> Double {
    var total = 0.0
    var start = 0.0
    for k in segmentStart[variable]..<segmentStart[variable + 1] {
      let used = min(max(value - start, 0), segmentLengths[k])
      total += used * segmentCosts[k]
      start += segmentLengths[k]
    }
    return total
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
  /// Simplex iterations: pivots plus moves of a variable from one breakpoint to the next.
  public var iterations: Int
  /// Iterations that changed the basis.
  public var pivots: Int
}
