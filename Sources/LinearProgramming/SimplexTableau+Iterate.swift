extension SimplexTableau {
  enum Outcome { case optimal, unbounded, iterationLimit }

  mutating func run(options: SimplexOptions, program: LinearProgram) -> LPSolution {
    var iterations = 0
    // Phase 1 has nothing to do when the crash basis holds no artificial column: every
    // artificial is then non-basic at 0 and the phase-1 objective is already at its minimum.
    var crashHasArtificial = false
    for i in 0..<m where basis[i] >= firstArtificial { crashHasArtificial = true }
    var outcome: Outcome = crashHasArtificial ? iterate(options: options, iterations: &iterations) : .optimal
    var violation = 0.0
    for j in firstArtificial..<n { violation += max(x[j], 0) }
    func solution(_ status: LPSolution.Status) -> LPSolution {
      let values = (0..<program.variableCount).map { j in min(max(x[j], 0), segUpper[segStart[j + 1] - 1]) }
      let objective = values.indices.reduce(0.0) { $0 + program.cost(of: $1, at: values[$1]) }
      return LPSolution(status: status, values: values, objective: objective, iterations: iterations, pivots: pivots)
    }
    guard outcome != .iterationLimit else { return solution(.iterationLimit) }
    guard violation <= options.feasibilityTolerance * Double(max(m, 1)) else {
      return solution(.infeasible(violation: violation))
    }
    for j in firstArtificial..<n { segUpper[segStart[j]] = 0 }
    phaseOne = false
    for j in 0..<n { setMoveCosts(j) }
    outcome = iterate(options: options, iterations: &iterations)
    switch outcome {
    case .optimal: return solution(.optimal)
    case .unbounded: return solution(.unbounded)
    case .iterationLimit: return solution(.iterationLimit)
    }
  }

  /// The cost per unit of segment k of column j in the current phase.
  @inline(__always) func cost(_ k: Int, _ j: Int) -> Double {
    phaseOne ? (j >= firstArtificial ? 1 : 0) : segCost[k]
  }

  /// The segment a non-basic column moves in when it increases, if it can.
  @inline(__always) func upSegment(_ j: Int) -> Int? { atTop[j] ? nil : seg[j] }

  /// The segment a non-basic column moves in when it decreases, if it can.
  @inline(__always) func downSegment(_ j: Int) -> Int? {
    if atTop[j] { return seg[j] }
    return seg[j] > segStart[j] ? seg[j] - 1 : nil
  }

  /// The gain of moving non-basic column j (given yᵀA_j) and the direction, if it improves.
  func candidate(_ j: Int, ya: Double, tolerance: Double) -> Candidate? {
    if let s = upSegment(j), segUpper[s] > segLower[s] {
      let gain = ya - cost(s, j)
      if gain > tolerance { return Candidate(index: j, direction: 1, gain: gain) }
    }
    if let s = downSegment(j), segUpper[s] > segLower[s] {
      let gain = cost(s, j) - ya
      if gain > tolerance { return Candidate(index: j, direction: -1, gain: gain) }
    }
    return nil
  }

  /// Phase 2's ``upCost`` and ``downCost`` of column j where it sits: the costs of
  /// ``upSegment(_:)`` and ``downSegment(_:)`` when those have room, else ±∞.
  @inline(__always) func setMoveCosts(_ j: Int) {
    let s = seg[j]
    let top = atTop[j]
    upCost[j] = !top && segUpper[s] > segLower[s] ? segCost[s] : .infinity
    let down = top ? s : s &- 1
    downCost[j] = down >= segStart[j] && segUpper[down] > segLower[down] ? segCost[down] : -.infinity
  }

  /// Places column j at a breakpoint: the lower end of segment `s`, or its upper end.
  func park(_ j: Int, segment s: Int, atUpperEnd: Bool) {
    defer { if !phaseOne { setMoveCosts(j) } }
    if atUpperEnd {
      x[j] = segUpper[s]
      if s + 1 < segStart[j + 1] {
        seg[j] = s + 1
        atTop[j] = false
      } else {
        seg[j] = s
        atTop[j] = true
      }
    } else {
      x[j] = segLower[s]
      seg[j] = s
      atTop[j] = false
    }
  }

  /// Pivots until no non-basic column improves the objective of the current phase.
  mutating func iterate(options: SimplexOptions, iterations: inout Int) -> Outcome {
    var degenerateRun = 0
    var sinceReinversion = 0
    var basisChanged = true
    var candidates = CandidateHeap(storage: self.candidates)
    var bland = false
    while true {
      guard iterations < options.maxIterations else { return .iterationLimit }
      if basisChanged {
        // Duals change only with the basis, not when a non-basic column moves between
        // breakpoints, so the candidates priced after a pivot stay valid until the next one.
        computeDuals()
        bland = degenerateRun > 40
        candidates.removeAll(bland: bland)
        let tolerance = options.optimalityTolerance
        if phaseOne {
          for j in 0..<n where !isBasic[j] {
            var v = 0.0
            for k in colStart[j]..<colStart[j &+ 1] { v += y[rowIndex[k]] * value[k] }
            ya[j] = v
            if let c = candidate(j, ya: v, tolerance: tolerance) { candidates.appendUnordered(c) }
          }
        } else {
          // The hot spot of the method. The artificial columns are fixed at 0 and never enter,
          // so they are not priced; each column's move costs are read, not worked out from
          // its segments (``setMoveCosts(_:)``: the tests of `candidate(_:ya:tolerance:)`).
          for j in 0..<firstArtificial where !isBasic[j] {
            var v = 0.0
            for k in colStart[j]..<colStart[j &+ 1] { v += y[rowIndex[k]] * value[k] }
            ya[j] = v
            let up = v - upCost[j]
            if up > tolerance {
              candidates.appendUnordered(Candidate(index: j, direction: 1, gain: up))
              continue
            }
            let down = downCost[j] - v
            if down > tolerance { candidates.appendUnordered(Candidate(index: j, direction: -1, gain: down)) }
          }
        }
        candidates.heapify()
        basisChanged = false
      }
      guard let (entering, direction) = candidates.popBest() else { return .optimal }
      guard let s = direction > 0 ? upSegment(entering) : downSegment(entering) else { continue }
      computeColumn(entering)
      let room = segUpper[s] - segLower[s]
      let (theta, leave, leaveToUpper) = ratioTest(room: room, direction: direction, options: options, bland: bland)
      guard theta.isFinite else { return .unbounded }
      for i in 0..<m { x[basis[i]] -= theta * direction * alpha[i] }
      degenerateRun = theta < 1e-12 ? degenerateRun + 1 : 0
      iterations += 1
      guard leave >= 0 else {
        // The entering column reaches the next breakpoint: no pivot; it may go on.
        park(entering, segment: s, atUpperEnd: direction > 0)
        if let c = candidate(entering, ya: ya[entering], tolerance: options.optimalityTolerance) { candidates.push(c) }
        continue
      }
      x[entering] += direction * theta
      seg[entering] = s
      atTop[entering] = false
      let leaving = basis[leave]
      park(leaving, segment: seg[leaving], atUpperEnd: leaveToUpper)
      pivot(row: leave)
      pivots += 1
      basisChanged = true
      basis[leave] = entering
      isBasic[leaving] = false
      isBasic[entering] = true
      sinceReinversion += 1
      if sinceReinversion >= options.reinversionInterval {
        reinvert()
        sinceReinversion = 0
      }
    }
  }

  /// y = c_Bᵀ B⁻¹, each basic column priced at its current segment.
  func computeDuals() {
    for k in 0..<m { y[k] = 0 }
    for i in 0..<m {
      let j = basis[i]
      let ci = cost(seg[j], j)
      if ci == 0 { continue }
      let base = i &* m
      for k in 0..<m { y[k] += ci * binv[base &+ k] }
    }
  }

  /// α = B⁻¹ A_j.
  func computeColumn(_ j: Int) {
    for i in 0..<m { alpha[i] = 0 }
    for k in colStart[j]..<colStart[j &+ 1] {
      let r = rowIndex[k]
      let a = value[k]
      for i in 0..<m { alpha[i] += binv[i &* m &+ r] * a }
    }
  }

  /// The step length, the leaving row (−1 when the entering column reaches its next
  /// breakpoint first) and whether the leaving column ends at the upper end of its segment.
  /// A basic column may move only within its segment. Among ties the larger pivot wins (or,
  /// under Bland's rule, the smaller column index).
  func ratioTest(
    room: Double, direction: Double, options: SimplexOptions, bland: Bool
  ) -> (Double, Int, Bool) {
    var theta = room
    var leave = -1
    var toUpper = false
    let tieTolerance = 1e-12
    for i in 0..<m {
      let a = direction * alpha[i]
      let j = basis[i]
      let s = seg[j]
      let t: Double
      if a > options.pivotTolerance {
        t = max(x[j] - segLower[s], 0) / a
      } else if a < -options.pivotTolerance, segUpper[s].isFinite {
        t = max(segUpper[s] - x[j], 0) / -a
      } else {
        continue
      }
      let better: Bool
      if t < theta - tieTolerance {
        better = true
      } else if t <= theta + tieTolerance, leave >= 0 {
        better = bland ? j < basis[leave] : abs(alpha[i]) > abs(alpha[leave])
      } else {
        better = t <= theta + tieTolerance && leave < 0 && !theta.isFinite
      }
      if better {
        theta = t
        leave = i
        toUpper = a < 0
      }
    }
    return (theta, leave, toUpper)
  }

  /// Product-form update of B⁻¹ for the pivot on row r.
  func pivot(row r: Int) {
    let p = alpha[r]
    let base = r &* m
    for k in 0..<m { binv[base &+ k] /= p }
    for i in 0..<m where i != r {
      let f = alpha[i]
      if f == 0 { continue }
      let bi = i &* m
      for k in 0..<m { binv[bi &+ k] -= f * binv[base &+ k] }
    }
  }

  /// Recomputes B⁻¹ by Gauss–Jordan elimination with partial pivoting, and the basic values
  /// from x_B = B⁻¹ (b − Σ_{non-basic} A_j x_j). Keeps the old inverse if the basis
  /// is numerically singular (and then returns false).
  ///
  /// A diagonal basis (each basic column's one coefficient in its own row: slacks and the
  /// planner's crash columns) is inverted directly, to the same numbers elimination gives.
  @discardableResult
  func reinvert() -> Bool {
    var diagonal = true
    for i in 0..<m {
      let j = basis[i]
      if colStart[j + 1] - colStart[j] != 1 || rowIndex[colStart[j]] != i || abs(value[colStart[j]]) <= 1e-13 {
        diagonal = false
        break
      }
    }
    if diagonal {
      binv.update(repeating: 0, count: m * m)
      for i in 0..<m { binv[i * m + i] = 1 / value[colStart[basis[i]]] }
      basicValues()
      return true
    }
    let a = matrix
    let inv = inverse
    a.update(repeating: 0, count: m * m)
    inv.update(repeating: 0, count: m * m)
    for i in 0..<m {
      let j = basis[i]
      for k in colStart[j]..<colStart[j + 1] { a[rowIndex[k] * m + i] = value[k] }
    }
    for i in 0..<m { inv[i * m + i] = 1 }
    for col in 0..<m {
      var pivotRow = col
      for r in col..<m where abs(a[r * m + col]) > abs(a[pivotRow * m + col]) { pivotRow = r }
      let p = a[pivotRow * m + col]
      guard abs(p) > 1e-13 else { return false }
      if pivotRow != col {
        for k in 0..<m {
          swap(&a[pivotRow * m + k], &a[col * m + k])
          swap(&inv[pivotRow * m + k], &inv[col * m + k])
        }
      }
      for k in 0..<m {
        a[col * m + k] /= p
        inv[col * m + k] /= p
      }
      for r in 0..<m where r != col {
        let f = a[r * m + col]
        if f == 0 { continue }
        for k in 0..<m {
          a[r * m + k] -= f * a[col * m + k]
          inv[r * m + k] -= f * inv[col * m + k]
        }
      }
    }
    binv.update(from: inv, count: m * m)
    basicValues()
    return true
  }

  /// x_B = B⁻¹ (b − Σ_{non-basic} A_j x_j).
  func basicValues() {
    residual.update(from: b, count: m)
    for j in 0..<n where !isBasic[j] && x[j] != 0 {
      for k in colStart[j]..<colStart[j + 1] { residual[rowIndex[k]] -= value[k] * x[j] }
    }
    for i in 0..<m {
      var v = 0.0
      for k in 0..<m { v += binv[i * m + k] * residual[k] }
      x[basis[i]] = v
    }
  }
}

/// The improving columns of one basis, best first: by Dantzig's gain (ties to the smaller
/// index), or by the index alone under Bland's rule. Its items live in workspace memory with
/// room for every column and one more.
///
/// A few candidates (at most ``linearLimit``, the common case) are kept unordered and the best
/// is found by a scan, which has fewer unpredictable branches than a heap; more are kept in a
/// binary heap, built in O(k) after each pivot, from which each bound flip takes the next best
/// in O(log k) (flips change no dual). Both give the same order.
struct CandidateHeap {
  private let items: UnsafeMutablePointer<Candidate>
  private var count = 0
  private var bland = false
  /// Whether the items are in heap order (else unordered, searched by scanning).
  private var isHeap = false
  /// Up to this many candidates, scan instead of keeping a heap (chosen, not tuned: both
  /// ways pick the same candidate).
  static let linearLimit = 32

  /// An empty heap in the given storage.
  init(storage: UnsafeMutablePointer<Candidate>) { items = storage }

  /// Empties the heap and sets the rule for the next basis.
  mutating func removeAll(bland: Bool) {
    count = 0
    isHeap = false
    self.bland = bland
  }

  /// Adds a candidate without restoring the heap order; call ``heapify()`` after the last.
  mutating func appendUnordered(_ item: Candidate) {
    items[count] = item
    count += 1
  }

  /// Restores the heap order in O(k) when there are too many candidates to scan.
  mutating func heapify() {
    guard count > Self.linearLimit else { return }
    isHeap = true
    for i in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(i) }
  }

  private func before(_ a: Int, _ b: Int) -> Bool {
    let x = items[a]
    let y = items[b]
    if bland { return x.index < y.index }
    return x.gain > y.gain || (x.gain == y.gain && x.index < y.index)
  }

  private func swapItems(_ a: Int, _ b: Int) {
    let t = items[a]
    items[a] = items[b]
    items[b] = t
  }

  private func siftDown(_ start: Int) {
    var i = start
    while true {
      let l = 2 &* i &+ 1
      let r = l &+ 1
      var top = i
      if l < count && before(l, top) { top = l }
      if r < count && before(r, top) { top = r }
      if top == i { return }
      swapItems(i, top)
      i = top
    }
  }

  mutating func push(_ item: Candidate) {
    items[count] = item
    count += 1
    guard isHeap else {
      heapify()
      return
    }
    var i = count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard before(i, parent) else { return }
      swapItems(i, parent)
      i = parent
    }
  }

  mutating func popBest() -> (Int, Double)? {
    guard count > 0 else { return nil }
    if !isHeap {
      var best = 0
      for i in 1..<count where before(i, best) { best = i }
      let first = items[best]
      count -= 1
      items[best] = items[count]
      return (first.index, first.direction)
    }
    let first = items[0]
    count -= 1
    if count > 0 {
      items[0] = items[count]
      siftDown(0)
    }
    return (first.index, first.direction)
  }
}
