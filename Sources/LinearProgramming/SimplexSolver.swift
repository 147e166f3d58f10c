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
    return tableau.run(options: options, program: self)
  }
}

