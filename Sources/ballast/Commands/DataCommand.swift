import ArgumentParser
import BallastData
import BallastFormats

/// `ballast data …`: the bundled historical data sets.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "List the bundled historical data sets.",
    discussion: """
      Examples:
        ballast data list
        ballast data list --format json
      """,
    subcommands: [List.self],
    defaultSubcommand: List.self)
}

extension DataCommand {
  /// `ballast data list`: name, columns, range and source of every bundled data set.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list",
      abstract: "Show each bundled data set: name, columns, range, rows and source (terms: Resources/DATA.md).",
      discussion: """
        Examples:
          ballast data list
          ballast backtest --data daily_us_stocks --equal-weight
        """)

    @OptionGroup var common: CommonOptions

    func run() throws {
      try reportingInputErrors {
        var timer = PhaseTimer()
        let sets = timer.measureCompute { BundledData.catalog }
        let text: String
        switch common.format {
        case .table: text = Self.table(sets)
        case .json: text = Self.json(sets)
        case .csv: text = Self.csv(sets)
        }
        try OutputSink.write(text, to: common.output)
        if common.timing { OutputSink.printError(timer.line) }
      }
    }

    static func table(_ sets: [BundledDataSet]) -> String {
      var t = TextTable(columns: [
        .init("name", .left), .init("kind", .left), .init("frequency", .left), .init("range", .left), .init("rows"),
        .init("columns", .left), .init("source", .left),
      ])
      for s in sets {
        t.append([s.name, s.kind, s.frequency, "\(s.first) to \(s.last)", String(s.rows), s.columns.joined(separator: " "), s.source])
      }
      return t.rendered() + "\nSources, terms and what was left out: Resources/DATA.md of the BallastData module.\n"
    }

    static func json(_ sets: [BundledDataSet]) -> String {
      JSONValue.object([
        ("dataSets", .array(sets.map { s in
          .object([
            ("name", .string(s.name)), ("file", .string(s.file)), ("kind", .string(s.kind)),
            ("frequency", .string(s.frequency)), ("columns", .array(s.columns.map(JSONValue.string))),
            ("first", .string(s.first)), ("last", .string(s.last)), ("rows", .int(s.rows)), ("source", .string(s.source)),
          ])
        }))
      ]).rendered()
    }

    static func csv(_ sets: [BundledDataSet]) -> String {
      var w = CSVWriter(header: ["name", "file", "kind", "frequency", "columns", "first", "last", "rows", "source"])
      for s in sets {
        w.append([s.name, s.file, s.kind, s.frequency, s.columns.joined(separator: " "), s.first, s.last, String(s.rows), s.source])
      }
      return w.text
    }
  }
}
