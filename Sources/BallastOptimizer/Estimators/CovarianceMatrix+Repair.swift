public import QuadraticProgramming

/// How to repair a covariance matrix that is not positive semi-definite, with PyPortfolioOpt's
/// conventions (`risk_models.fix_nonpositive_semidefinite`).
public enum CovarianceRepair: String, Sendable, Hashable, CaseIterable {
  /// Clip the negative eigenvalues to 0 and rebuild: `V diag(max(λ, 0)) Vᵀ` (the nearest PSD
  /// matrix in the Frobenius norm; Higham 1988).
  case spectral
  /// Add `1.1 × |λ_min|` to the diagonal: `Σ − 1.1 λ_min I` (all eigenvalues shift up).
  case diag
}

extension CovarianceMatrix {
  /// A matrix counts as positive semi-definite when its smallest eigenvalue is at least
  /// `−psdTolerance × max(1e-300, largest |λ|)`: eigenvalues that are zero in exact
  /// arithmetic come out of rounding as ±1e-17-sized numbers, and those are not a defect.
  /// (PyPortfolioOpt tests `cholesky(Σ + 1e-16 I)` instead, which also flags singular PSD
  /// matrices; singular matrices are reported by the optimiser with their own message.)
  public static let psdTolerance = 1e-12

  /// The eigen-decomposition (NumPy `eigh` conventions: eigenvalues ascending).
  public var eigendecomposition: SymmetricEigendecomposition {
    SymmetricEigendecomposition(symmetric: values, dimension: dimension)
  }

  /// Whether the matrix is positive semi-definite (see ``psdTolerance``), and its smallest
  /// eigenvalue when it had to be computed.
  /// - Complexity: O(n³): a Cholesky test first; the Jacobi decomposition only when it fails.
  public func semidefiniteness() -> (isSemidefinite: Bool, smallestEigenvalue: Double?) {
    if choleskySucceeds() { return (true, nil) }
    let e = eigendecomposition.values
    let scale = max(1e-300, abs(e[0]), abs(e[e.count - 1]))
    return (e[0] >= -Self.psdTolerance * scale, e[0])
  }

  /// The repaired matrix (symmetric by construction).
  public func repaired(_ method: CovarianceRepair) -> CovarianceMatrix {
    let n = dimension
    switch method {
    case .spectral:
      return CovarianceMatrix(uncheckedDimension: n, values: eigendecomposition.rebuilt { max($0, 0) })
    case .diag:
      let shift = -1.1 * min(eigendecomposition.values[0], 0)
      var v = values
      for i in 0..<n { v[i * n + i] += shift }
      return CovarianceMatrix(uncheckedDimension: n, values: v)
    }
  }

  /// The matrix itself when it is positive semi-definite; otherwise the repaired matrix and a
  /// warning, or an error when `method` is nil.
  /// - Parameter what: how the matrix is named in messages ("the sample covariance", "cov.csv").
  /// - Throws: ``OptimizationError`` (`invalid-input`) naming the smallest eigenvalue when the
  ///   matrix is not PSD and no repair was asked for.
  public func repairedIfNeeded(_ method: CovarianceRepair?, what: String = "the covariance matrix") throws
    -> (matrix: CovarianceMatrix, warning: String?)
  {
    let check = semidefiniteness()
    guard !check.isSemidefinite, let smallest = check.smallestEigenvalue else { return (self, nil) }
    guard let method else {
      throw OptimizationError.invalid(
        "\(what) is not positive semi-definite (smallest eigenvalue \(smallest)), so some portfolio would have a negative variance; repair it with --fix-cov spectral or --fix-cov diag, or fix its entries")
    }
    let fixed = repaired(method)
    return (fixed, "\(what) was not positive semi-definite (smallest eigenvalue \(smallest)); repaired by the \(method.rawValue) method")
  }

  /// `Σ = L Lᵀ` with every pivot above `1e-14 ×` its diagonal: positive definite.
  func choleskySucceeds() -> Bool {
    let n = dimension
    var l = [Double](repeating: 0, count: n * n)
    for j in 0..<n {
      var d = values[j * n + j]
      for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
      guard d > 1e-14 * max(values[j * n + j], 1e-300) else { return false }
      let root = d.squareRoot()
      l[j * n + j] = root
      for i in (j + 1)..<n {
        var s = values[i * n + j]
        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
        l[i * n + j] = s / root
      }
    }
    return true
  }
}
