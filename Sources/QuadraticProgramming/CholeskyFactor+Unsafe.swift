/// The hot loops of ``CholeskyFactor``: triangular solves and the Givens deletion, written on
/// unsafe buffers with wrapping index arithmetic (see PLATFORM.md: overflow checks on indices
/// cost more than bounds checks).
extension CholeskyFactor {
  /// Solves `L y = v` in place (forward substitution, row-oriented dot products).
  /// - Complexity: O(k²)
  func forwardSolve(_ v: inout [Double]) {
    let k = size, stride = capacity
    storage.withUnsafeBufferPointer { L in
      v.withUnsafeMutableBufferPointer { y in
        for i in 0..<k {
          let row = i &* stride
          var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
          var j = 0
          while j &+ 4 <= i {
            s0 += L[row &+ j] * y[j]
            s1 += L[row &+ j &+ 1] * y[j &+ 1]
            s2 += L[row &+ j &+ 2] * y[j &+ 2]
            s3 += L[row &+ j &+ 3] * y[j &+ 3]
            j &+= 4
          }
          while j < i {
            s0 += L[row &+ j] * y[j]
            j &+= 1
          }
          y[i] = (y[i] - ((s0 + s1) + (s2 + s3))) / L[row &+ i]
        }
      }
    }
  }

  /// Solves `Lᵀ x = y` in place (backward substitution, row-oriented axpy updates).
  /// - Complexity: O(k²)
  func backwardSolve(_ v: inout [Double]) {
    let k = size, stride = capacity
    storage.withUnsafeBufferPointer { L in
      v.withUnsafeMutableBufferPointer { x in
        var i = k &- 1
        while i >= 0 {
          let row = i &* stride
          let xi = x[i] / L[row &+ i]
          x[i] = xi
          for j in 0..<i { x[j] -= L[row &+ j] * xi }
          i &-= 1
        }
      }
    }
  }

  /// Deletes row `p` of `L` (shifting the rows below up by one) and zeroes the resulting
  /// super-diagonal with Givens rotations applied from the right, which keeps `L Lᵀ` equal to
  /// `H` with row and column `p` removed.
  mutating func deleteRowAndRetriangularise(_ p: Int) {
    let k = size, stride = capacity
    storage.withUnsafeMutableBufferPointer { L in
      // Shift rows p+1..<k up; old row i has entries 0...i.
      var i = p
      while i &+ 1 < k {
        let dst = i &* stride, src = (i &+ 1) &* stride
        for j in 0...(i &+ 1) { L[dst &+ j] = L[src &+ j] }
        i &+= 1
      }
      // Now rows p..<k-1 have one entry right of the diagonal; rotate columns (c, c+1).
      var c = p
      while c &+ 1 < k {
        let a = L[c &* stride &+ c], b = L[c &* stride &+ c &+ 1]
        let r = (a * a + b * b).squareRoot()
        if r > 0 {
          let cs = a / r, sn = b / r
          var row = c
          while row &+ 1 < k {
            let base = row &* stride
            let u = L[base &+ c], w = L[base &+ c &+ 1]
            L[base &+ c] = cs * u + sn * w
            L[base &+ c &+ 1] = -sn * u + cs * w
            row &+= 1
          }
        }
        L[c &* stride &+ c &+ 1] = 0
        if L[c &* stride &+ c] < 0 {
          // keep a positive diagonal: flip the sign of column c in the rows below
          var row = c
          while row &+ 1 < k {
            L[row &* stride &+ c] = -L[row &* stride &+ c]
            row &+= 1
          }
        }
        c &+= 1
      }
    }
  }
}
