/// A string identifier that carries what it identifies in its type, so that an account id
/// can never be passed where a symbol is expected (STYLE C4).
public struct Identifier<Tag>: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let rawValue: String
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

public enum SymbolTag {}
public enum AccountTag {}
public enum AssetClassTag {}

/// A ticker such as `VTI`.
public typealias Symbol = Identifier<SymbolTag>
/// An account id such as `brokerage`.
public typealias AccountID = Identifier<AccountTag>
/// An asset-class name such as `us_stocks`.
public typealias AssetClassName = Identifier<AssetClassTag>

extension AssetClassName {
  /// The class name that makes cash a target of its own.
  public static let cash = AssetClassName("cash")
}
