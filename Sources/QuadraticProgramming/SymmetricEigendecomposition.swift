/// The eigen-decomposition `A = V diag(λ) Vᵀ` of a dense symmetric matrix, by the cyclic
/// Jacobi method (Golub & Van Loan, *Matrix Computations*, §8.5): rotations zero each
/// off-diagonal entry in turn until the off-diagonal mass is negligible; the eigenvalues come
/// out accurate to a few ulps of `‖A‖` and the eigenvectors orthonormal to rounding.
///
/// Eigenvalues are sorted ascending, like NumPy's `numpy.linalg.eigh`.
/// - Complexity: O(n³) per sweep, usually 6–10 sweeps: fine for portfolio sizes; the repair
///   it serves runs only on matrices that fail a Cholesky test.
public struct SymmetricEigendecomposition: Sendable {
  public let dimension: Int
  /// `λ_1 ≤ … ≤ λ_n`.
  public let values: [Double]
  /// Column `j` is the unit eigenvector of `values[j]`: `vectors[i * n + j]` (row-major `V`).
  public let vectors: [Double]

  /// Decomposes the symmetric `n × n` row-major `matrix` (only its lower triangle is read
  /// through the symmetrised average of both triangles).
  /// - Precondition: `matrix.count == n * n`, entries finite.
  public init(symmetric matrix: [Double], dimension n: Int) {
    precondition(n >= 1 && matrix.count == n * n, "expected an n × n matrix")
    var a = matrix
    for i in 0..<n {
      for j in 0..<i {
        let m = 0.5 * (a[i * n + j] + a[j * n + i])
        a[i * n + j] = m
        a[j * n + i] = m
      }
    }
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    Self.sweep(&a, &v, n)
    let order = (0..<n).sorted { (a[$0 * n + $0], $0) < (a[$1 * n + $1], $1) }
    dimension = n
    values = order.map { a[$0 * n + $0] }
    var sorted = [Double](repeating: 0, count: n * n)
    for (newColumn, old) in order.enumerated() {
      for i in 0..<n { sorted[i * n + newColumn] = v[i * n + old] }
    }
    vectors = sorted
  }

  /// Cyclic sweeps until the off-diagonal Frobenius mass is below `1e-15 ×` the total (at most
  /// 60 sweeps; Jacobi converges quadratically, so 10 suffice in practice).
  static func sweep(_ a: inout [Double], _ v: inout [Double], _ n: Int) {
    var total = 0.0
    for x in a { total += x * x }
    guard total > 0 else { return }
    for _ in 0..<60 {
      var off = 0.0
      for i in 0..<n { for j in 0..<i { off += 2 * a[i * n + j] * a[i * n + j] } }
      if off <= 1e-30 * total { return }
      for p in 0..<n {
        for q in (p + 1)..<n where a[p * n + q] != 0 { rotate(&a, &v, n, p, q) }
      }
    }
  }

  /// One Jacobi rotation in the `(p, q)` plane that zeroes `a_pq`
  /// (`θ = (a_qq − a_pp)/(2a_pq)`, `t = sign(θ)/(|θ| + √(θ² + 1))`).
  static func rotate(_ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
    let apq = a[p * n + q]
    let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
    let c = 1 / (t * t + 1).squareRoot(), s = t * c
    for k in 0..<n {
      let akp = a[k * n + p], akq = a[k * n + q]
      a[k * n + p] = c * akp - s * akq
      a[k * n + q] = s * akp + c * akq
    }
    for k in 0..<n {
      let apk = a[p * n + k], aqk = a[q * n + k]
      a[p * n + k] = c * apk - s * aqk
      a[q * n + k] = s * apk + c * aqk
    }
    a[p * n + q] = 0
    a[q * n + p] = 0
    for k in 0..<n {
      let vkp = v[k * n + p], vkq = v[k * n + q]
      v[k * n + p] = c * vkp - s * vkq
      v[k * n + q] = s * vkp + c * vkq
    }
  }

  /// `V diag(f(λ)) Vᵀ`, row-major, summed in index order.
  public func rebuilt(mapping f: (Double) -> Double) -> [Double] {
    let n = dimension
    let d = values.map(f)
    var out = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var s = 0.0
        for k in 0..<n { s += vectors[i * n + k] * d[k] * vectors[j * n + k] }
        out[i * n + j] = s
        out[j * n + i] = s
      }
    }
    return out
  }
}
