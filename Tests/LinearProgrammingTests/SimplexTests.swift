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
    let workspace = SimplexWorkspace()
    for f in fixtures {
      var lp = LinearProgram()
      for (j, cj) in f.c.enumerated() { lp.addVariable(cost: cj, upper: f.u[j] ?? .infinity) }
      for (i, row) in f.A.enumerated() {
        let rel: LinearProgram.Relation =
          f.relations[i] == "eq" ? .equal : f.relations[i] == "le" ? .lessOrEqual : .greaterOrEqual
        lp.addConstraint(row.enumerated().map { ($0.offset, $0.element) }, rel, f.b[i])
      }
      let s = lp.solve()
      // The same program solved in a workspace that earlier programs of other sizes used
      // gives the same solution, bit for bit.
      let reused = lp.solve(workspace: workspace)
      #expect(reused.values == s.values && reused.iterations == s.iterations && reused.pivots == s.pivots, "seed \(f.seed)")
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

@Suite struct PiecewiseLinearTests {
  /// f(x) = 1 per unit for 2 units, then 2 per unit for 3, then 5; x ≥ 4 costs 2·1 + 2·2 = 6.
  @Test func fillsSegmentsCheapestFirst() {
    var lp = LinearProgram()
    let x = lp.addVariable(segments: [(2, 1), (3, 2), (.infinity, 5)])
    lp.addConstraint([(x, 1)], .greaterOrEqual, 4)
    let s = lp.solve()
    #expect(s.status == .optimal)
    #expect(abs(s.values[x] - 4) < 1e-12 && abs(s.objective - 6) < 1e-12)
  }

  /// x + y = 6 with x: 2 @ 1 then 10 @ 3, y: 1 @ 2 then 10 @ 4. Cheapest units first:
  /// x's 2 (cost 2), y's 1 (cost 2), then 3 more of x at 3 (cost 9): x = 5, y = 1, total 13.
  @Test func twoPiecewiseVariables() {
    var lp = LinearProgram()
    let x = lp.addVariable(segments: [(2, 1), (10, 3)])
    let y = lp.addVariable(segments: [(1, 2), (10, 4)])
    lp.addConstraint([(x, 1), (y, 1)], .equal, 6)
    let s = lp.solve()
    #expect(s.status == .optimal)
    #expect(abs(s.values[x] - 5) < 1e-12 && abs(s.values[y] - 1) < 1e-12)
    #expect(abs(s.objective - 13) < 1e-12)
  }

  /// A piecewise variable is the same as one column per segment: the HiGHS fixture problems
  /// with every bounded variable split into two segments (the second dearer by |c| + 0.5)
  /// reach the same optimum as the same problems written with two columns per variable.
  @Test func equalsTheExpandedProgram() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/lp_fixtures.json")
    let fixtures = try JSONDecoder().decode([SimplexTests.Fixture].self, from: Data(contentsOf: url))
    for f in fixtures where f.status == "optimal" {
      var piecewise = LinearProgram()
      var expanded = LinearProgram()
      var columns: [[Int]] = []
      for (j, c) in f.c.enumerated() {
        if let u = f.u[j] {
          let extra = abs(c) + 0.5
          piecewise.addVariable(segments: [(u / 2, c), (u / 2, c + extra)])
          columns.append([expanded.addVariable(cost: c, upper: u / 2), expanded.addVariable(cost: c + extra, upper: u / 2)])
        } else {
          piecewise.addVariable(cost: c)
          columns.append([expanded.addVariable(cost: c)])
        }
      }
      for (i, row) in f.A.enumerated() {
        let rel: LinearProgram.Relation = f.relations[i] == "eq" ? .equal : f.relations[i] == "le" ? .lessOrEqual : .greaterOrEqual
        piecewise.addConstraint(row.enumerated().map { ($0.offset, $0.element) }, rel, f.b[i])
        expanded.addConstraint(row.enumerated().flatMap { j, a in columns[j].map { ($0, a) } }, rel, f.b[i])
      }
      let a = piecewise.solve()
      let b = expanded.solve()
      #expect(a.status == b.status, "seed \(f.seed)")
      if a.status == .optimal { #expect(abs(a.objective - b.objective) < 1e-7 * max(1, abs(b.objective)), "seed \(f.seed)") }
    }
  }
}
