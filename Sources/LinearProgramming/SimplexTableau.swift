/// The working state of the simplex method: columns in compressed sparse form (structural,
/// then slack, then artificial columns), their cost segments, the basis and its inverse.
///
/// Every array lives in the memory of a ``SimplexWorkspace`` and is reached through a pointer
/// (the tableau keeps its workspace alive). Column j's rows are
/// `rowIndex[colStart[j]..<colStart[j+1]]`, in increasing order.
struct SimplexTableau {
  let m: Int
  let n: Int
  let colStart: UnsafeMutablePointer<Int>
  let rowIndex: UnsafeMutablePointer<Int>
  let value: UnsafeMutablePointer<Double>
  /// Segments of column j: `segStart[j]..<segStart[j+1]`, each [segLower, segUpper] at segCost.
  let segStart: UnsafeMutablePointer<Int>
  let segLower: UnsafeMutablePointer<Double>
  let segUpper: UnsafeMutablePointer<Double>
  let segCost: UnsafeMutablePointer<Double>
  /// The segment a basic column is in; for a non-basic column the segment whose lower end it
  /// sits at, or (with `atTop`) the last segment, at whose upper end it sits.
  let seg: UnsafeMutablePointer<Int>
  let atTop: UnsafeMutablePointer<Bool>
  /// The scaled right-hand sides (m).
  let b: UnsafeMutablePointer<Double>
  /// The value of every column (n).
  let x: UnsafeMutablePointer<Double>
  /// The basic column of each row (m).
  let basis: UnsafeMutablePointer<Int>
  let isBasic: UnsafeMutablePointer<Bool>
  /// B⁻¹, dense, row-major (m × m).
  let binv: UnsafeMutablePointer<Double>
  // Scratch: reinversion (matrix, inverse: m × m; residual: m), pricing (y, alpha: m; ya: n)
  // and the candidate heap (n + 1).
  let matrix: UnsafeMutablePointer<Double>
  let inverse: UnsafeMutablePointer<Double>
  let residual: UnsafeMutablePointer<Double>
  let y: UnsafeMutablePointer<Double>
  let alpha: UnsafeMutablePointer<Double>
  let ya: UnsafeMutablePointer<Double>
  /// Phase 2: the cost per unit of moving non-basic column j up from where it sits (+∞ when
  /// it cannot) and of moving it down (−∞ when it cannot); kept by ``park(_:segment:atUpperEnd:)``
  /// so that pricing reads two numbers per column instead of walking its segments.
  let upCost: UnsafeMutablePointer<Double>
  let downCost: UnsafeMutablePointer<Double>
  let candidates: UnsafeMutablePointer<Candidate>
  let firstArtificial: Int
  /// Phase 1 prices only the artificial columns (cost 1 each).
  var phaseOne = true
  /// Basis changes so far (iterations less moves between breakpoints).
  var pivots = 0
  /// Owns the memory behind every pointer above.
  let workspace: SimplexWorkspace

  init(program: LinearProgram, workspace ws: SimplexWorkspace) {
    workspace = ws
    let m = program.constraintCount
    self.m = m
    let structural = program.variableCount
    let rows = program.rows
    var slackCount = 0
    for r in rows where r.relation != .equal { slackCount += 1 }
    let n = structural + slackCount + m
    let firstArtificial = structural + slackCount
    self.n = n
    self.firstArtificial = firstArtificial
    let entries = program.entries.count
    // Scale each row to unit largest coefficient and make its right-hand side ≥ 0.
    // `factor` first holds each row's largest coefficient, then the factor itself.
    let factor = ws.factor.claim(m, fill: 0.0)
    let rowCounts = ws.rowCounts.claim(m + 1, fill: 0)
    let counts = ws.colStart.claim(n + 1, fill: 0)
    program.entries.withUnsafeBufferPointer { entry in
      for e in 0..<entries where entry[e].value != 0 {
        let i = entry[e].row
        factor[i] = max(factor[i], abs(entry[e].value))
        rowCounts[i + 1] += 1
        counts[entry[e].column + 1] += 1
      }
    }
    let rhs = ws.b.claim(m)
    for i in 0..<m {
      let sign: Double = rows[i].rhs < 0 ? -1 : 1
      factor[i] = sign / max(factor[i], 1e-300)
      rhs[i] = rows[i].rhs * factor[i]
    }
    // The coefficients in row order (stably, so each row keeps the order they were given in).
    for i in 0..<m { rowCounts[i + 1] += rowCounts[i] }
    let byRow = rowCounts[m]
    let rowOrder = ws.rowOrder.claim(byRow)
    program.entries.withUnsafeBufferPointer { entry in
      for e in 0..<entries where entry[e].value != 0 {
        let i = entry[e].row
        rowOrder[rowCounts[i]] = e
        rowCounts[i] += 1
      }
    }
    // Slack columns (s ≥ 0: a·x + s = b for ≤, a·x − s = b for ≥) and artificial columns.
    let slackOfRow = ws.slackOfRow.claim(m, fill: -1)
    var next = structural
    for i in 0..<m where rows[i].relation != .equal {
      slackOfRow[i] = next
      counts[next + 1] = 1
      next += 1
    }
    for i in 0..<m { counts[firstArtificial + i + 1] = 1 }
    for j in 0..<n { counts[j + 1] += counts[j] }
    let fill = ws.fill.claim(n + 1)
    fill.update(from: counts, count: n + 1)
    colStart = counts
    let rowIndex = ws.rowIndex.claim(counts[n])
    let value = ws.value.claim(counts[n])
    self.rowIndex = rowIndex
    self.value = value
    // Rows are visited in order, so each column lists its rows in increasing order.
    var k = 0
    program.entries.withUnsafeBufferPointer { entry in
      for i in 0..<m {
        while k < byRow && entry[rowOrder[k]].row == i {
          let e = rowOrder[k]
          let j = entry[e].column
          rowIndex[fill[j]] = i
          value[fill[j]] = entry[e].value * factor[i]
          fill[j] += 1
          k += 1
        }
        if slackOfRow[i] >= 0 {
          let j = slackOfRow[i]
          rowIndex[fill[j]] = i
          value[fill[j]] = (rows[i].relation == .lessOrEqual ? 1.0 : -1.0) * (factor[i] < 0 ? -1 : 1)
          fill[j] += 1
        }
        let art = firstArtificial + i
        rowIndex[fill[art]] = i
        value[fill[art]] = 1
        fill[art] += 1
      }
    }
    let segmentCount = program.segments.count + (n - structural)
    segLower = ws.segLower.claim(segmentCount)
    segUpper = ws.segUpper.claim(segmentCount)
    segCost = ws.segCost.claim(segmentCount)
    segStart = ws.segStart.claim(n + 1)
    segStart[0] = 0
    var count = 0
    for j in 0..<structural {
      var lower = 0.0
      for k in program.segmentStart[j]..<program.segmentStart[j + 1] {
        segLower[count] = lower
        lower += program.segments[k].length
        segUpper[count] = lower
        segCost[count] = program.segments[k].cost
        count += 1
      }
      segStart[j + 1] = count
    }
    for j in structural..<n {
      segLower[count] = 0
      segUpper[count] = .infinity
      segCost[count] = 0
      count += 1
      segStart[j + 1] = count
    }
    seg = ws.seg.claim(n)
    seg.update(from: segStart, count: n)
    atTop = ws.atTop.claim(n, fill: false)
    b = rhs
    x = ws.x.claim(n, fill: 0.0)
    basis = ws.basis.claim(m)
    isBasic = ws.isBasic.claim(n, fill: false)
    binv = ws.binv.claim(m * m, fill: 0.0)
    for i in 0..<m {
      basis[i] = firstArtificial + i
      isBasic[firstArtificial + i] = true
      binv[i * m + i] = 1
      x[firstArtificial + i] = rhs[i]
    }
    matrix = ws.matrix.claim(m * m)
    inverse = ws.inverse.claim(m * m)
    residual = ws.residual.claim(m)
    y = ws.y.claim(m, fill: 0.0)
    alpha = ws.alpha.claim(m, fill: 0.0)
    ya = ws.ya.claim(n, fill: 0.0)
    upCost = ws.upCost.claim(n)
    downCost = ws.downCost.claim(n)
    candidates = ws.candidates.claim(n + 1)
    applyHints(program, slackOfRow: slackOfRow)
  }

  /// Starts from the hinted columns where that gives a feasible basis (a crash basis);
  /// otherwise keeps the all-artificial start. Hinted columns start in their first segment.
  mutating func applyHints(_ program: LinearProgram, slackOfRow: UnsafeMutablePointer<Int>) {
    var hinted = false
    for i in 0..<m {
      let column: Int?
      switch program.rows[i].hint {
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
    var feasible = reinvert()
    if feasible {
      for i in 0..<m {
        let j = basis[i]
        let v = x[j]
        if !(v.isFinite && v >= segLower[seg[j]] - 1e-9 && v <= segUpper[seg[j]] + 1e-9) {
          feasible = false
          break
        }
      }
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
