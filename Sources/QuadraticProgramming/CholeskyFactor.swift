/// A lower-triangular Cholesky factor `H = L Lᵀ` that grows and shrinks one row and column at a
/// time: the factor of the free-variable block `P_FF` of the active-set method.
///
/// - Appending variable `j` solves `L l = H_{F j}` and sets the new diagonal
///   `d = √(H_jj − lᵀl)`: O(k²) for a factor of size k.
/// - Removing position `p` deletes row `p` of `L` and restores the triangle with Givens
///   rotations on column pairs `(i, i+1)`, `i ≥ p` (Golub & Van Loan, *Matrix Computations*,
///   §6.5.4): O((k − p)²).
///
/// `L` is stored row-major with a fixed row stride (`capacity`), grown by doubling.
struct CholeskyFactor: Sendable {
  /// Current size k.
  private(set) var size = 0
  /// Row stride of `storage`.
  private(set) var capacity: Int
  /// `storage[i * capacity + j]` = `L_ij` for `j ≤ i < size`.
  var storage: [Double]

  /// A pivot `d²` at or below `pivotTolerance · H_jj` counts as zero: `H` would be singular.
  static let pivotTolerance = 1e-13

  init(capacity: Int = 16) {
    self.capacity = Swift.max(capacity, 4)
    storage = [Double](repeating: 0, count: self.capacity &* self.capacity)
  }

  /// Appends a row and column to `H`: `column` holds `H_{F j}` for the current k positions and
  /// `diagonal` is `H_jj`. Returns false, leaving the factor unchanged, when the extended `H`
  /// would not be positive definite.
  mutating func append(column: [Double], diagonal: Double) -> Bool {
    precondition(column.count == size, "column has \(column.count) entries for a factor of size \(size)")
    if size == capacity { grow() }
    var l = column
    forwardSolve(&l)
    var norm2 = 0.0
    for v in l { norm2 += v * v }
    let d2 = diagonal - norm2
    guard d2 > Self.pivotTolerance * Swift.max(abs(diagonal), .leastNormalMagnitude), d2.isFinite else { return false }
    let base = size &* capacity
    for j in 0..<size { storage[base &+ j] = l[j] }
    storage[base &+ size] = d2.squareRoot()
    size &+= 1
    return true
  }

  /// Removes position `p` (its row and column of `H`).
  mutating func remove(at p: Int) {
    precondition(p >= 0 && p < size, "position \(p) outside a factor of size \(size)")
    deleteRowAndRetriangularise(p)
    size &-= 1
  }

  /// Empties the factor.
  mutating func removeAll() { size = 0 }

  private mutating func grow() {
    let newCapacity = capacity &* 2
    var fresh = [Double](repeating: 0, count: newCapacity &* newCapacity)
    for i in 0..<size {
      for j in 0...i { fresh[i &* newCapacity &+ j] = storage[i &* capacity &+ j] }
    }
    storage = fresh
    capacity = newCapacity
  }

  /// `L_ii`, for diagnostics and tests.
  func diagonal(_ i: Int) -> Double { storage[i &* capacity &+ i] }
}
