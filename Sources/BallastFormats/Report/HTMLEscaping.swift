/// Escaping of text for HTML and SVG: `&`, `<`, `>`, `"` and `'` become entities, so a
/// household named `<script>` prints as text and never runs.
public enum HTMLEscaping {
  /// `text` safe inside an element or a double- or single-quoted attribute.
  /// - Complexity: O(n)
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
