package dev.lattice.document;

/**
 * The output position of {@link StreamingYamlWriter}: the text so far and the few facts SnakeYAML's
 * emitter keeps about it (column, indent, whether the last character was whitespace or indentation,
 * whether the document is open-ended), with the emitter's primitives for indicators, indentation and
 * line breaks. Keeping the same facts is what makes the layout byte-identical to Jackson's.
 */
final class YamlCursor {
  /** No indent yet: the document root. */
  static final int NO_INDENT = -1;
  /** Runs of 0 to 63 spaces: appending a whole string is a copy, appending part of one is a loop. */
  private static final String[] SPACES = new String[64];

  static {
    for (int i = 0; i < SPACES.length; i++) {
      SPACES[i] = " ".repeat(i);
    }
  }

  final StringBuilder out;
  int column;
  int indent = NO_INDENT;
  boolean whitespace = true;
  boolean indention = true;
  /** The last scalar was a literal keeping its trailing blank lines; the next document must start with {@code ...}. */
  boolean openEnded;

  YamlCursor(StringBuilder out) {
    this.out = out;
  }

  /** A copy of the position, to roll back to. */
  YamlCursor snapshot() {
    YamlCursor copy = new YamlCursor(out);
    copy.restoreFrom(this, out.length());
    return copy;
  }

  /** Goes back to {@code mark}, dropping the text written since {@code length}. */
  void restoreFrom(YamlCursor mark, int length) {
    out.setLength(length);
    column = mark.column;
    indent = mark.indent;
    whitespace = mark.whitespace;
    indention = mark.indention;
    openEnded = mark.openEnded;
  }

  void indicator(String indicator, boolean needWhitespace, boolean whitespaceAfter, boolean indentation) {
    if (!whitespace && needWhitespace) {
      column++;
      out.append(' ');
    }
    whitespace = whitespaceAfter;
    indention = indention && indentation;
    column += indicator.length();
    openEnded = false;
    out.append(indicator);
  }

  /** A line break unless already at the indent, then spaces up to it. */
  void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      lineBreak();
    }
    spaces(target - column);
  }

  void spaces(int count) {
    if (count <= 0) {
      return;
    }
    whitespace = true;
    column += count;
    int left = count;
    for (; left >= SPACES.length; left -= SPACES.length - 1) {
      out.append(SPACES[SPACES.length - 1]);
    }
    out.append(SPACES[left]);
  }

  void lineBreak() {
    whitespace = true;
    indention = true;
    column = 0;
    out.append('\n');
  }

  /** Text that moves the column (plain and quoted scalars). */
  void text(String s, int start, int end) {
    column += end - start;
    if (start == 0 && end == s.length()) {
      out.append(s);
    } else {
      out.append(s, start, end);
    }
  }

  /** The indent of a nested node: {@code flow} (scalars, flow collections) starts at 2 below the root, blocks at 0. */
  int increaseIndent(boolean flow, boolean indentless) {
    int previous = indent;
    if (indent == NO_INDENT) {
      indent = flow ? 2 : 0;
    } else if (!indentless) {
      indent += 2;
    }
    return previous;
  }
}
