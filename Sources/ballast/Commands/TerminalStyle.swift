import Foundation

/// ANSI colour for messages on a terminal: only when the stream is a terminal, `TERM` is not
/// `dumb`, and `NO_COLOR` is unset or empty (no-color.org). Files and pipes get plain text.
enum TerminalStyle {
  static func colorsEnabled(fileDescriptor fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    guard isatty(fd) == 1 else { return false }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return environment["TERM"] != "dumb"
  }

  /// `text` in bold red on a colour terminal (standard error), else as it is.
  static func error(_ text: String) -> String {
    colorsEnabled(fileDescriptor: STDERR_FILENO) ? "\u{1B}[1;31m\(text)\u{1B}[0m" : text
  }

  /// `text` dimmed on a colour terminal (standard error), else as it is.
  static func note(_ text: String) -> String {
    colorsEnabled(fileDescriptor: STDERR_FILENO) ? "\u{1B}[2m\(text)\u{1B}[0m" : text
  }
}
