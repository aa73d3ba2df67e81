package dev.lattice.document;

/**
 * Writes one scalar in a chosen {@link YamlScalarAnalysis.Style} the way SnakeYAML does with line
 * splitting off: plain text as is, single quotes doubled, SnakeYAML's double-quoted escapes, literal
 * blocks with their indentation and chomping hints ({@code |}, {@code |-}, {@code |+}, {@code |2-}).
 * Texts reaching here have no unpaired surrogate, and only double-quoted ones have breaks other
 * than {@code \n}.
 */
final class YamlScalarText {
  private YamlScalarText() {}

  static void write(YamlCursor cursor, String text, YamlScalarAnalysis.Style style) {
    switch (style) {
      case PLAIN -> plain(cursor, text);
      case SINGLE_QUOTED -> singleQuoted(cursor, text);
      case DOUBLE_QUOTED -> doubleQuoted(cursor, text);
      case LITERAL -> literal(cursor, text);
      default -> throw new IllegalArgumentException(style.name());
    }
  }

  private static void plain(YamlCursor cursor, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!cursor.whitespace) {
      cursor.column++;
      cursor.out.append(' ');
    }
    cursor.whitespace = false;
    cursor.indention = false;
    cursor.text(text, 0, text.length());
  }

  private static void singleQuoted(YamlCursor cursor, String text) {
    cursor.indicator("'", true, false, false);
    int start = 0;
    for (int i = text.indexOf('\''); i >= 0; i = text.indexOf('\'', start)) {
      cursor.text(text, start, i + 1);
      cursor.text("'", 0, 1);
      start = i + 1;
    }
    cursor.text(text, start, text.length());
    cursor.indicator("'", false, false, false);
  }

  private static void doubleQuoted(YamlCursor cursor, String text) {
    cursor.indicator("\"", true, false, false);
    int start = 0;
    for (int end = 0; end < text.length(); end++) {
      char ch = text.charAt(end);
      if (ch >= 0x20 && ch <= 0x7E && ch != '"' && ch != '\\') {
        continue;
      }
      cursor.text(text, start, end);
      String escaped = escape(ch);
      if (escaped == null) {
        int codePoint = Character.isHighSurrogate(ch) && end + 1 < text.length()
            ? Character.toCodePoint(ch, text.charAt(end + 1)) : ch;
        if (isPrintable(codePoint)) { // U+FEFF too: SnakeYAML checks for it, then finds it printable
          escaped = new String(Character.toChars(codePoint));
          end += Character.charCount(codePoint) - 1;
        } else if (ch <= 0xFF) {
          escaped = "\\x" + hex(ch, 2);
        } else {
          escaped = "\\u" + hex(ch, 4);
        }
      }
      cursor.text(escaped, 0, escaped.length());
      start = end + 1;
    }
    cursor.text(text, start, text.length());
    cursor.indicator("\"", false, false, false);
  }

  /** SnakeYAML's short escapes; null when the character has none. */
  private static String escape(char ch) {
    return switch (ch) {
      case 0 -> "\\0";
      case 0x07 -> "\\a";
      case 0x08 -> "\\b";
      case '\t' -> "\\t";
      case '\n' -> "\\n";
      case 0x0B -> "\\v";
      case 0x0C -> "\\f";
      case '\r' -> "\\r";
      case 0x1B -> "\\e";
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case 0x85 -> "\\N";
      case 0xA0 -> "\\_";
      case 0x2028 -> "\\L";
      case 0x2029 -> "\\P";
      default -> null;
    };
  }

  private static boolean isPrintable(int c) {
    return (c >= 0x20 && c <= 0x7E) || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String hex(int value, int digits) {
    String s = Integer.toHexString(value);
    return "0".repeat(Math.max(0, digits - s.length())) + s;
  }

  /**
   * A literal block: the indicator with its hints, then each line at the scalar's indent; empty
   * lines stay empty. SnakeYAML does not count a literal line's characters into the column, and
   * neither does this (every line ends in a break, which resets it).
   */
  private static void literal(YamlCursor cursor, String text) {
    String hints = blockHints(text);
    cursor.indicator("|" + hints, true, false, false);
    if (hints.endsWith("+")) {
      cursor.openEnded = true;
    }
    cursor.lineBreak();
    int start = 0;
    int length = text.length();
    while (start < length) {
      if (text.charAt(start) == '\n') {
        cursor.lineBreak();
        start++;
        continue;
      }
      cursor.writeIndent();
      int end = text.indexOf('\n', start);
      int lineEnd = end < 0 ? length : end;
      cursor.out.append(text, start, lineEnd);
      if (end < 0) {
        cursor.lineBreak();
      }
      start = lineEnd;
    }
  }

  /** {@code 2} when the text starts with a space or break; {@code -} without a final break, {@code +} with several. */
  private static String blockHints(String text) {
    String hints = text.charAt(0) == ' ' || text.charAt(0) == '\n' ? "2" : "";
    int last = text.length() - 1;
    if (text.charAt(last) != '\n') {
      return hints + "-";
    }
    return text.length() == 1 || text.charAt(last - 1) == '\n' ? hints + "+" : hints;
  }
}
