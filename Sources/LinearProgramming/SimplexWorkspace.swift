/// Storage that the simplex method reuses from one solve to the next.
///
/// Solving many small programs one after another (a batch of households) spends a good part
/// of its time allocating the tableau's arrays. A workspace keeps them, emptied but with
/// their capacity, between solves: pass the same one to every ``LinearProgram/solve(options:workspace:)``
/// of one thread. A workspace is not safe to share between threads (give each its own); it
/// never changes a solution.
public final class SimplexWorkspace {
  // The tableau's arrays between solves.
  var colStart: [Int] = []
  var rowIndex: [Int] = []
  var value: [Double] = []
  var segStart: [Int] = []
  var segLower: [Double] = []
  var segUpper: [Double] = []
  var segCost: [Double] = []
  var seg: [Int] = []
  var atTop: [Bool] = []
  var b: [Double] = []
  var x: [Double] = []
  var basis: [Int] = []
  var isBasic: [Bool] = []
  var binv: [Double] = []
  // Scratch of construction, reinversion and pricing.
  var rowCounts: [Int] = []
  var fill: [Int] = []
  var rowOrder: [Int] = []
  var slackOfRow: [Int] = []
  var factor: [Double] = []
  var matrix: [Double] = []
  var inverse: [Double] = []
  var residual: [Double] = []
  var y: [Double] = []
  var alpha: [Double] = []
  var ya: [Double] = []
  var candidates: [(index: Int, direction: Double, gain: Double)] = []

  public init() {}
}

/// `count` copies of `fill` in the storage of `spare` (left empty): no allocation when the
/// spare's capacity suffices.
@inline(__always)
func reuse<T>(_ spare: inout [T], count: Int, fill: T) -> [T] {
  var array: [T] = []
  swap(&array, &spare)
  array.removeAll(keepingCapacity: true)
  array.append(contentsOf: repeatElement(fill, count: count))
  return array
}

/// An empty array in the storage of `spare` (left empty), with room for `capacity` elements.
@inline(__always)
func reuse<T>(_ spare: inout [T], capacity: Int) -> [T] {
  var array: [T] = []
  swap(&array, &spare)
  array.removeAll(keepingCapacity: true)
  array.reserveCapacity(capacity)
  return array
}
