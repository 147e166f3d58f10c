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

  /// One piece of a variable's cost: `length` units at `cost` each.
  struct Segment {
    var length: Double
    var cost: Double
  }

  struct Row {
    var relation: Relation
    var rhs: Double
    var hint: BasisHint?
  }

  /// A coefficient: `value` in row `row` for variable `column`.
  struct Entry {
    var row: Int
    var column: Int
    var value: Double
  }

  // One array per kind of item (not one per field), so that each addition is one append.
  /// Segments of variable j are `segments[segmentStart[j]..<segmentStart[j+1]]`.
  var segmentStart: [Int] = [0]
  var segments: [Segment] = []
  var rows: [Row] = []
  /// The coefficients in the order they were given.
  var entries: [Entry] = []

  public init() {}

  /// Makes room for `variables` variables, `rows` rows and `coefficients` coefficients, so
  /// that building the program does not reallocate.
  public mutating func reserveCapacity(variables: Int, rows: Int, coefficients: Int) {
    segmentStart.reserveCapacity(variables + 1)
    segments.reserveCapacity(variables)
    self.rows.reserveCapacity(rows)
    entries.reserveCapacity(coefficients)
  }

  /// Removes every variable, row and coefficient; with `keepingCapacity`, the storage stays
  /// for the next program built in it.
  public mutating func removeAll(keepingCapacity: Bool = false) {
    segmentStart.removeAll(keepingCapacity: keepingCapacity)
    segmentStart.append(0)
    segments.removeAll(keepingCapacity: keepingCapacity)
    rows.removeAll(keepingCapacity: keepingCapacity)
    entries.removeAll(keepingCapacity: keepingCapacity)
  }

  public var variableCount: Int { segmentStart.count - 1 }
  public var constraintCount: Int { rows.count }

  /// Adds a variable `0 ≤ x ≤ upper` with objective coefficient `cost`; returns its index.
  @discardableResult
  public mutating func addVariable(cost: Double, upper: Double = .infinity) -> Int {
    precondition(upper >= 0, "a variable's upper bound must be ≥ 0")
    segments.append(Segment(length: upper, cost: cost))
    segmentStart.append(segments.count)
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
      segments.count == segmentStart[segmentStart.count - 1] || cost >= segments[segments.count - 1].cost,
      "segment costs must not decrease (convexity)")
    segments.append(Segment(length: length, cost: cost))
  }

  /// Closes the variable whose segments ``appendSegment(length:cost:)`` gave; returns its index.
  /// - Precondition: at least one segment since the last variable.
  @discardableResult
  public mutating func endVariable() -> Int {
    precondition(segments.count > segmentStart[segmentStart.count - 1], "a variable needs at least one segment")
    segmentStart.append(segments.count)
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
    rows.append(Row(relation: relation, rhs: rhs, hint: hint))
    return rows.count - 1
  }

  /// Sets the right-hand side and basis hint of row `i`.
  public mutating func setRow(_ i: Int, rhs: Double, hint: BasisHint?) {
    rows[i].rhs = rhs
    rows[i].hint = hint
  }

  /// Sets the coefficient of `variable` in row `row`. Each pair may be given once.
  public mutating func addCoefficient(_ value: Double, row: Int, variable: Int) {
    entries.append(Entry(row: row, column: variable, value: value))
  }

  /// f_j(value): the cost of variable j at `value`.
  public func cost(of variable: Int, at value: Double) -> Double {
    var total = 0.0
    var start = 0.0
    for k in segmentStart[variable]..<segmentStart[variable + 1] {
      let used = min(max(value - start, 0), segments[k].length)
      total += used * segments[k].cost
      start += segments[k].length
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
