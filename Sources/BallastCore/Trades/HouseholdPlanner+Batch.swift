internal import Dispatch

extension HouseholdPlanner {
  /// Plans `count` households on every core.
  ///
  /// `input(i)` supplies household `i` (built or read on demand, so a million households never
  /// sit in memory at once) and `output(i, result)` receives its plan; both are called from
  /// several threads at once, each index exactly once. Each plan is the same as a lone call to
  /// ``plan(_:request:)`` would give.
  ///
  /// - Complexity: count / cores × the cost of one plan.
  public func planBatch(
    count: Int, request: PlanRequest = PlanRequest(), chunks: Int? = nil,
    input: @Sendable (Int) -> Household,
    output: @Sendable (Int, Result<TradePlan, PlanError>) -> Void
  ) {
    guard count > 0 else { return }
    // Small chunks (about 128 households each, at least 64 chunks) keep every core busy to the
    // end: a thread that finishes early takes the next chunk instead of waiting on a long one.
    let parts = min(count, chunks ?? max(64, count / 128))
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let lo = count * part / parts
      let hi = count * (part + 1) / parts
      let scratch = PlanScratch()
      for i in lo..<hi {
        do {
          output(i, .success(try plan(input(i), request: request, scratch: scratch)))
        } catch let error as PlanError {
          output(i, .failure(error))
        } catch {
          output(i, .failure(PlanError("\(error)")))
        }
      }
    }
  }
}
