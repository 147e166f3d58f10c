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
/// Build it one variable and one constraint at a time (``addConstraint(_:_:_:hint:)``), or
/// column by column: rows first (``addRow(_:_:hint:)``), then each variable with its
/// coefficients (``addCoefficient(_:row:variable:)``). ``solve(options:)`` adds the slack
/// columns of the inequalities itself. Variables and rows keep the order they were added in,
/// and each row its coefficients in the order they were given, so the same construction
/// always gives the same solution.
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

  /// Segments of variable j are `segmentLengths[segmentStart[j]..<segmentStart[j+1]]`.
  var segmentStart: [Int] = [0]
  var segmentLengths: [Double] = []
  var segmentCosts: [Double] = []
  /// Row i: `relations[i]`, `rightHandSides[i]`, `hints[i]`.
  var relations: [Relation] = []
  var rightHandSides: [Double] = []
  var hints: [BasisHint?] = []
  /// The coefficients, as (row, variable, value) triples in the order they were given.
  var entryRow: [Int] = []
  var entryColumn: [Int] = []
  var entryValue: [Double] = []

  public init() {}

  /// Makes room for `variables` variables, `rows` rows and `coefficients` coefficients, so
  /// that building the program does not reallocate.
  public mutating func reserveCapacity(variables: Int, rows: Int, coefficients: Int) {
    segmentStart.reserveCapacity(variables + 1)
    segmentLengths.reserveCapacity(variables)
    segmentCosts.reserveCapacity(variables)
    relations.reserveCapacity(rows)
    rightHandSides.reserveCapacity(rows)
    hints.reserveCapacity(rows)
    entryRow.reserveCapacity(coefficients)
    entryColumn.reserveCapacity(coefficients)
    entryValue.reserveCapacity(coefficients)
  }

  /// Removes every variable, row and coefficient; with `keepingCapacity`, the storage stays
  /// for the next program built in it.
  public mutating func removeAll(keepingCapacity: Bool = false) {
    segmentStart.removeAll(keepingCapacity: keepingCapacity)
    segmentStart.append(0)
    segmentLengths.removeAll(keepingCapacity: keepingCapacity)
    segmentCosts.removeAll(keepingCapacity: keepingCapacity)
    relations.removeAll(keepingCapacity: keepingCapacity)
    rightHandSides.removeAll(keepingCapacity: keepingCapacity)
    hints.removeAll(keepingCapacity: keepingCapacity)
    entryRow.removeAll(keepingCapacity: keepingCapacity)
    entryColumn.removeAll(keepingCapacity: keepingCapacity)
    entryValue.removeAll(keepingCapacity: keepingCapacity)
  }

  public var variableCount: Int { segmentStart.count - 1 }
  public var constraintCount: Int { relations.count }

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
    for s in segments { appendSegment(length: s.length, cost: s.cost) }
    return endVariable()
  }

  /// Appends a segment to the variable being built; ``endVariable()`` closes it. The same
  /// as ``addVariable(segments:)`` without building an array of segments first.
  /// - Precondition: length ≥ 0, cost ≥ the previous segment's of this variable.
  public mutating func appendSegment(length: Double, cost: Double) {
    precondition(length >= 0, "segment lengths must be ≥ 0")
    precondition(
      segmentCosts.count == segmentStart[segmentStart.count - 1] || cost >= segmentCosts[segmentCosts.count - 1],
      "segment costs must not decrease (convexity)")
    segmentLengths.append(length)
    segmentCosts.append(cost)
  }

  /// Closes the variable whose segments ``appendSegment(length:cost:)`` gave; returns its index.
  /// - Precondition: at least one segment since the last variable.
  @discardableResult
  public mutating func endVariable() -> Int {
    precondition(segmentLengths.count > segmentStart[segmentStart.count - 1], "a variable needs at least one segment")
    segmentStart.append(segmentLengths.count)
    return variableCount - 1
  }

  /// Adds the row `Σ coefficient·x[index]  relation  rhs`. Each index may appear once.
  public mutating func addConstraint(_ terms: [(Int, Double)], _ relation: Relation, _ rhs: Double, hint: BasisHint? = nil) {
    let i = addRow(relation, rhs, hint: hint)
    for (j, a) in terms { addCoefficient(a, row: i, variable: j) }
  }

  /// Adds a row with no coefficients yet (``addCoefficient(_:row:variable:)`` gives them,
  /// ``setRow(_:rhs:hint:)`` may change its right-hand side and hint); returns its index.
  /// Building a program column by column this way needs no array per row.
  @discardableResult
  public mutating func addRow(_ relation: Relation, _ rhs: Double = 0, hint: BasisHint? = nil) -> Int {
    relations.append(relation)
    rightHandSides.append(rhs)
    hints.append(hint)
    return relations.count - 1
  }

  /// Sets the right-hand side and basis hint of row `i`.
  public mutating func setRow(_ i: Int, rhs: Double, hint: BasisHint?) {
    rightHandSides[i] = rhs
    hints[i] = hint
  }

  /// Sets the coefficient of `variable` in row `row`. Each pair may be given once.
  public mutating func addCoefficient(_ value: Double, row: Int, variable: Int) {
    entryRow.append(row)
    entryColumn.append(variable)
    entryValue.append(value)
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
