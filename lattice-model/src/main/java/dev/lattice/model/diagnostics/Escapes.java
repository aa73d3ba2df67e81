package dev.lattice.model.diagnostics;

/**
 * Makes text safe to print on one terminal line: what a file name or a value carries cannot start
 * a new line or send a terminal escape. Control characters (C0, DEL, C1), line and paragraph
 * separators and the bidirectional overrides and isolates ("Trojan Source", CVE-2021-42574) are
 * written as JSON writes them ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}, …); everything
 * else, backslashes included, is left as it is, so ordinary messages read as before.
 */
public final class Escapes {
  private Escapes() {}

  /** {@code s} with every character that could forge a line or a terminal effect escaped. */
  public static String text(String s) {
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean escaped(char c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
        || c == '\u061C';
  }
}
