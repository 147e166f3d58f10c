import BallastCore
@testable import QuadraticProgramming
import Testing

@Suite struct CholeskyFactorTests {
  /// After any sequence of appends and removals, L Lᵀ equals H restricted to the kept indices.
  @Test(arguments: 0..<10)
  func appendAndRemoveKeepLLTEqualToH(seed: Int) {
    let qp = RandomQP.make(n: 12, seed: UInt64(seed), withRow: false)
    let n = 12
    var rng = SeededGenerator(seed: UInt64(seed) + 77)
    var factor = CholeskyFactor(capacity: 4)
    var kept: [Int] = []
    for step in 0..<40 {
      let remaining = (0..<n).filter { !kept.contains($0) }
      if !kept.isEmpty && (remaining.isEmpty || rng.unit() < 0.4) {
        let p = Int(rng.next() % UInt64(kept.count))
        factor.remove(at: p)
        kept.remove(at: p)
      } else {
        let j = remaining[Int(rng.next() % UInt64(remaining.count))]
        let column = kept.map { qp.P[j * n + $0] }
        let ok = factor.append(column: column, diagonal: qp.P[j * n + j])
        #expect(ok, "step \(step)")
        kept.append(j)
      }
      let k = kept.count
      for a in 0..<k {
        for b in 0...a {
          var s = 0.0
          for t in 0...b { s += factor.storage[a * factor.capacity + t] * factor.storage[b * factor.capacity + t] }
          #expect(abs(s - qp.P[kept[a] * n + kept[b]]) < 1e-13, "step \(step) entry (\(a),\(b))")
        }
      }
    }
  }
}
