/// Fewer points for long paths, with the same picture: per pixel column, keep the first, the
/// lowest, the highest and the last point (the "M4" aggregation of Jugel et al., VLDB 2014),
/// in their original order. Extremes such as a drawdown's trough or a path's peak always
/// survive, and a line drawn through the kept points is pixel-identical at that width.
public enum Downsampling {
  /// Indices to keep from `xs`/`ys` (sorted by x), at most four per bucket of `bucketWidth`
  /// in the units of `bucketOf`.
  /// - Parameters:
  ///   - bucketOf: the bucket of a point, e.g. its pixel column; must not decrease along x.
  /// - Returns: increasing indices, always including the first and the last point.
  /// - Complexity: O(n)
  public static func m4Indices(count n: Int, y: (Int) -> Double, bucketOf: (Int) -> Int) -> [Int] {
    guard n > 4 else { return Array(0..<n) }
    var keep: [Int] = []
    keep.reserveCapacity(n)
    var start = 0
    while start < n {
      let bucket = bucketOf(start)
      var end = start + 1
      var lo = start
      var hi = start
      while end < n && bucketOf(end) == bucket {
        let v = y(end)
        if v < y(lo) { lo = end }
        if v > y(hi) { hi = end }
        end += 1
      }
      for i in [start, lo, hi, end - 1].sorted() where keep.last != i { keep.append(i) }
      start = end
    }
    return keep
  }

  /// Indices keeping at most four points per `pixelWidth`-wide column of a scale.
  public static func m4Indices(xs: [Double], ys: [Double], scale: ChartScale, pixelWidth: Double = 1) -> [Int] {
    precondition(xs.count == ys.count, "x and y differ in length")
    let step = max(pixelWidth, 1e-9)
    return m4Indices(count: xs.count, y: { ys[$0] }, bucketOf: { Int((scale.map(xs[$0]) / step).rounded(.down)) })
  }
}
