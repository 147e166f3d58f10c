import Foundation
import LinearProgramming
import Testing

@Suite struct SimplexTests {
  /// max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 (Hillier & Lieberman's Wyndor Glass
  /// example): optimum x = 2, y = 6, objective 36.
  @Test func wyndorGlass() {
    var lp = LinearProgram()
    let x = lp.addVariable(cost: -3)
    let y = lp.addVariable(cost: -5)
    lp.addConstraint([(x, 1)], .lessOrEqual, 4)
    lp.addConstraint([(y, 2)], .lessOrEqual, 12)
    lp.addConstraint([(x, 3), (y, 2)], .lessOrEqual, 18)
    let s = lp.solve()
    #expect(s.status == .optimal)
    #expect(abs(s.values[x] - 2) < 1e-9 && abs(s.values[y] - 6) < 1e-9)
    #expect(abs(s.objective + 36) < 1e-9)
  }

  /// Upper bounds without rows: min −x − y, x ≤ 1.5 (bound), y ≤ 2.5 (bound), x + y ≥ 1:
  /// both variables flip to their bounds, objective −4 (by hand).
  @Test func boundFlips() {
    var lp = LinearProgram()
    let x = lp.addVariable(cost: -1, upper: 1.5)
    let y = lp.addVariable(cost: -1, upper: 2.5)
    lp.addConstraint([(x, 1), (y, 1)], .greaterOrEqual, 1)
    let s = lp.solve()
    #expect(s.status == .optimal)
    #expect(abs(s.objective + 4) < 1e-12)
  }

  /// x + y = 1 and x + y ≥ 2 cannot both hold.
  @Test func infeasible() {
    var lp = LinearProgram()
    let x = lp.addVariable(cost: 1)
    let y = lp.addVariable(cost: 1)
    lp.addConstraint([(x, 1), (y, 1)], .equal, 1)
    lp.addConstraint([(x, 1), (y, 1)], .greaterOrEqual, 2)
    guard case .infeasible = lp.solve().status else {
      Issue.record("expected infeasible")
      return
    }
  }

  @Test func unbounded() {
    var lp = LinearProgram()
    let x = lp.addVariable(cost: -1)
    let y = lp.addVariable(cost: 0)
    lp.addConstraint([(x, 1), (y, -1)], .equal, 0)
    #expect(lp.solve().status == .unbounded)
  }

  struct Fixture: Decodable {
    var seed: Int
    var A: [[Double]]
    var b: [Double]
    var c: [Double]
    var u: [Double?]
    var relations: [String]
    var status: String
    var objective: Double?
  }

  /// 40 random LPs with mixed rows and bounds, against SciPy's HiGHS (see
  /// Reference/make_lp_fixtures.py): same status, objective within 1e-7.
  @Test func agreesWithHiGHS() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Reference/lp_fixtures.json")
    let fixtures = try JSONDecoder().decode([Fixture].self, from: Data(contentsOf: url))
    #expect(fixtures.count == 40)
    for f in fixtures {
      var lp = LinearProgram()
      for (j, cj) in f.c.enumerated() { lp.addVariable(cost: cj, upper: f.u[j] ?? .infinity) }
      for (i, row) in f.A.enumerated() {
        let rel: LinearProgram.Relation =
          f.relations[i] == "eq" ? .equal : f.relations[i] == "le" ? .lessOrEqual : .greaterOrEqual
        lp.addConstraint(row.enumerated().map { ($0.offset, $0.element) }, rel, f.b[i])
      }
      let s = lp.solve()
      switch f.status {
      case "optimal":
        #expect(s.status == .optimal, "seed \(f.seed)")
        #expect(abs(s.objective - (f.objective ?? .nan)) < 1e-7 * max(1, abs(f.objective ?? 0)), "seed \(f.seed)")
      default:
        #expect(s.status == .unbounded, "seed \(f.seed)")
      }
    }
  }
}
