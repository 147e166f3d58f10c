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
    solve(options: options, workspace: SimplexWorkspace())
  }

  /// ``solve(options:)`` in the storage of `workspace`, reused from earlier solves (one
  /// workspace per thread). The solution is the same.
  public func solve(options: SimplexOptions = SimplexOptions(), workspace: SimplexWorkspace) -> LPSolution {
    var tableau = SimplexTableau(program: self, workspace: workspace)
    let solution = tableau.run(options: options, program: self)
    tableau.recycle()
    return solution
  }
}

/// The working state of the simplex method: columns in compressed sparse form (structural,
/// then slack, then artificial columns), their cost segments, the basis and its inverse.
struct SimplexTableau {
  let m: Int
  let n: Int
  var colStart: [Int]
  var rowIndex: [Int]
  var value: [Double]
  /// Segments of column j: `segStart[j]..<segStart[j+1]`, each [segLower, segUpper] at segCost.
  var segStart: [Int]
  var segLower: [Double]
  var segUpper: [Double]
  var segCost: [Double]
  /// The segment a basic column is in; for a non-basic column the segment whose lower end it
  /// sits at, or (with `atTop`) the last segment, at whose upper end it sits.
  var seg: [Int]
  var atTop: [Bool]
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
  /// Where the arrays come from and go back to.
  let workspace: SimplexWorkspace

  init(program: LinearProgram, workspace ws: SimplexWorkspace) {
    workspace = ws
    m = program.constraintCount
    let structural = program.variableCount
    let relations = program.relations
    var slackCount = 0
    for r in relations where r != .equal { slackCount += 1 }
    n = structural + slackCount + m
    firstArtificial = structural + slackCount
    let entries = program.entryValue.count
    // Scale each row to unit largest coefficient and make its right-hand side ≥ 0.
    // `factor` first holds each row's largest coefficient, then the factor itself.
    var factor = reuse(&ws.factor, count: m, fill: 0.0)
    var rowCounts = reuse(&ws.rowCounts, count: m + 1, fill: 0)
    var counts = reuse(&ws.colStart, count: n + 1, fill: 0)
    for e in 0..<entries where program.entryValue[e] != 0 {
      let i = program.entryRow[e]
      factor[i] = max(factor[i], abs(program.entryValue[e]))
      rowCounts[i + 1] += 1
      counts[program.entryColumn[e] + 1] += 1
    }
    var rhs = reuse(&ws.b, count: m, fill: 0.0)
    for i in 0..<m {
      let sign: Double = program.rightHandSides[i] < 0 ? -1 : 1
      factor[i] = sign / max(factor[i], 1e-300)
      rhs[i] = program.rightHandSides[i] * factor[i]
    }
    // The coefficients in row order (stably, so each row keeps the order they were given in).
    for i in 0..<m { rowCounts[i + 1] += rowCounts[i] }
    let byRow = rowCounts[m]
    var rowOrder = reuse(&ws.rowOrder, count: byRow, fill: 0)
    for e in 0..<entries where program.entryValue[e] != 0 {
      let i = program.entryRow[e]
      rowOrder[rowCounts[i]] = e
      rowCounts[i] += 1
    }
    // Slack columns (s ≥ 0: a·x + s = b for ≤, a·x − s = b for ≥) and artificial columns.
    var slackOfRow = reuse(&ws.slackOfRow, count: m, fill: -1)
    var next = structural
    for i in 0..<m where relations[i] != .equal {
      slackOfRow[i] = next
      counts[next + 1] = 1
      next += 1
    }
    for i in 0..<m { counts[firstArtificial + i + 1] = 1 }
    for j in 0..<n { counts[j + 1] += counts[j] }
    var fill = reuse(&ws.fill, capacity: n + 1)
    fill.append(contentsOf: counts)
    colStart = counts
    rowIndex = reuse(&ws.rowIndex, count: counts[n], fill: 0)
    value = reuse(&ws.value, count: counts[n], fill: 0.0)
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
    segLower = reuse(&ws.segLower, capacity: segmentCount)
    segUpper = reuse(&ws.segUpper, capacity: segmentCount)
    segCost = reuse(&ws.segCost, capacity: segmentCount)
    segStart = reuse(&ws.segStart, capacity: n + 1)
    segStart.append(0)
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
    seg = reuse(&ws.seg, capacity: n)
    seg.append(contentsOf: segStart[0..<n])
    atTop = reuse(&ws.atTop, count: n, fill: false)
    b = rhs
    x = reuse(&ws.x, count: n, fill: 0.0)
    basis = reuse(&ws.basis, capacity: m)
    for i in 0..<m { basis.append(firstArtificial + i) }
    isBasic = reuse(&ws.isBasic, count: n, fill: false)
    for j in basis { isBasic[j] = true }
    binv = reuse(&ws.binv, count: m * m, fill: 0.0)
    for i in 0..<m { binv[i * m + i] = 1 }
    for i in 0..<m { x[firstArtificial + i] = rhs[i] }
    applyHints(program, slackOfRow: slackOfRow)
    ws.factor = factor
    ws.rowCounts = rowCounts
    ws.rowOrder = rowOrder
    ws.slackOfRow = slackOfRow
    ws.fill = fill
  }

  /// Gives the tableau's arrays back to its workspace, for the next solve.
  mutating func recycle() {
    let ws = workspace
    swap(&ws.colStart, &colStart)
    swap(&ws.rowIndex, &rowIndex)
    swap(&ws.value, &value)
    swap(&ws.segStart, &segStart)
    swap(&ws.segLower, &segLower)
    swap(&ws.segUpper, &segUpper)
    swap(&ws.segCost, &segCost)
    swap(&ws.seg, &seg)
    swap(&ws.atTop, &atTop)
    swap(&ws.b, &b)
    swap(&ws.x, &x)
    swap(&ws.basis, &basis)
    swap(&ws.isBasic, &isBasic)
    swap(&ws.binv, &binv)
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
    for j in 0..<n { x[j] = 0 }
    for k in 0..<(m * m) { binv[k] = 0 }
    for i in 0..<m {
      basis[i] = firstArtificial + i
      isBasic[firstArtificial + i] = true
      binv[i * m + i] = 1
      x[firstArtificial + i] = b[i]
    }
  }
}
