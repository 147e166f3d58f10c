import BallastCore
import QuadraticProgramming
import Testing

/// Seeded random portfolio-like QPs: P = BBᵀ + D, a budget row, bounds, an extra inequality.
enum RandomQP {
  static func make(n: Int, seed: UInt64, upper: Double = 1, withRow: Bool = true) -> QuadraticProgram {
    var rng = SeededGenerator(seed: seed)
    let factors = 3
    var B = [Double](repeating: 0, count: n * factors)
    for i in 0..<(n * factors) { B[i] = rng.unit() * 0.4 - 0.2 }
    var qp = QuadraticProgram(variableCount: n)
    for i in 0..<n {
      for j in 0..<n {
        var s = 0.0
        for k in 0..<factors { s += B[i * factors + k] * B[j * factors + k] }
        qp.P[i * n + j] = s
      }
      qp.P[i * n + i] += 0.01 + 0.04 * rng.unit()
    }
    qp.q = (0..<n).map { _ in -0.2 * rng.unit() }
    qp.lower = [Double](repeating: 0, count: n)
    qp.upper = [Double](repeating: upper, count: n)
    qp.addEquality([Double](repeating: 1, count: n), equals: 1, name: "budget")
    if withRow {
      var row = [Double](repeating: 0, count: n)
      for i in 0..<(n / 2) { row[i] = 1 }
      qp.addInequality(row, atMost: 0.3, name: "group")
    }
    return qp
  }
}

@Suite struct RandomQPTests {
  @Test(arguments: 0..<40)
  func kktHoldsAndObjectiveMatchesX(seed: Int) {
    let n = [5, 12, 30, 60][seed % 4]
    let qp = RandomQP.make(n: n, seed: UInt64(seed), upper: seed % 3 == 0 && n >= 12 ? 0.15 : 1)
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .optimal)
    #expect(s.residuals.maximum < 1e-10, "KKT \(s.residuals)")
    let recomputed = qp.objective(at: s.x)
    #expect(abs(recomputed - s.objective) <= 1e-12 * max(1, abs(recomputed)))
  }

  @Test(arguments: 0..<20)
  func warmStartFromAnotherFeasiblePointReachesTheSameMinimiser(seed: Int) {
    let n = 25
    let qp = RandomQP.make(n: n, seed: 1000 + UInt64(seed))
    let cold = ActiveSetSolver().solve(qp)
    // equal weights on the second half satisfy the budget and the group row
    var start = [Double](repeating: 0, count: n)
    for i in (n / 2)..<n { start[i] = 1 / Double(n - n / 2) }
    let warm = ActiveSetSolver().solve(qp, warmStart: WarmStart(x: start))
    #expect(warm.status == .optimal && warm.phaseOnePivots == 0)
    for i in 0..<n { #expect(abs(warm.x[i] - cold.x[i]) < 1e-10) }
  }

  @Test(arguments: 0..<10)
  func permutingVariablesPermutesTheSolution(seed: Int) {
    let n = 20
    let qp = RandomQP.make(n: n, seed: 2000 + UInt64(seed), withRow: false)
    var rng = SeededGenerator(seed: UInt64(seed))
    let perm = Array(0..<n).shuffled(using: &rng)
    var pq = QuadraticProgram(variableCount: n)
    for i in 0..<n {
      for j in 0..<n { pq.P[i * n + j] = qp.P[perm[i] * n + perm[j]] }
      pq.q[i] = qp.q[perm[i]]
    }
    pq.lower = [Double](repeating: 0, count: n)
    pq.upper = [Double](repeating: 1, count: n)
    pq.addEquality([Double](repeating: 1, count: n), equals: 1)
    let a = ActiveSetSolver().solve(qp), b = ActiveSetSolver().solve(pq)
    for i in 0..<n { #expect(abs(b.x[i] - a.x[perm[i]]) < 1e-11) }
  }
}
