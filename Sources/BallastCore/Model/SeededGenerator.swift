/// A small, fast, seedable random number generator (SplitMix64, Steele, Lea & Flood, *Fast
/// splittable pseudorandom number generators*, 2014): the same seed gives the same sequence on
/// every platform and in the Python reference scripts, so synthetic problems, property tests
/// and benchmarks are repeatable. Nothing in Ballast draws random numbers of its own: callers
/// pass a generator in.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in [0, 1): the top 53 bits times 2⁻⁵³.
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
