/// How far one asset class (or group) stands from its target.
public struct ClassDrift: Sendable, Hashable {
  public var name: AssetClassName
  /// Market value of the class.
  public var value: Money
  public var target: Double
  /// value / allocation base.
  public var actual: Double
  /// actual − target, in weight units.
  public var drift: Double
  /// drift / target; `nil` for a zero target.
  public var relativeDrift: Double?
  public var lower: Double
  public var upper: Double
  /// Outside [lower, upper] by more than ``Tolerance/bandEdge``.
  public var isBreached: Bool
  public var parent: AssetClassName?
  public var isGroup: Bool
}

/// The drift of a whole household against its targets (what `ballast check` prints).
public struct DriftReport: Sendable, Hashable {
  public var asOf: CivilDate
  /// Securities plus cash of every account.
  public var totalValue: Money
  /// Cash of every account (a class of its own only when the targets name `cash`).
  public var cash: Money
  /// What the targets are shares of: the total value less the cash reserves of the accounts
  /// (or the total value when cash is a target class).
  public var allocationBase: Money
  /// In target order, each group followed by its members.
  public var classes: [ClassDrift]

  /// Whether any class or group is outside its band.
  public var isBreached: Bool { classes.contains(where: \.isBreached) }
}

/// Named tolerances (STYLE C6).
public enum Tolerance {
  /// A weight this close outside a band edge still counts as inside: 10⁻⁹, far below a cent
  /// on any household, so rounding of amounts never flags a breach that is not there.
  public static let bandEdge = 1e-9
  /// How far target weights may sum from 1 (the file writes them with a few decimals).
  public static let weightSum = 1e-6
}
