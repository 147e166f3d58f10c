/// A symmetric `n × n` covariance matrix, row-major, annualised.
public struct CovarianceMatrix: Sendable, Equatable {
  public let dimension: Int
  /// `values[i * dimension + j]`.
  public let values: [Double]

  /// - Throws: ``OptimizationError`` unless `values` is square, finite and symmetric (to
  ///   `1e-12` relative), with a non-negative diagonal.
  public init(dimension n: Int, values: [Double]) throws {
    guard n > 0, values.count == n * n else {
      throw OptimizationError.invalid("a covariance matrix of dimension \(n) needs \(n * n) entries, found \(values.count)")
    }
    guard values.allSatisfy(\.isFinite) else { throw OptimizationError.invalid("the covariance matrix has a non-finite entry") }
    for i in 0..<n {
      guard values[i * n + i] >= 0 else {
        throw OptimizationError.invalid("the covariance matrix has a negative variance on the diagonal (row \(i + 1))")
      }
      for j in 0..<i {
        let a = values[i * n + j], b = values[j * n + i]
        guard abs(a - b) <= 1e-12 * max(abs(a), abs(b), 1e-300) else {
          throw OptimizationError.invalid("the covariance matrix is not symmetric: entry (\(i + 1),\(j + 1)) is \(a) but (\(j + 1),\(i + 1)) is \(b)")
        }
      }
    }
    dimension = n
    self.values = Self.symmetrised(values, n)
  }

  init(uncheckedDimension n: Int, values: [Double]) {
    dimension = n
    self.values = values
  }

  static func symmetrised(_ v: [Double], _ n: Int) -> [Double] {
    var out = v
    for i in 0..<n {
      for j in 0..<i {
        let m = 0.5 * (v[i * n + j] + v[j * n + i])
        out[i * n + j] = m
        out[j * n + i] = m
      }
    }
    return out
  }

  public subscript(i: Int, j: Int) -> Double { values[i * dimension + j] }

  /// `wᵀ Σ w`, summed row by row in index order.
  public func variance(of w: [Double]) -> Double {
    var s = 0.0
    for i in 0..<dimension where w[i] != 0 {
      var row = 0.0
      let base = i * dimension
      for j in 0..<dimension { row += values[base + j] * w[j] }
      s += w[i] * row
    }
    return s
  }

  /// The sub-matrix of the given indices, in that order.
  public func selecting(_ indices: [Int]) -> CovarianceMatrix {
    var v: [Double] = []
    v.reserveCapacity(indices.count * indices.count)
    for i in indices { for j in indices { v.append(self[i, j]) } }
    return CovarianceMatrix(uncheckedDimension: indices.count, values: v)
  }
}
