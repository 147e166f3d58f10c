extension ActiveSetSolver {
  /// Rejects malformed input and contradictory bounds before any work.
  static func checkInput(_ qp: QuadraticProgram) -> QPSolution? {
    let n = qp.variableCount
    precondition(qp.P.count == n &* n && qp.q.count == n && qp.lower.count == n && qp.upper.count == n,
                 "QuadraticProgram arrays do not match variableCount \(n)")
    precondition(qp.A.count == qp.equalityCount &* n && qp.G.count == qp.inequalityCount &* n,
                 "constraint matrices do not match their right-hand sides")
    if let bad = (0..<n).first(where: { qp.lower[$0] > qp.upper[$0] || qp.lower[$0].isNaN || qp.upper[$0].isNaN }) {
      let name = qp.variableNames[bad]
      return failure(qp, .infeasible, SolverDiagnostics(
        message: "contradictory bounds on \(name): lower \(qp.lower[bad]) is above upper \(qp.upper[bad]); make lower ≤ upper",
        involved: [name]))
    }
    let finite = qp.P.allSatisfy(\.isFinite) && qp.q.allSatisfy(\.isFinite) && qp.A.allSatisfy(\.isFinite)
      && qp.b.allSatisfy(\.isFinite) && qp.G.allSatisfy(\.isFinite) && !qp.h.contains(where: \.isNaN)
    if !finite {
      return failure(qp, .infeasible, SolverDiagnostics(message: "the problem data contain NaN or infinite entries"))
    }
    return nil
  }

  /// A solution carrying only a status and diagnostics (no usable point).
  static func failure(_ qp: QuadraticProgram, _ status: SolverStatus, _ d: SolverDiagnostics, pivots: Int = 0) -> QPSolution {
    let n = qp.variableCount
    let x = (0..<n).map { j in
      Swift.min(Swift.max(0, qp.lower[j]), qp.upper[j]).isFinite ? Swift.min(Swift.max(0, qp.lower[j]), qp.upper[j]) : 0
    }
    return QPSolution(
      status: status, x: x, objective: .nan,
      equalityMultipliers: [Double](repeating: 0, count: qp.equalityCount),
      inequalityMultipliers: [Double](repeating: 0, count: qp.inequalityCount),
      lowerBoundMultipliers: [Double](repeating: 0, count: n),
      upperBoundMultipliers: [Double](repeating: 0, count: n),
      iterations: 0, phaseOnePivots: pivots,
      residuals: KKTResiduals(stationarity: .nan, primal: .nan, dual: .nan, complementarity: .nan),
      diagnostics: d,
      workingSet: WorkingSet(bounds: [WorkingSet.BoundState](repeating: .free, count: n), activeInequalities: []))
  }

  /// The phase-1 verdict: the rows that could not be satisfied together with the bounds.
  static func infeasible(_ qp: QuadraticProgram, rows: [Int], violation: Double, pivots: Int) -> QPSolution {
    let names = rows.map { r in r < qp.equalityCount ? qp.equalityNames[r] : qp.inequalityNames[r &- qp.equalityCount] }
    let list = names.map { "'\($0)'" }.joined(separator: ", ")
    let message = names.count == 1
      ? "no point satisfies \(list) together with the bounds (closest miss by \(violation)); relax that constraint or the bounds"
      : "no point satisfies \(list) together with the bounds and the other rows (total miss \(violation)); relax one of them"
    return failure(qp, .infeasible, SolverDiagnostics(message: message, involved: names), pivots: pivots)
  }
}
