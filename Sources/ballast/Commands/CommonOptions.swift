import ArgumentParser
import BallastFormats
import Foundation

/// The output formats every subcommand offers (SPEC §2).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table, json, csv
}

/// `--format`, `--output` and `--timing`, shared by every subcommand (SPEC §2).
struct CommonOptions: ParsableArguments {
  @Option(help: "Output format: table (for people), json or csv (for programs).")
  var format: OutputFormat = .table

  @Option(help: ArgumentHelp("Write the output to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(help: "Print 'timing: load=…ms compute=…ms' to standard error.")
  var timing = false

  @Flag(name: [.customShort("q"), .long], help: "Nothing on standard error but errors (no progress bar, no notes).")
  var quiet = false
}

/// Measures the load and compute phases of a command with the monotonic clock (the CLI is the
/// only place that reads a clock).
struct PhaseTimer {
  private let clock = ContinuousClock()
  private(set) var load: Duration = .zero
  private(set) var compute: Duration = .zero

  mutating func measureLoad<T>(_ body: () throws -> T) rethrows -> T {
    let start = clock.now
    defer { load += clock.now - start }
    return try body()
  }

  mutating func measureCompute<T>(_ body: () throws -> T) rethrows -> T {
    let start = clock.now
    defer { compute += clock.now - start }
    return try body()
  }

  /// `timing: load=12.3ms compute=4.5ms` (SPEC §2).
  var line: String { "timing: load=\(Self.ms(load)) compute=\(Self.ms(compute))" }

  static func ms(_ d: Duration) -> String {
    let (seconds, attoseconds) = d.components
    let millis = Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    return String(format: "%.3fms", millis)
  }
}

/// Where finished output goes. A file is written whole or not at all: the text goes to a
/// temporary file beside it, which is then renamed over the target.
enum OutputSink {
  static func write(_ text: String, to path: String?) throws {
    guard let path else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    let url = URL(fileURLWithPath: path)
    let temp = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(text.utf8).write(to: temp)
      // rename(2) replaces an existing file atomically (FileManager.replaceItemAt fails on
      // every second call over an existing file with swift-corelibs-foundation).
      guard rename(temp.path, url.path) == 0 else {
        throw CocoaError(.fileWriteUnknown)
      }
    } catch {
      try? FileManager.default.removeItem(at: temp)
      throw InputError(file: path, message: "cannot write the output: \(error.localizedDescription)")
    }
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
  }
}

/// Runs a command body, turning bad input into a message on standard error and exit status 2.
func reportingInputErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as InputError {
    OutputSink.printError(TerminalStyle.error("ballast: error:") + " \(error.description)")
    throw ExitCode(2)
  }
}
