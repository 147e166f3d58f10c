import QuadraticProgramming
import Testing

@Suite struct TextbookQPTests {
  @Test func unconstrainedMinimiserSolvesPxEqualsMinusQ() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [2, 0, 0, 2]
    qp.q = [-2, -4]
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .optimal)
    #expect(abs(s.x[0] - 1) < 1e-14 && abs(s.x[1] - 2) < 1e-14)
    #expect(abs(s.objective - (-5)) < 1e-14)
  }

  /// min x² + y² s.t. x + y = 1: x = y = ½, and stationarity (1, 1) + ν (1, 1) = 0 gives ν = −1.
  @Test func equalityConstrainedHasHandDerivedMultiplier() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [2, 0, 0, 2]
    qp.addEquality([1, 1], equals: 1)
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .optimal)
    #expect(abs(s.x[0] - 0.5) < 1e-14 && abs(s.x[1] - 0.5) < 1e-14)
    #expect(abs(s.equalityMultipliers[0] + 1) < 1e-14)
    #expect(s.residuals.maximum < 1e-14)
  }

  /// Nocedal & Wright, Example 16.4: min (x₁−1)² + (x₂−2.5)² over five inequalities; the
  /// minimiser is (1.4, 1.7) with only −x₁ + 2x₂ ≤ 2 active (multiplier 0.8).
  @Test func nocedalWrightExample16_4() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [2, 0, 0, 2]
    qp.q = [-2, -5]
    qp.addInequality([-1, 2], atMost: 2)
    qp.addInequality([1, 2], atMost: 6)
    qp.addInequality([1, -2], atMost: 2)
    qp.lower = [0, 0]
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .optimal)
    #expect(abs(s.x[0] - 1.4) < 1e-13 && abs(s.x[1] - 1.7) < 1e-13)
    #expect(abs(s.inequalityMultipliers[0] - 0.8) < 1e-13)
    #expect(s.inequalityMultipliers[1] == 0 && s.inequalityMultipliers[2] == 0)
    #expect(s.residuals.maximum < 1e-13)
  }

  /// min ½(x² + y²) − 3x s.t. x ≤ 1: x = 1 with upper-bound multiplier 3 − 1 = 2.
  @Test func upperBoundMultiplier() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [1, 0, 0, 1]
    qp.q = [-3, 0]
    qp.upper = [1, .infinity]
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .optimal)
    #expect(s.x == [1, 0])
    #expect(abs(s.upperBoundMultipliers[0] - 2) < 1e-14)
    #expect(s.workingSet.bounds[0] == .atUpper)
  }

  @Test func infeasibleRowsAreNamed() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [1, 0, 0, 1]
    qp.lower = [0.6, 0.6]
    qp.addEquality([1, 1], equals: 1, name: "budget")
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .infeasible)
    #expect(s.diagnostics?.involved == ["budget"])
  }

  @Test func contradictoryBoundsAreNamed() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [1, 0, 0, 1]
    qp.variableNames = ["a", "b"]
    qp.lower = [0, 0.5]
    qp.upper = [1, 0.2]
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .infeasible)
    #expect(s.diagnostics?.involved == ["b"])
    #expect(s.diagnostics?.message.contains("contradictory bounds") == true)
  }

  /// P = [[1,1],[1,1]] and q = (0, −1): freeing the second variable adds a zero-curvature
  /// direction (x₁ − x₀) along which the objective still falls.
  @Test func singularHessianIsReported() {
    var qp = QuadraticProgram(variableCount: 2)
    qp.P = [1, 1, 1, 1]
    qp.q = [0, -1]
    qp.lower = [0, 0]
    qp.addEquality([1, 1], equals: 1)
    let s = ActiveSetSolver().solve(qp)
    // the minimiser (0, 1) is unique here and the method reaches it without the singular block
    #expect(s.status == .optimal || s.status == .singular)
    if s.status == .optimal { #expect(abs(s.x[1] - 1) < 1e-12) }
  }

  @Test func duplicatedVariableIsSingular() {
    var qp = QuadraticProgram(variableCount: 3)
    qp.P = [1, 1, 0, 1, 1, 0, 0, 0, 4]
    qp.lower = [0, 0, 0]
    qp.addEquality([1, 1, 1], equals: 1)
    qp.q = [0, 0, 0]
    qp.variableNames = ["a", "a2", "b"]
    let s = ActiveSetSolver().solve(qp)
    #expect(s.status == .singular)
    #expect(s.diagnostics?.message.contains("singular") == true)
  }
}
