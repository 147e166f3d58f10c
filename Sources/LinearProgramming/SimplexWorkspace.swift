/// Storage that the simplex method reuses from one solve to the next.
///
/// Solving many small programs one after another (a batch of households) spends a good part
/// of its time allocating the tableau's arrays. A workspace keeps them between solves, grown
/// to the largest program so far: pass the same one to every
/// ``LinearProgram/solve(options:workspace:)`` of one thread. A workspace is not safe to share
/// between threads (give each its own); it never changes a solution.
///
/// The storage is raw memory that the workspace owns and frees: the tableau reads and writes
/// it through pointers, so its inner loops pay neither copy-on-write checks nor reference
/// counting.
public final class SimplexWorkspace {
  // The tableau: columns, cost segments, basis and inverse.
  let colStart = Slot<Int>()
  let rowIndex = Slot<Int>()
  let value = Slot<Double>()
  let segStart = Slot<Int>()
  let segLower = Slot<Double>()
  let segUpper = Slot<Double>()
  let segCost = Slot<Double>()
  let seg = Slot<Int>()
  let atTop = Slot<Bool>()
  let b = Slot<Double>()
  let x = Slot<Double>()
  let basis = Slot<Int>()
  let isBasic = Slot<Bool>()
  let binv = Slot<Double>()
  // Scratch of construction, reinversion and pricing.
  let rowCounts = Slot<Int>()
  let fill = Slot<Int>()
  let rowOrder = Slot<Int>()
  let slackOfRow = Slot<Int>()
  let factor = Slot<Double>()
  let matrix = Slot<Double>()
  let inverse = Slot<Double>()
  let residual = Slot<Double>()
  let y = Slot<Double>()
  let alpha = Slot<Double>()
  let ya = Slot<Double>()
  let upCost = Slot<Double>()
  let downCost = Slot<Double>()
  let candidates = Slot<Candidate>()

  public init() {}
}

/// One block of raw memory of a workspace, grown on demand, never shrunk, and freed with it.
/// (A class, so that each block frees itself; the tableau holds only its pointer.)
final class Slot<Element: BitwiseCopyable> {
  private var base: UnsafeMutablePointer<Element>?
  private var capacity = 0

  init() {}

  deinit { base?.deallocate() }

  /// Memory for `count` elements, each set to `fill`; valid until the next claim of this slot.
  func claim(_ count: Int, fill: Element) -> UnsafeMutablePointer<Element> {
    let p = claim(count)
    p.initialize(repeating: fill, count: count)
    return p
  }

  /// Memory for `count` elements whose values are left as they are (set them before reading).
  func claim(_ count: Int) -> UnsafeMutablePointer<Element> {
    if let base, count <= capacity { return base }
    base?.deallocate()
    capacity = Swift.max(count, 2 * capacity, 16)
    let p = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    base = p
    return p
  }
}

/// An improving column of the current basis: which, which way it moves, and by how much per unit.
struct Candidate: BitwiseCopyable {
  var index: Int
  var direction: Double
  var gain: Double
}
