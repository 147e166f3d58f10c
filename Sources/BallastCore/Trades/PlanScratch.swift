internal import LinearProgramming

/// Storage one thread reuses from plan to plan: the simplex method's arrays and the last
/// program's. Plans made with it are the same as without; it only saves allocations, which
/// matter when a batch plans a million small households.
final class PlanScratch {
  let simplex = SimplexWorkspace()
  /// A program no longer needed, whose storage the next model is built in.
  var spareProgram: LinearProgram?
  /// The solver's amounts bought per (account, security) and sold per (account, holding),
  /// and where each account's holdings start: refilled by every solve.
  var bought: [Double] = []
  var sold: [Double] = []
  var holdingStart: [Int] = []

  init() {}
}
