/// Options of the bounded primal simplex method.
public struct SimplexOptions: Sendable {
  /// Reduced costs above `-optimalityTolerance` are taken as non-negative.
  public var optimalityTolerance = 1e-9
  /// Constraint violations below this count as satisfied (in the units of the scaled rows).
  public var feasibilityTolerance = 1e-9
  /// Pivot elements smaller than this are not used.
  public var pivotTolerance = 1e-11
  public var maxIterations = 50_000
  /// The basis inverse is recomputed from scratch every this many pivots.
  public var reinversionInterval = 64
  public init() {}
}

extension LinearProgram {
  /// Solves the program with a two-phase bounded primal simplex method.
  ///
  /// Phase 1 minimises the sum of artificial variables, one per row; phase 2 minimises cᵀx
  /// from the feasible basis found. Non-basic variables sit at a bound (0 or uⱼ), so the
  /// upper bounds cost no rows. Pricing is Dantzig's largest reduced cost, switching to
  /// Bland's smallest-index rule after a run of degenerate pivots, which rules out cycling.
  /// The basis inverse is kept dense (the rows are few) and updated in product form.
  ///
  /// - Complexity: O(m² + nnz(A)) per pivot for m rows.
  public func solve(options: SimplexOptions = SimplexOptions()) -> LPSolution {
    var tableau = SimplexTableau(program: self)
    return tableau.run(options: options, userVariables: variableCount)
  }
}

/// The working state of the simplex method: columns in compressed sparse form (structural,
/// then slack, then artificial columns), the basis and its dense inverse.
struct SimplexTableau {
  let m: Int
  var n: Int
  var colStart: [Int] = [0]
  var rowIndex: [Int] = []
  var value: [Double] = []
  var cost: [Double]
  var upper: [Double]
  var b: [Double]
  var x: [Double]
  var basis: [Int]
  var isBasic: [Bool]
  var binv: [Double]
  let firstArtificial: Int

  init(program: LinearProgram) {
    m = program.rows.count
    // Column lists from the row lists.
    var columns = [[(Int, Double)]](repeating: [], count: program.variableCount)
    var rhs = [Double](repeating: 0, count: m)
    var sign = [Double](repeating: 1, count: m)
    for (i, row) in program.rows.enumerated() {
      // Scale each row to unit largest coefficient, and make the right-hand side ≥ 0.
      let scale = max(row.terms.reduce(0) { max($0, abs($1.1)) }, 1e-300)
      sign[i] = row.rhs < 0 ? -1 : 1
      rhs[i] = sign[i] * row.rhs / scale
      for (j, a) in row.terms where a != 0 { columns[j].append((i, sign[i] * a / scale)) }
    }
    cost = program.costs
    upper = program.upperBounds
    for (i, row) in program.rows.enumerated() where row.relation != .equal {
      // s ≥ 0 with a·x + s = b for ≤ and a·x − s = b for ≥ (then the row sign).
      let s = (row.relation == .lessOrEqual ? 1.0 : -1.0) * sign[i]
      columns.append([(i, s)])
      cost.append(0)
      upper.append(.infinity)
    }
    firstArtificial = columns.count
    for i in 0..<m {
      columns.append([(i, 1)])
      cost.append(0)
      upper.append(.infinity)
    }
    n = columns.count
    for col in columns {
      // Merge repeated row indices so each column lists a row once.
      var merged: [(Int, Double)] = []
      for (r, a) in col.sorted(by: { $0.0 < $1.0 }) {
        if let last = merged.last, last.0 == r { merged[merged.count - 1].1 += a } else { merged.append((r, a)) }
      }
      for (r, a) in merged {
        rowIndex.append(r)
        value.append(a)
      }
      colStart.append(rowIndex.count)
    }
    b = rhs
    x = [Double](repeating: 0, count: n)
    let first = firstArtificial
    basis = (0..<m).map { first + $0 }
    isBasic = [Bool](repeating: false, count: n)
    for j in basis { isBasic[j] = true }
    binv = [Double](repeating: 0, count: m * m)
    for i in 0..<m { binv[i * m + i] = 1 }
    for i in 0..<m { x[firstArtificial + i] = rhs[i] }
  }
}
