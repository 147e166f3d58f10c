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
  var colStart = Slot<Int>()
  var rowIndex = Slot<Int>()
  var value = Slot<Double>()
  var segStart = Slot<Int>()
  var segLower = Slot<Double>()
  var segUpper = Slot<Double>()
  var segCost = Slot<Double>()
  var seg = Slot<Int>()
  var atTop = Slot<Bool>()
  var b = Slot<Double>()
  var x = Slot<Double>()
  var basis = Slot<Int>()
  var isBasic = Slot<Bool>()
  var binv = Slot<Double>()
  // Scratch of construction, reinversion and pricing.
  var rowCounts = Slot<Int>()
  var fill = Slot<Int>()
  var rowOrder = Slot<Int>()
  var slackOfRow = Slot<Int>()
  var factor = Slot<Double>()
  var matrix = Slot<Double>()
  var inverse = Slot<Double>()
  var residual = Slot<Double>()
  var y = Slot<Double>()
  var alpha = Slot<Double>()
  var ya = Slot<Double>()
  var candidates = Slot<Candidate>()

  public init() {}

  deinit {
    colStart.free(); rowIndex.free(); value.free()
    segStart.free(); segLower.free(); segUpper.free(); segCost.free()
    seg.free(); atTop.free(); b.free(); x.free(); basis.free(); isBasic.free(); binv.free()
    rowCounts.free(); fill.free(); rowOrder.free(); slackOfRow.free(); factor.free()
    matrix.free(); inverse.free(); residual.free(); y.free(); alpha.free(); ya.free()
    candidates.free()
  }
}

/// One block of raw memory of a workspace, grown on demand and never shrunk.
struct Slot<Element: BitwiseCopyable> {
  private var base: UnsafeMutablePointer<Element>?
  private var capacity = 0

  /// Memory for `count` elements, each set to `fill`; valid until the next claim of this slot.
  mutating func claim(_ count: Int, fill: Element) -> UnsafeMutablePointer<Element> {
    let p = claim(count)
    p.initialize(repeating: fill, count: count)
    return p
  }

  /// Memory for `count` elements whose values are left as they are (set them before reading).
  mutating func claim(_ count: Int) -> UnsafeMutablePointer<Element> {
    if let base, count <= capacity { return base }
    base?.deallocate()
    capacity = Swift.max(count, 2 * capacity, 16)
    let p = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    base = p
    return p
  }

  func free() { base?.deallocate() }
}

/// An improving column of the current basis: which, which way it moves, and by how much per unit.
struct Candidate: BitwiseCopyable {
  var index: Int
  var direction: Double
  var gain: Double
}
