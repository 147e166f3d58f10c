/// Options of the bounded primal simplex method.
public struct SimplexOptions: Sendable {
  /// Reduced costs above `-optimalityTolerance` are taken as non-negative.
  public var optimalityTolerance = 1e-9
  /// Constraint violations below this count as satisfied (in the units of the scaled rows).
  public var feasibilityTolerance = 1e-9
  /// Pivot elements smaller than this are not used.
  public var pivotTolerance = 1e-11
  public var maxIterations = 100_000
  /// The basis inverse is recomputed from scratch every this many pivots.
  public var reinversionInterval = 64
  public init() {}
}

extension LinearProgram {
  /// Solves the program with a two-phase bounded primal simplex method.
  ///
  /// Phase 1 minimises the sum of artificial variables, one per row without a usable basis
  /// hint; phase 2 minimises the objective from the feasible basis found. Non-basic variables
  /// sit at a breakpoint of their piecewise cost (0, a segment end or the upper bound), so
  /// bounds and segments cost no rows: moving a non-basic variable to its next breakpoint
  /// changes no dual and takes no pivot. Pricing is Dantzig's largest reduced cost, switching
  /// to Bland's smallest-index rule after a run of degenerate pivots, which rules out
  /// cycling. The basis inverse is dense (the rows are few) and updated in product form.
  ///
  /// - Complexity: O(m² + nnz(A)) per pivot for m rows; O(m·nnz(column) + log n) per move
  ///   between breakpoints.
  public func solve(options: SimplexOptions = SimplexOptions()) -> LPSolution {
    var tableau = SimplexTableau(program: self)
    return tableau.run(options: options, program: self)
  }
}

/// The working state of the simplex method: columns in compressed sparse form (structural,
/// then slack, then artificial columns), their cost segments, the basis and its inverse.
struct SimplexTableau {
  let m: Int
  let n: Int
  var colStart: [Int] = [0]
  var rowIndex: [Int] = []
  var value: [Double] = []
  /// Segments of column j: `segStart[j]..<segStart[j+1]`, each [segLower, segUpper] at segCost.
  var segStart: [Int] = [0]
  var segLower: [Double] = []
  var segUpper: [Double] = []
  var segCost: [Double] = []
  /// The segment a basic column is in; for a non-basic column the segment whose lower end it
  /// sits at, or (with `atTop`) the last segment, at whose upper end it sits.
  var seg: [Int] = []
  var atTop: [Bool] = []
  var b: [Double]
  var x: [Double]
  var basis: [Int]
  var isBasic: [Bool]
  var binv: [Double]
  let firstArtificial: Int
  /// Phase 1 prices only the artificial columns (cost 1 each).
  var phaseOne = true
  /// Basis changes so far (iterations less moves between breakpoints).
  var pivots = 0

  init(program: LinearProgram) {
    m = program.constraintCount
    let structural = program.variableCount
    let relations = program.relations
    var slackCount = 0
    for r in relations where r != .equal { slackCount += 1 }
    n = structural + slackCount + m
    firstArtificial = structural + slackCount
    let entries = program.entryValue.count
    // Scale each row to unit largest coefficient and make its right-hand side ≥ 0.
    var largest = [Double](repeating: 0, count: m)
    var rowCounts = [Int](repeating: 0, count: m + 1)
    var counts = [Int](repeating: 0, count: n + 1)
    for e in 0..<entries where program.entryValue[e] != 0 {
      let i = program.entryRow[e]
      largest[i] = max(largest[i], abs(program.entryValue[e]))
      rowCounts[i + 1] += 1
      counts[program.entryColumn[e] + 1] += 1
    }
    var rhs = [Double](repeating: 0, count: m)
    var factor = [Double](repeating: 1, count: m)
    for i in 0..<m {
      let sign: Double = program.rightHandSides[i] < 0 ? -1 : 1
      factor[i] = sign / max(largest[i], 1e-300)
      rhs[i] = program.rightHandSides[i] * factor[i]
    }
    // The coefficients in row order (stably, so each row keeps the order they were given in).
    for i in 0..<m { rowCounts[i + 1] += rowCounts[i] }
    let byRow = rowCounts[m]
    var rowOrder = [Int](repeating: 0, count: byRow)
    for e in 0..<entries where program.entryValue[e] != 0 {
      let i = program.entryRow[e]
      rowOrder[rowCounts[i]] = e
      rowCounts[i] += 1
    }
    // Slack columns (s ≥ 0: a·x + s = b for ≤, a·x − s = b for ≥) and artificial columns.
    var slackOfRow = [Int](repeating: -1, count: m)
    var next = structural
    for i in 0..<m where relations[i] != .equal {
      slackOfRow[i] = next
      counts[next + 1] = 1
      next += 1
    }
    for i in 0..<m { counts[firstArtificial + i + 1] = 1 }
    for j in 0..<n { counts[j + 1] += counts[j] }
    colStart = counts
    var fill = counts
    rowIndex = [Int](repeating: 0, count: counts[n])
    value = [Double](repeating: 0, count: counts[n])
    // Rows are visited in order, so each column lists its rows in increasing order.
    var k = 0
    for i in 0..<m {
      while k < byRow && program.entryRow[rowOrder[k]] == i {
        let e = rowOrder[k]
        let j = program.entryColumn[e]
        rowIndex[fill[j]] = i
        value[fill[j]] = program.entryValue[e] * factor[i]
        fill[j] += 1
        k += 1
      }
      if slackOfRow[i] >= 0 {
        let j = slackOfRow[i]
        rowIndex[fill[j]] = i
        value[fill[j]] = (relations[i] == .lessOrEqual ? 1.0 : -1.0) * (factor[i] < 0 ? -1 : 1)
        fill[j] += 1
      }
      let art = firstArtificial + i
      rowIndex[fill[art]] = i
      value[fill[art]] = 1
      fill[art] += 1
    }
    let segmentCount = program.segmentLengths.count + (n - structural)
    segLower.reserveCapacity(segmentCount)
    segUpper.reserveCapacity(segmentCount)
    segCost.reserveCapacity(segmentCount)
    segStart.reserveCapacity(n + 1)
    for j in 0..<structural {
      var lower = 0.0
      for k in program.segmentStart[j]..<program.segmentStart[j + 1] {
        segLower.append(lower)
        lower += program.segmentLengths[k]
        segUpper.append(lower)
        segCost.append(program.segmentCosts[k])
      }
      segStart.append(segLower.count)
    }
    for _ in structural..<n {
      segLower.append(0)
      segUpper.append(.infinity)
      segCost.append(0)
      segStart.append(segLower.count)
    }
    seg = Array(segStart.dropLast())
    atTop = [Bool](repeating: false, count: n)
    b = rhs
    x = [Double](repeating: 0, count: n)
    let first = firstArtificial
    basis = (0..<m).map { first + $0 }
    isBasic = [Bool](repeating: false, count: n)
    for j in basis { isBasic[j] = true }
    binv = [Double](repeating: 0, count: m * m)
    for i in 0..<m { binv[i * m + i] = 1 }
    for i in 0..<m { x[firstArtificial + i] = rhs[i] }
    applyHints(program, slackOfRow: slackOfRow)
  }

  /// Starts from the hinted columns where that gives a feasible basis (a crash basis);
  /// otherwise keeps the all-artificial start. Hinted columns start in their first segment.
  mutating func applyHints(_ program: LinearProgram, slackOfRow: [Int]) {
    var hinted = false
    for i in 0..<m {
      let column: Int?
      switch program.hints[i] {
      case .variable(let j)?: column = j
      case .slack?: column = slackOfRow[i] >= 0 ? slackOfRow[i] : nil
      case nil: column = nil
      }
      guard let j = column, !isBasic[j] else { continue }
      isBasic[basis[i]] = false
      x[basis[i]] = 0
      basis[i] = j
      isBasic[j] = true
      hinted = true
    }
    guard hinted else { return }
    let feasible = reinvert() && (0..<m).allSatisfy { i in
      let j = basis[i]
      let v = x[j]
      return v.isFinite && v >= segLower[seg[j]] - 1e-9 && v <= segUpper[seg[j]] + 1e-9
    }
    if feasible {
      for i in 0..<m {
        let j = basis[i]
        x[j] = min(max(x[j], segLower[seg[j]]), segUpper[seg[j]])
      }
      return
    }
    // Back to the all-artificial start.
    for i in 0..<m { isBasic[basis[i]] = false }
    x = [Double](repeating: 0, count: n)
    binv = [Double](repeating: 0, count: m * m)
    for i in 0..<m {
      basis[i] = firstArtificial + i
      isBasic[firstArtificial + i] = true
      binv[i * m + i] = 1
      x[firstArtificial + i] = b[i]
    }
  }
}
