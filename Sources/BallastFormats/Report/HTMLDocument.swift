/// A self-contained HTML page: inline CSS, inline SVG, no scripts and no network references,
/// readable on screen and on paper. Built from escaped fragments in a fixed order, so the same
/// content always gives the same bytes.
public struct HTMLDocument: Sendable {
  public var title: String
  /// One line under the title saying what was run (e.g. the command line).
  public var command: String?
  private var body = ""

  public init(title: String, command: String? = nil) {
    self.title = title
    self.command = command
  }

  /// A section heading (`<h2>`).
  public mutating func heading(_ text: String, id: String? = nil) {
    body += "<h2\(id.map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? "")>\(HTMLEscaping.escape(text))</h2>\n"
  }

  /// A smaller heading (`<h3>`).
  public mutating func subheading(_ text: String) { body += "<h3>\(HTMLEscaping.escape(text))</h3>\n" }

  /// A paragraph of plain text.
  public mutating func paragraph(_ text: String, class cls: String? = nil) {
    body += "<p\(cls.map { " class=\"\($0)\"" } ?? "")>\(HTMLEscaping.escape(text))</p>\n"
  }

  /// Already-built markup (an SVG chart, or fragments made with ``HTMLEscaping``).
  public mutating func raw(_ html: String) { body += html }

  /// A chart with a caption under it that says how to read it.
  public mutating func figure(_ svg: String, caption: String) {
    body += "<figure>\n\(svg)<figcaption>\(HTMLEscaping.escape(caption))</figcaption>\n</figure>\n"
  }

  /// A bulleted list of plain-text items.
  public mutating func list(_ items: [String], class cls: String? = nil) {
    guard !items.isEmpty else { return }
    body += "<ul\(cls.map { " class=\"\($0)\"" } ?? "")>\n" + items.map { "<li>\(HTMLEscaping.escape($0))</li>\n" }.joined() + "</ul>\n"
  }

  /// Label–value pairs shown as a compact grid (key figures).
  public mutating func facts(_ pairs: [(String, String)]) {
    body += "<dl class=\"facts\">\n"
    for (k, v) in pairs { body += "<div><dt>\(HTMLEscaping.escape(k))</dt><dd>\(HTMLEscaping.escape(v))</dd></div>\n" }
    body += "</dl>\n"
  }

  /// A table. Columns listed in `numeric` are right-aligned; rows listed in `strong` are bold.
  public mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], strong: Set<Int> = [], caption: String? = nil) {
    var out = "<table>\n"
    if let caption { out += "<caption>\(HTMLEscaping.escape(caption))</caption>\n" }
    out += "<thead><tr>" + header.enumerated().map { i, h in "<th\(numeric.contains(i) ? " class=\"n\"" : "")>\(HTMLEscaping.escape(h))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for (r, row) in rows.enumerated() {
      out += strong.contains(r) ? "<tr class=\"strong\">" : "<tr>"
      out += row.enumerated().map { i, cell in "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(HTMLEscaping.escape(cell))</td>" }.joined()
      out += "</tr>\n"
    }
    body += out + "</tbody>\n</table>\n"
  }

  /// The whole page.
  public func rendered() -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"generator\" content=\"ballast\">\n"
    out += "<title>\(HTMLEscaping.escape(title))</title>\n<style>\n\(Self.css)</style>\n</head>\n<body>\n<main>\n"
    out += "<h1>\(HTMLEscaping.escape(title))</h1>\n"
    if let command { out += "<p class=\"cmd\"><code>\(HTMLEscaping.escape(command))</code></p>\n" }
    out += body
    out += "<footer>Made by ballast. Self-contained: no scripts, no network; print it or save it as it is.</footer>\n"
    return out + "</main>\n</body>\n</html>\n"
  }

  static let css = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f4f5f7; color: #1a1a1a; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
    main { max-width: 960px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #d8dbe0; }
    h3 { font-size: 14px; margin: 18px 0 6px; }
    p.cmd code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #eef0f3; padding: 2px 6px; border-radius: 3px; }
    p.note { color: #444; font-size: 13px; }
    table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { padding: 4px 10px; border-bottom: 1px solid #e3e5e8; text-align: left; vertical-align: top; }
    th { background: #eef0f3; font-weight: 600; }
    td.n, th.n { text-align: right; white-space: nowrap; }
    tr.strong td { font-weight: 700; }
    tbody tr:nth-child(even) td { background: #fafbfc; }
    dl.facts { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0 12px; }
    dl.facts div { min-width: 150px; }
    dt { font-size: 12px; color: #555; }
    dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
    ul.warnings li { color: #7a3b00; }
    figure { margin: 10px 0 20px; break-inside: avoid; page-break-inside: avoid; }
    figcaption { font-size: 12.5px; color: #444; margin-top: 2px; max-width: 880px; }
    svg.chart { display: block; max-width: 100%; height: auto; font: 12px system-ui, "DejaVu Sans", sans-serif; }
    svg.chart text { fill: #222; }
    svg.chart .ctitle { font-size: 14px; font-weight: 700; }
    svg.chart .alabel { font-size: 12.5px; fill: #333; }
    svg.chart .grid line { stroke: #e6e8eb; stroke-width: 1; }
    svg.chart .axis rect, svg.chart .axis line { stroke: #444; stroke-width: 1; fill: none; }
    svg.chart .ref { stroke: #555; stroke-width: 1; stroke-dasharray: 4 3; }
    svg.chart .band { opacity: 0.55; }
    svg.chart .val { font-size: 11px; fill: #333; }
    svg.chart .plabel { font-size: 11.5px; }
    svg.chart .plabel.hl { font-weight: 700; }
    footer { margin-top: 32px; font-size: 11.5px; color: #777; }
    @media print {
      body { background: #fff; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      table { break-inside: auto; }
      tr { break-inside: avoid; }
    }

    """
}
