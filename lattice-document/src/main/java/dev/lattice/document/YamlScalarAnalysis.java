package dev.lattice.document;

/**
 * What a string allows when written as a YAML scalar in block context, decided exactly as
 * SnakeYAML's emitter decides it (the emitter under Jackson's YAML generator), so that {@link
 * StreamingYamlWriter} picks the same style Jackson would: plain, single-quoted, double-quoted or
 * literal. One deliberate difference: text with a line break other than {@code \n} (U+0085, U+2028,
 * U+2029) is always double-quoted, where SnakeYAML would write the break raw in a plain, quoted or
 * literal scalar and a YAML 1.1 reader would fold it into a space or a {@code \n}. Unpaired
 * surrogates are flagged as {@link #unsupported()}: the streaming writer leaves them to Jackson.
 */
record YamlScalarAnalysis(boolean empty, boolean multiline, boolean otherBreaks, boolean allowBlockPlain,
    boolean allowSingleQuoted, boolean allowBlock, boolean unsupported) {
  /** The style a scalar is finally written in. */
  enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL }

  /** The style Jackson asks for; the emitter may override it when the text does not allow it. */
  enum Requested { PLAIN, DOUBLE_QUOTED, LITERAL }

  private static final YamlScalarAnalysis EMPTY = new YamlScalarAnalysis(true, false, false, true, true, false, false);

  /** One pass over {@code s}: indicators, line breaks, special characters, significant whitespace. */
  static YamlScalarAnalysis of(String s) {
    int length = s.length();
    if (length == 0) {
      return EMPTY;
    }
    boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
    boolean lineBreaks = false;
    boolean otherBreaks = false;
    boolean special = false;
    boolean unsupported = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    boolean precededByWhitespace = true;
    boolean followedByWhitespace = length == 1 || isBlankOrBreak(s.codePointAt(1));
    int index = 0;
    while (index < length) {
      char unit = s.charAt(index);
      int c = Character.isSurrogate(unit) ? s.codePointAt(index) : unit;
      if (index == 0) {
        if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0 || ((c == '?' || c == ':' || c == '-') && followedByWhitespace)) {
          blockIndicators = true;
        }
      } else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace)) {
        blockIndicators = true;
      }
      boolean isBreak = isLineBreak(c);
      if (isBreak) {
        lineBreaks = true;
        otherBreaks |= c != '\n';
      }
      if (c != '\n' && (c < 0x20 || c > 0x7E)) {
        if (c >= 0xD800 && c <= 0xDFFF) {
          unsupported = true; // an unpaired surrogate
        } else if (!(c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)) {
          special = true;
        }
      }
      if (c == ' ') {
        leadingSpace |= index == 0;
        trailingSpace |= index == length - 1;
        breakSpace |= previousBreak;
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak) {
        leadingBreak |= index == 0;
        trailingBreak |= index == length - 1;
        spaceBreak |= previousSpace;
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      index += Character.charCount(c);
      precededByWhitespace = c == 0 || c == ' ' || c == '\t' || isBreak;
      followedByWhitespace = true;
      if (index + 1 < length) { // SnakeYAML looks one code point past the next one here, and keeps its quirk
        boolean pair = Character.isHighSurrogate(s.charAt(index)) && Character.isLowSurrogate(s.charAt(index + 1));
        int next = index + (pair ? 2 : 1);
        if (next < length) {
          char n = s.charAt(next); // a code point there is blank only if this char is
          followedByWhitespace = n == 0 || n == ' ' || n == '\t' || isBreak;
        }
      }
    }
    boolean onlyDoubleQuoted = spaceBreak || special;
    boolean allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || hasLeadingZero(s)
        || breakSpace || onlyDoubleQuoted || blockIndicators);
    return new YamlScalarAnalysis(false, lineBreaks, otherBreaks, allowBlockPlain, !breakSpace && !onlyDoubleQuoted,
        !trailingSpace && !onlyDoubleQuoted, unsupported);
  }

  /**
   * Whether a block mapping may write this text as a simple key ({@code key: value}) rather than
   * {@code ? key}: as SnakeYAML decides, except that a key whose only breaks are the double-quoted
   * other breaks stays simple.
   */
  boolean allowsSimpleKey(String s) {
    return !empty && (!multiline || (otherBreaks && s.indexOf('\n') < 0)) && s.length() < 128;
  }

  /** The style the emitter settles on for the requested one, in block context. */
  Style style(Requested requested, boolean simpleKey) {
    if (otherBreaks) {
      return Style.DOUBLE_QUOTED;
    }
    switch (requested) {
      case DOUBLE_QUOTED:
        return Style.DOUBLE_QUOTED;
      case LITERAL:
        return !simpleKey && allowBlock ? Style.LITERAL : Style.DOUBLE_QUOTED;
      default:
        if (!(simpleKey && (empty || multiline)) && allowBlockPlain) {
          return Style.PLAIN;
        }
        return allowSingleQuoted && !(simpleKey && multiline) ? Style.SINGLE_QUOTED : Style.DOUBLE_QUOTED;
    }
  }

  static boolean isLineBreak(int c) {
    return c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlankOrBreak(int c) {
    return c == 0 || c == ' ' || c == '\t' || c == '\r' || isLineBreak(c);
  }

  /** {@code 0[0-9_]+}: an octal-looking number, never plain. */
  private static boolean hasLeadingZero(String s) {
    if (s.length() < 2 || s.charAt(0) != '0') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch >= '0' && ch <= '9') && ch != '_') {
        return false;
      }
    }
    return true;
  }
}
