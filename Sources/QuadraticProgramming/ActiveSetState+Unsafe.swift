/// The O(n |F|) loops of the active-set method on unsafe buffers: the gradient update after a
/// step, the row rates `C_F p_F`, and the exact gradient from the non-zeros of `x`.
extension ActiveSetState {
  /// `C_{:,F} p_F` for every row (equalities first).
  /// - Complexity: O(m |F|)
  func rowRates(_ p: [Double]) -> [Double] {
    var out = [Double](repeating: 0, count: m)
    let width = n
    C.withUnsafeBufferPointer { c in
      free.withUnsafeBufferPointer { fr in
        p.withUnsafeBufferPointer { pp in
          for r in 0..<m {
            let base = r &* width
            var s = 0.0
            for t in 0..<fr.count { s += c[base &+ fr[t]] * pp[t] }
            out[r] = s
          }
        }
      }
    }
    return out
  }

  /// `x_F += α p`, `g += α P_{:,F} p_F` (rows of the symmetric `P`), `C x += α C_F p_F`.
  /// - Complexity: O(n |F| + m)
  mutating func advance(_ p: [Double], _ cp: [Double], by alpha: Double) {
    guard alpha > 0 else { return }
    let width = n
    for (t, j) in free.enumerated() {
      x[j] += alpha * p[t]
      x[j] = Swift.min(Swift.max(x[j], qp.lower[j]), qp.upper[j])
    }
    let freeList = free
    qp.P.withUnsafeBufferPointer { P in
      g.withUnsafeMutableBufferPointer { gg in
        for (t, j) in freeList.enumerated() {
          let s = alpha * p[t]
          if s == 0 { continue }
          let base = j &* width
          for i in 0..<width { gg[i] += s * P[base &+ i] }
        }
      }
    }
    for r in 0..<m { cx[r] += alpha * cp[r] }
  }

  /// `g = q + Σ_{x_j ≠ 0} x_j P_{j,:}` (P symmetric).
  mutating func recomputeGradient() {
    let width = n
    var out = qp.q
    let xs = x
    qp.P.withUnsafeBufferPointer { P in
      out.withUnsafeMutableBufferPointer { gg in
        for j in 0..<width where xs[j] != 0 {
          let s = xs[j], base = j &* width
          for i in 0..<width { gg[i] += s * P[base &+ i] }
        }
      }
    }
    g = out
  }

  /// `C x` from scratch.
  mutating func recomputeActivities() {
    let width = n
    var out = [Double](repeating: 0, count: m)
    let xs = x
    C.withUnsafeBufferPointer { c in
      for r in 0..<m {
        let base = r &* width
        var s = 0.0
        for j in 0..<width where xs[j] != 0 { s += c[base &+ j] * xs[j] }
        out[r] = s
      }
    }
    cx = out
  }
}
