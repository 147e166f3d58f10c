/// Bad input, reported so that a person can fix it: which file, where in it, what was
/// expected and what was found.
///
/// Every reader of Ballast throws this type for input it cannot accept; the CLI prints
/// ``description`` to standard error and exits with status 2, writing nothing.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The file as the user named it (`-` for standard input).
  public var file: String
  /// Where in the document, e.g. `accounts[1].holdings[0].quantity`; empty for the whole file.
  public var keyPath: String
  /// 1-based line in the file, where the format gives one.
  public var line: Int?
  /// What was wrong: "expected …, found …".
  public var message: String

  public init(file: String, keyPath: String = "", line: Int? = nil, message: String) {
    self.file = file
    self.keyPath = keyPath
    self.line = line
    self.message = message
  }

  public var description: String {
    var location = file
    if let line { location += ":\(line)" }
    if !keyPath.isEmpty { location += ": \(keyPath)" }
    return "\(location): \(message)"
  }
}
