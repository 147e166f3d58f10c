import Foundation

/// Maps data values onto pixels along one axis, linearly or on a log₁₀ scale.
public struct ChartScale: Sendable, Hashable {
  public enum Kind: Sendable, Hashable { case linear, logarithmic }
  public var kind: Kind
  /// The data interval shown (positive on a log scale).
  public var domain: ClosedRange<Double>
  /// The pixel interval it fills; `lower` maps to `pixels.lowerBound` unless `flipped`.
  public var pixels: ClosedRange<Double>
  /// Screen y grows downwards: a y scale is flipped so larger values sit higher.
  public var flipped: Bool

  public init(_ kind: Kind = .linear, domain: ClosedRange<Double>, pixels: ClosedRange<Double>, flipped: Bool = false) {
    self.kind = kind
    self.domain = domain
    self.pixels = pixels
    self.flipped = flipped
  }

  /// The pixel of `v`; values outside the domain map outside the pixel range (clip them).
  /// - Complexity: O(1)
  public func map(_ v: Double) -> Double {
    let t: Double
    switch kind {
    case .linear:
      let width = domain.upperBound - domain.lowerBound
      t = width > 0 ? (v - domain.lowerBound) / width : 0.5
    case .logarithmic:
      let lo = log10(domain.lowerBound)
      let width = log10(domain.upperBound) - lo
      t = width > 0 && v > 0 ? (log10(v) - lo) / width : (v > 0 ? 0.5 : -1)
    }
    let u = flipped ? 1 - t : t
    return pixels.lowerBound + u * (pixels.upperBound - pixels.lowerBound)
  }

  /// The pixel of `v`, kept inside the pixel range.
  public func clampedMap(_ v: Double) -> Double {
    min(pixels.upperBound, max(pixels.lowerBound, map(v)))
  }

  /// Whether `v` lies in the domain (with a hair of slack for rounding).
  public func contains(_ v: Double) -> Bool {
    let slack = (domain.upperBound - domain.lowerBound) * 1e-9
    return v >= domain.lowerBound - slack && v <= domain.upperBound + slack
  }
}
