import BallastCore
/// Seeded synthetic mean-variance problems for tests, benchmarks and reference comparisons,
/// reproducible bit for bit in other languages (the Python reference generator in
/// `Tests/BallastOptimizerTests/Reference/` implements the same formula).
///
/// With the SplitMix64 stream of ``SeededGenerator`` `u₁, u₂, …` (uniform in [0, 1), 53 bits), drawn in this order:
/// - loadings `B_ik`, row-major over `i < n`, `k < 4`: `0.08 + 0.17 u` for `k = 0` (market),
///   `0.2 (u − 0.5)` otherwise;
/// - idiosyncratic volatilities `s_i = 0.10 + 0.30 u`;
/// - expected returns `μ_i = 0.02 + 0.14 u`;
///
/// and `Σ_ij = Σ_k B_ik B_jk (+ s_i² when i = j)`, summed over `k` in order.
public enum SyntheticProblem {
  public static let factorCount = 4

  /// `(assets, μ, Σ)` for `n` assets from `seed`; assets are named `S000`, `S001`, ….
  public static func make(n: Int, seed: UInt64) -> (assets: [String], mu: [Double], covariance: CovarianceMatrix) {
    var rng = SeededGenerator(seed: seed)
    let k = factorCount
    var B = [Double](repeating: 0, count: n * k)
    for i in 0..<n {
      for f in 0..<k { B[i * k + f] = f == 0 ? 0.08 + 0.17 * rng.unit() : 0.2 * (rng.unit() - 0.5) }
    }
    let s = (0..<n).map { _ in 0.10 + 0.30 * rng.unit() }
    let mu = (0..<n).map { _ in 0.02 + 0.14 * rng.unit() }
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        var sum = 0.0
        for f in 0..<k { sum += B[i * k + f] * B[j * k + f] }
        if i == j { sum += s[i] * s[i] }
        v[i * n + j] = sum
      }
    }
    let names = (0..<n).map { i -> String in
      let digits = String(i)
      return "S" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
    return (names, mu, CovarianceMatrix(uncheckedDimension: n, values: v))
  }
}
